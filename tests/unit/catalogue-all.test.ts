/**
 * The whole catalogue converted, as every build does: how many files are converted (all 908,
 * or each exception named with its reason), and every converted file passes the app's standard
 * check and the index's. The source is ../shared/catalogue/, beside the project (as in CI).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCatalogue, type CatalogueBuild } from '@/domain/catalogue/batch'
import { readCatalogueIndex } from '@/domain/catalogue/entry'
import { isTranscription } from '@/domain/catalogue/ids'
import { parseStandardFile } from '@/domain/standard/parse'
import type { Standard } from '@/domain/standard/schema'

const SOURCE = resolve(process.cwd(), '../shared/catalogue/competencywizard-parsed')

/**
 * The files left out, and why (see describeReason): no task in the source; no standard level
 * (基準級別); a task code heading two rows of different indicators; or fewer than half of the
 * tasks with indicator text.
 */
const LEFT_OUT: [file: string, reason: string][] = [
  ['AI演算法應用工程人員', 'tasks-without-indicators'],
  ['《歷史資料》傳統灰作匠師', 'no-tasks'],
  ['《歷史資料》專利工程師', 'no-level'],
  ['《歷史資料》展演設施產業展覽策畫人員', 'no-tasks'],
  ['《歷史資料》巨量資料分析師', 'tasks-without-indicators'],
  ['《歷史資料》感知系統整合應用工程師', 'tasks-without-indicators'],
  ['《歷史資料》新藥開發人員', 'no-level'],
  ['《歷史資料》新進工業設計師', 'no-tasks'],
  ['《歷史資料》旅遊產品操作(OP)人員', 'no-tasks'],
  ['《歷史資料》智慧綠建築產業系統整合(2)', 'no-level'],
  ['《歷史資料》智慧綠建築產業系統整合工程師(1)', 'no-level'],
  ['《歷史資料》智慧聯網與工控資安整合應用工程師', 'tasks-without-indicators'],
  ['《歷史資料》會議展覽專業人員', 'no-level'],
  ['《歷史資料》植物保護與安全用藥人員', 'no-tasks'],
  ['《歷史資料》環境檢測報告簽署人', 'no-level'],
  ['《歷史資料》環境檢測服務業檢測人員', 'no-level'],
  ['《歷史資料》遊戲伺服器端程式設計師', 'tasks-without-indicators'],
  ['半導體產業-製造-品管工程師', 'no-tasks'],
  ['半導體產業-製造-廠務工程師', 'no-tasks'],
  ['半導體產業-製造-測試工程師', 'no-tasks'],
  ['半導體產業-製造-製程工程師', 'no-tasks'],
  ['半導體產業-製造-製程整合工程師', 'no-tasks'],
  ['半導體產業-製造-設備工程師', 'no-tasks'],
  ['半導體產業IC佈局工程師', 'tasks-without-indicators'],
  ['半導體產業數位IC設計工程師', 'tasks-without-indicators'],
  ['半導體產業軟體設計工程師', 'tasks-without-indicators'],
  ['半導體產業韌體設計工程師', 'tasks-without-indicators'],
  ['半導體產業類比IC設計工程師', 'tasks-without-indicators'],
  ['國際事務行政人員', 'tasks-without-indicators'],
  ['塑膠射出模具技術助理', 'repeated-task'],
  ['客戶服務部門主管', 'tasks-without-indicators'],
  ['工具機軟體人機介面工程師', 'tasks-without-indicators'],
  ['工會理事長', 'tasks-without-indicators'],
  ['機器人感知系統工程師', 'no-level'],
  ['生技產業生物技術研發師', 'repeated-task'],
  ['葡萄果園經營管理專員', 'tasks-without-indicators'],
  ['行動應用企劃師', 'tasks-without-indicators'],
  ['行動裝置程式設計師', 'tasks-without-indicators'],
  ['西式烹飪廚師', 'tasks-without-indicators'],
  ['設計產業工業設計師', 'tasks-without-indicators'],
  ['資訊安全工程師', 'tasks-without-indicators'],
  ['農藥代噴技術人員', 'tasks-without-indicators'],
  ['農藥管理人員', 'tasks-without-indicators'],
  ['都更危老整合人', 'no-tasks'],
  ['配管監造工程師', 'repeated-task'],
]

let build: CatalogueBuild
let bundled: Standard[]
beforeAll(() => {
  const sources = readdirSync(SOURCE).map((file) => ({
    file,
    text: readFileSync(`${SOURCE}/${file}`, 'utf8'),
  }))
  bundled = readdirSync('data/standards').map((file) => {
    const read = parseStandardFile(file, readFileSync(`data/standards/${file}`, 'utf8'))
    if (!read.ok) throw new Error(file)
    return read.value
  })
  build = buildCatalogue(sources, bundled)
}, 60_000)

describe('the whole catalogue', () => {
  it('converts 863 of its 908 files, and names each of the 45 left out with its reason', () => {
    expect(build.converted + build.index.leftOut.length).toBe(908)
    expect(build.converted).toBe(863)
    expect(
      build.index.leftOut.map((l) => [l.file.replace(/-職能基準\.json$/u, ''), l.reason.kind]),
    ).toEqual(LEFT_OUT)
    // Two of the converted answer to the bundled files; the rest each have a file.
    expect(build.files).toHaveLength(861)
    expect(build.matched.map((m) => m.bundledId).sort()).toEqual(bundled.map((b) => b.id).sort())
  })

  it('writes files that pass the standard check, each a transcription under a unique id', () => {
    const ids = new Set<string>()
    for (const file of build.files) {
      const read = parseStandardFile(file.path, file.text)
      if (!read.ok) throw new Error(`${file.path} fails the standard check`)
      expect(isTranscription(read.value)).toBe(true)
      expect(file.path).toMatch(
        new RegExp(
          `^catalogue/standards/${read.value.id.replace(/\./g, '\\.')}\\.[0-9a-f]{8}\\.json$`,
        ),
      )
      expect(ids.has(read.value.id)).toBe(false)
      ids.add(read.value.id)
      // Every judgement is recorded, in a note that says its language.
      expect(read.value.editorial.length).toBeGreaterThan(0)
      expect(read.value.editorial.every((n) => n.lang === 'en')).toBe(true)
    }
  })

  it('writes an index the app reads, small enough for the first screen', () => {
    const text = JSON.stringify(build.index)
    expect(readCatalogueIndex(JSON.parse(text))).not.toBeNull()
    expect(build.index.entries).toHaveLength(863)
    expect(build.index.entries.filter((e) => e.historic)).toHaveLength(24)
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(60_000)
    const sizes = build.files.reduce((n, f) => n + new TextEncoder().encode(f.text).length, 0)
    expect(build.index.bytes).toBe(sizes)
  })

  it('gives the files that share a code, and those without one, ids of their own', () => {
    const byCode = (code: string) =>
      build.index.entries.filter((e) => e.code === code).map((e) => e.id)
    for (const code of ['BLM2621-001v1', 'KRM2421-001v4', 'BHR4910-008v4']) {
      const ids = byCode(code)
      expect(ids).toHaveLength(2)
      for (const id of ids) expect(id).toMatch(new RegExp(`^${code}\\.parsed-[0-9a-f]{8}$`))
    }
    const noCode = build.index.entries.filter((e) => e.code === null && !e.bundled)
    expect(noCode).toHaveLength(13)
    for (const e of noCode) expect(e.id).toMatch(/^parsed-[0-9a-f]{8}$/)
  })
})
