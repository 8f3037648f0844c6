/** @vitest-environment happy-dom */
/**
 * What the report puts on paper, decided without a printer: the order of its parts, the
 * item-by-item record with every note, piece of evidence and supervisor comment beside its
 * item, the sign-off naming the review and its key, the running head's words, and which charts
 * give way to a sentence. The browser test prints it and reads the PDF back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ResultsView from '@/views/ResultsView.vue'
import ResultCharts from '@/components/results/ResultCharts.vue'
import SignOff from '@/components/results/SignOff.vue'
import { saveResponse } from '@/db/assessments'
import { receiveReview } from '@/db/reviews'
import type { GroupStats, ItemGap } from '@/domain/assessment/gaps'
import type { ReviewBlock } from '@/domain/files/assessment-file'
import { signReview } from '@/domain/files/signature'
import { fingerprintOf, makeSigningKey } from '@/domain/io/sign'
import { localDate } from '@/domain/dates'
import { locale } from '@/i18n'
import { freshDatabase, makeRouter, startFixtureAssessment, until } from './helpers'
import { AT, makeAssessmentFile } from '../fixtures/assessment-file'

vi.mock('@/components/charts/chart-setup', () => ({
  Chart: class {
    destroy() {}
    resize() {}
  },
}))

freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
})
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

/** The supervisor agrees on P1.1.2 (4 and 4) and still comments on it. */
const REVIEW: ReviewBlock = {
  reviewer: { name: '陳主管', jobTitle: '經理' },
  comment: '整體不錯，明年多帶新人。',
  startedAt: AT,
  updatedAt: '2026-11-26T02:00:00.000Z',
  ratings: [
    { item: 'P1.1.1', rating: 4, comment: '做得比自評好', updatedAt: AT },
    { item: 'P1.1.2', rating: 4, comment: '同意，繼續保持', updatedAt: AT },
    { item: 'K01', rating: 2, comment: '', updatedAt: AT },
  ],
  plan: [],
}

/** An assessment with notes and evidence that came back with a signed review. */
async function signedAndReceived() {
  const setup = await startFixtureAssessment({ jobTitle: '專員' })
  const own = {
    'P1.1.1': [2, '還在學，下個月再試一次。', '十月的團體報價單'],
    'P1.1.2': [4, '', '客戶感謝函'],
    K01: [5, '已上過課', ''],
  } as const
  for (const [key, [rating, note, evidence]] of Object.entries(own))
    await saveResponse(setup.record.id, key, { rating, note, evidence, updatedAt: AT })
  const key = await makeSigningKey()
  const unsigned = await makeAssessmentFile({ id: setup.record.id, review: REVIEW })
  const review = await signReview({ ...unsigned, review: REVIEW }, key)
  const file = await makeAssessmentFile({ id: setup.record.id, review })
  expect(typeof (await receiveReview(file, 'reviewed.gaplens.json', 'first'))).toBe('object')
  return { ...setup, fingerprint: await fingerprintOf(key.publicKey) }
}

