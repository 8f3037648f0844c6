import { readdirSync, readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useStandardsStore, type StandardSource } from '@/stores/standards'
import { describeFailure } from '@/i18n/problems'
import { makeStandard } from '../fixtures/standard'
import { sourcesOf } from './helpers'

/** Every file in data/standards/, read from disk as the app fetches it. */
function dataSources(): StandardSource[] {
  const dir = new URL('../../data/standards/', import.meta.url)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, read: async () => readFileSync(new URL(file, dir), 'utf8') }))
}

describe('standards store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('offers every standard in data/standards, the seeds among them', async () => {
    const store = useStandardsStore()
    const sources = dataSources()
    await store.load(sources)
    expect(store.failures.map((f) => `${f.file}: ${describeFailure(f, 'en')}`)).toEqual([])
    expect(store.standards).toHaveLength(sources.length)
    expect(store.get('TTM4221-002v4')?.title).toBe('旅遊業營運主管')
    expect(store.get('THM3514-lodging-ecommerce')?.code).toBeNull()
  })

  it('offers the valid files and names the broken one with its problem', async () => {
    const store = useStandardsStore()
    await store.load(
      sourcesOf({
        'a.json': makeStandard(),
        'b.json': '{ not json',
        'c.json': makeStandard({ id: 'OTHER-1', code: null }),
      }),
    )
    expect(store.status).toBe('ready')
    expect(store.standards.map((s) => s.id)).toEqual(['TST1234-001v1', 'OTHER-1'])
    expect(store.failures).toHaveLength(1)
    expect(store.failures[0]?.file).toBe('b.json')
    expect(store.failures[0]?.problem.code).toBe('not-json')
    expect(describeFailure(store.failures[0]!, 'zh-TW')).toMatch(/^檔案內容不是有效的 JSON/)
    expect(store.get('OTHER-1')?.code).toBeNull()
  })

  it('reports a file that cannot be read, and a second file with the same id', async () => {
    const store = useStandardsStore()
    await store.load([
      ...sourcesOf({ 'a.json': makeStandard(), 'dup.json': makeStandard() }),
      {
        file: 'gone.json',
        read: () => Promise.reject(new Error('HTTP 404')),
      },
    ])
    expect(store.standards).toHaveLength(1)
    expect(store.failures).toEqual([
      {
        file: 'dup.json',
        problem: { code: 'same-id-as-other-file', params: { id: 'TST1234-001v1' }, place: [] },
        more: [],
      },
      {
        file: 'gone.json',
        problem: { code: 'unreadable', params: { detail: 'HTTP 404' }, place: [] },
        more: [],
      },
    ])
    expect(store.failures.map((f) => describeFailure(f, 'zh-TW'))).toEqual([
      '另一個檔案已有職能基準 TST1234-001v1',
      '無法讀取檔案（HTTP 404）',
    ])
  })

  it('loads once unless forced', async () => {
    const store = useStandardsStore()
    let reads = 0
    const sources = [
      { file: 'a.json', read: async () => (reads++, JSON.stringify(makeStandard())) },
    ]
    await Promise.all([store.load(sources), store.load(sources)])
    expect(reads).toBe(1)
    await store.load(sources, true)
    expect(reads).toBe(2)
  })
})
