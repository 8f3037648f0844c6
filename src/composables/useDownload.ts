/**
 * Saves text as a file through the browser's download, without any network. A large text can
 * come in parts, which the file joins without one string ever holding it whole.
 */
export function downloadText(
  fileName: string,
  text: string | readonly string[],
  type = 'application/json',
): void {
  downloadBlob(fileName, new Blob(typeof text === 'string' ? [text] : [...text], { type }))
}

/** Saves a file made elsewhere (in a worker) through the browser's download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