describe('the employee’s report on paper', { timeout: 30_000 }, () => {
  it('runs plan, comparison, detail, record, sign-off; every text beside its item; the signed review named', async () => {
    const replaced = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync')
    const { pinia, record, fingerprint } = await signedAndReceived()
    const router = makeRouter()
    await router.push(`/assessments/${record.id}/results`)
    const wrapper = mount(ResultsView, {
      props: { id: record.id },
      global: { plugins: [pinia, router] },
      attachTo: document.body,
    })
    await until(() => {
      const signOff = wrapper.find('[data-testid="sign-off"]')
      return signOff.exists() && signOff.text().includes('陳主管')
    })

    // The parts in the order they print: the plan right after the first page.
    const parts = ['overview', 'plan', 'comparison', 'item-record', 'sign-off'].map((id) =>
      id === 'overview'
        ? wrapper.get('[data-testid="findings"]').element
        : wrapper.get(`[data-testid="${id}"]`).element,
    )
    for (let i = 1; i < parts.length; i++)
      expect(
        parts[i - 1]!.compareDocumentPosition(parts[i]!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy()

    // Every item once, under its duty; each text on its own item's row.
    const rows = wrapper.findAll('[data-testid="item-record"] tbody tr')
    expect(rows.map((r) => r.attributes('data-item'))).toEqual([
      'P1.1.1',
      'P1.1.2',
      'P1.1.3',
      'K01',
      'K02',
      'S01',
      'P1.2.1',
      'P2.1.1',
      'S02',
      'A01',
      'A02',
    ])
    const row = (key: string) => wrapper.get(`[data-testid="item-record"] tr[data-item="${key}"]`)
    const text = (key: string, kind: string) => row(key).find(`[data-text="${kind}"]`)
    expect(text('P1.1.1', 'note').text()).toBe('備註 還在學，下個月再試一次。')
    expect(text('P1.1.1', 'evidence').text()).toBe('佐證 十月的團體報價單')
    expect(text('P1.1.1', 'comment').text()).toBe('主管意見 做得比自評好')
    // Where the two ratings agree, the supervisor's comment prints too.
    expect(text('P1.1.2', 'comment').text()).toBe('主管意見 同意，繼續保持')
    expect(text('P1.1.2', 'note').exists()).toBe(false)
    expect(text('K01', 'note').text()).toBe('備註 已上過課')
    expect(
      row('K01')
        .findAll('td')
        .map((td) => td.text()),
    ).toEqual(['5', '2', '4', '0'])
    expect(row('P1.1.3').find('[data-text]').exists()).toBe(false)

    const signOff = wrapper.get('[data-testid="sign-off"]').text()
    expect(wrapper.get('[data-testid="sign-off-review"]').text()).toBe(
      `本報告附 陳主管 於 2026-11-26 的檢視，已簽章，金鑰指紋 ${fingerprint}（本裝置第一次收到這把金鑰）。`,
    )
    for (const words of [
      '整體不錯，明年多帶新人。',
      '王小明（專員）',
      '陳主管（經理）',
      '簽名',
      '日期',
    ])
      expect(signOff).toContain(words)
    // On paper the overall comment is in the sign-off, not in the first page's header.
    expect(wrapper.get('.review-comment').element.parentElement!.classList).toContain('no-print')

    // The running head: who, the standard, today; the page of all the pages.
    const css = replaced.mock.calls.at(-1)![0]
    expect(css).toContain(
      `@top-left { content: "王小明・測試職業（TST1234-001v1）・${localDate()}"`,
    )
    expect(css).toContain('"第 " counter(page) " 頁，共 " counter(pages) " 頁"')
    const sheet = replaced.mock.contexts.at(-1) as CSSStyleSheet
    expect(document.adoptedStyleSheets).toContain(sheet)
    locale.value = 'en'
    await until(() => replaced.mock.calls.at(-1)![0].includes('"Page " counter(page)'))
    wrapper.unmount()
    expect(document.adoptedStyleSheets).not.toContain(sheet)
  })
})

describe('the sign-off', () => {
  const subject = { name: '王小明', jobTitle: '' }
  const said = (props: InstanceType<typeof SignOff>['$props']) =>
    mount(SignOff, { props }).get('[data-testid="sign-off-review"]').text()

  it('says which review the report carries and what signed it, or that nothing did', () => {
    const review = REVIEW
    expect(
      said({
        subject,
        review,
        seal: { kind: 'received', standing: 'signed', fingerprint: 'AB12 CD34 EF56 7890' },
      }),
    ).toBe('本報告附 陳主管 於 2026-11-26 的檢視，已簽章，金鑰指紋 AB12 CD34 EF56 7890。')
    expect(
      said({
        subject,
        review,
        seal: { kind: 'received', standing: 'different', fingerprint: 'AB12 CD34 EF56 7890' },
      }),
    ).toContain('注意：與本裝置之前收到的 陳主管 金鑰不同')
    expect(
      said({ subject, review, seal: { kind: 'received', standing: 'unsigned', fingerprint: '' } }),
    ).toBe('本報告附 陳主管 於 2026-11-26 的檢視，未簽章。')
    expect(said({ subject, review: null })).toBe('本報告沒有附主管的檢視。')
    locale.value = 'en'
    expect(
      said({ subject, review, seal: { kind: 'own', fingerprint: 'AB12 CD34 EF56 7890' } }),
    ).toBe(
      'This report is the review by 陳主管 of 2026-11-26; the review file exported from here is signed with this device’s key, fingerprint AB12 CD34 EF56 7890.',
    )
    expect(said({ subject, review, seal: { kind: 'own', fingerprint: null } })).toContain(
      'makes its signing key when it first exports a review',
    )
  })

  it('leaves lines to write the overall comment on when none was typed, and the supervisor’s name blank without a review', () => {
    const typed = mount(SignOff, { props: { subject, review: REVIEW } })
    expect(typed.get('.comment-text').text()).toBe('整體不錯，明年多帶新人。')
    expect(typed.find('.lines').exists()).toBe(false)
    const blank = mount(SignOff, { props: { subject, review: null } })
    expect(blank.find('.comment-text').exists()).toBe(false)
    expect(blank.findAll('.lines span')).toHaveLength(3)
    expect(blank.get('[data-person="employee"]').text()).toContain('王小明')
    expect(blank.get('[data-person="supervisor"] .value').text()).toBe('')
    // Each person signs and dates.
    for (const person of ['employee', 'supervisor'])
      expect(blank.findAll(`[data-person="${person}"] .blank`)).toHaveLength(2)
  })
})

describe('charts on paper', () => {
  const group = (key: string, meanGap: number | null): GroupStats => ({
    key,
    rateable: 10,
    rated: meanGap === null ? 0 : 10,
    na: 0,
    unrated: meanGap === null ? 10 : 0,
    coverage: meanGap === null ? 0 : 1,
    meanGap,
    meetShare: meanGap === null ? null : 0.5,
  })
  const gap = (key: string, value: number): ItemGap => ({
    key,
    kind: 'P',
    text: `指標 ${key}`,
    level: 3,
    tasks: ['T1.1'],
    duties: ['T1'],
    target: 4,
    rating: 4 - value,
    gap: value,
  })
  function charts(byLevel: GroupStats[], byKind: GroupStats[], gaps: number[]) {
    const items = gaps.map((g, i) => gap(`P1.1.${i + 1}`, g))
    return mount(ResultCharts, {
      props: {
        analysis: { items, overall: group('all', 1), byDuty: [], byTask: [], byLevel, byKind },
        top: { shown: items, tied: [], hasTies: false },
        maxGap: 4,
        labelOf: (kind: 'level' | 'kind', key: string) => `${kind} ${key}`,
        responses: new Map(),
        fileStem: 'x',
      },
    })
  }
  const forms = (wrapper: ReturnType<typeof charts>) =>
    wrapper.findAll('figure').map((f) => [f.attributes('data-paper'), f.classes('no-print')])

  it('prints a chart whose bars differ; a sentence where every bar is the same or they are close', () => {
    const wrapper = charts(
      [group('3', 1.1), group('4', 1.3), group('5', 1.16)],
      [group('P', 0.2), group('K', 1.5), group('S', 2.5), group('A', 1)],
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    )
    expect(forms(wrapper)).toEqual([
      ['close', true],
      ['chart', false],
      ['same', true],
    ])
    expect(wrapper.findAll('[data-testid="paper-notes"] p').map((p) => p.text())).toEqual([
      '各職能級別的落差：平均落差都在 1.10 到 1.30 之間，差別不大，圖表從略；數字見下方的表。',
      '落差最大的 10 項落差都是 3，圖表從略；項目見下方的清單。',
    ])
  })

  it('gives way to the table printed below when fewer than three groups have a figure', () => {
    const wrapper = charts(
      [group('3', null), group('4', 2), group('5', null), group('6', 0.5)],
      [group('P', 0.2), group('K', 1.5), group('S', 2.5)],
      [3, 2, 1],
    )
    expect(forms(wrapper)).toEqual([
      ['table', true],
      ['chart', false],
      ['chart', false],
    ])
    expect(wrapper.find('[data-testid="paper-notes"]').exists()).toBe(false)
  })
})
