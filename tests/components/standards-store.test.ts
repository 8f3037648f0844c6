import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useStandardsStore } from '@/stores/standards'
import { makeStandard } from '../fixtures/standard'
import { sourcesOf } from './helpers'

describe('standards store', () => {
  beforeEach(() => setActivePinia(createPinia()))

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
    expect(store.failures[0]?.problem).toMatch(/not valid JSON/)
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
      { file: 'dup.json', problem: 'another file already holds standard TST1234-001v1' },
      { file: 'gone.json', problem: 'HTTP 404' },
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
