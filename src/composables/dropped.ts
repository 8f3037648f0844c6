/**
 * The files of a drop: files, and the files inside dropped folders at any depth (a trainer
 * drops the folder the mails were saved to). Browsers give folders through the entries API.
 */

/** Reads every entry of a folder: a reader gives them in batches until an empty one. */
function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: FileSystemEntry[] = []
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) resolve(entries)
        else {
          entries.push(...batch)
          next()
        }
      }, reject)
    next()
  })
}

async function filesOf(entry: FileSystemEntry, path: string): Promise<File[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    )
    // The name says where the file was, so a refusal names it as the person would find it.
    return [path ? new File([file], `${path}/${file.name}`, { type: file.type }) : file]
  }
  if (entry.isDirectory) {
    const inner = await readAll((entry as FileSystemDirectoryEntry).createReader())
    const name = path ? `${path}/${entry.name}` : entry.name
    return (await Promise.all(inner.map((e) => filesOf(e, name)))).flat()
  }
  return []
}

export async function droppedFiles(data: DataTransfer | null): Promise<File[]> {
  if (!data) return []
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null)
  // Where the entries API is missing, the plain list of files is what there is.
  if (!entries.length || entries.some((e) => e === null)) return [...data.files]
  return (await Promise.all(entries.map((e) => filesOf(e!, '')))).flat()
}

/** A folder chosen with the folder picker: each file named by its path within the folder. */
export function pickedFiles(list: FileList | null): File[] {
  return [...(list ?? [])].map((file) =>
    file.webkitRelativePath && file.webkitRelativePath !== file.name
      ? new File([file], file.webkitRelativePath, { type: file.type })
      : file,
  )
}
