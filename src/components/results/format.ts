/** Number formats shared by the results tables and charts. */
export function formatGap(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2)
}

export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`
}

export function formatRating(value: number | 'na' | null, na: string): string {
  if (value === 'na') return na
  return value === null ? '—' : String(value)
}
