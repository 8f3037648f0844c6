import type { Browser } from '@playwright/test'
import type { Row } from './run'

/** Benchmarks of later features; the results page adds its own here. */
export async function extraBenchmarks(_browser: Browser, _base: string): Promise<Row[]> {
  return []
}
