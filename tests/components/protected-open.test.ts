/** @vitest-environment happy-dom */
/**
 * Opening a file that may ask for a passphrase (useProtectedOpen), with reads that answer when
 * the test says: a file chosen while another is still being read is the one the panel speaks
 * of, whichever answers first.
 */
import { describe, expect, it } from 'vitest'
import { defineComponent, nextTick, type ShallowUnwrapRef } from 'vue'
import { mount } from '@vue/test-utils'
import {
  useProtectedOpen,
  type ChosenFile,
  type SettledOutcome,
} from '@/composables/useProtectedOpen'
import type { OpenOutcome } from '@/stores/files'
import { failure, problem } from '@/domain/io/problems'

function fileOf(name: string): ChosenFile {
  return { name, size: 1, text: () => Promise.resolve('{}') }
}

/** A panel whose reads wait until the test answers them, in any order. */
function harness() {
  const answers: { file: string; secret?: string; answer: (o: OpenOutcome) => void }[] = []
  const settled: [string, SettledOutcome['ok']][] = []
  const Panel = defineComponent({
    setup() {
      return useProtectedOpen(
        (file, secret) =>
          new Promise<OpenOutcome>((answer) => answers.push({ file: file.name, secret, answer })),
        (file, outcome) => settled.push([file.name, outcome.ok]),
      )
    },
    template: `<form v-if="locked" @submit.prevent="unlock"><input ref="passphrase-input" v-model="passphrase" /></form>`,
  })
  const wrapper = mount(Panel, { attachTo: document.body })
  const vm = wrapper.vm as unknown as ShallowUnwrapRef<ReturnType<typeof useProtectedOpen>>
  return { wrapper, vm, answers, settled }
}

const locked = (file: string): OpenOutcome => ({ ok: 'locked', file })
const refused = (file: string): OpenOutcome => failure(file, [problem('protected-failed', {})])
const opened = { ok: true, kind: 'review' } as unknown as OpenOutcome

describe('opening a protected file', () => {
  it('asks for the passphrase with the focus in it; a wrong one empties it and keeps the form', async () => {
    const { wrapper, vm, answers, settled } = harness()
    void vm.openFile(fileOf('a.json'))
    expect(vm.reading).toBe('a.json')
    answers[0]!.answer(locked('a.json'))
    await nextTick()
    await nextTick()
    const input = wrapper.get('input').element as HTMLInputElement
    expect(document.activeElement).toBe(input)
    expect(vm.reading).toBeNull()

    vm.passphrase = 'wrong'
    vm.unlock()
    expect(answers[1]!.secret).toBe('wrong')
    // A second submit while the first is read is refused.
    vm.unlock()
    expect(answers).toHaveLength(2)
    answers[1]!.answer(refused('a.json'))
    await nextTick()
    await nextTick()
    expect(vm.locked?.name).toBe('a.json')
    expect(vm.passphrase).toBe('')
    expect(settled).toEqual([['a.json', false]])
    wrapper.unmount()
  })

  it('an older read answering after a newer file was chosen changes nothing the person sees', async () => {
    const { wrapper, vm, answers, settled } = harness()
    void vm.openFile(fileOf('a.json'))
    answers[0]!.answer(locked('a.json'))
    await nextTick()
    vm.passphrase = 'for a'
    vm.unlock()
    // B is chosen while A's passphrase is being tried: A's form closes at once.
    void vm.openFile(fileOf('b.json'))
    expect(vm.locked).toBeNull()
    expect(vm.reading).toBe('b.json')
    answers[2]!.answer(locked('b.json'))
    await nextTick()
    vm.passphrase = 'for b'

    // A's refusal comes last: B's form and what was typed in it stay, and nothing is said of A.
    answers[1]!.answer(refused('a.json'))
    await nextTick()
    await nextTick()
    expect(vm.locked?.name).toBe('b.json')
    expect(vm.passphrase).toBe('for b')
    expect(settled).toEqual([])
    wrapper.unmount()
  })

  it('an older file still being read does not end the newer read, nor open its own form', async () => {
    const { wrapper, vm, answers, settled } = harness()
    void vm.openFile(fileOf('a.json'))
    void vm.openFile(fileOf('b.json'))
    answers[0]!.answer(locked('a.json'))
    await nextTick()
    await nextTick()
    expect(vm.locked).toBeNull()
    expect(vm.reading).toBe('b.json')
    // An older file that did open is still said: it was stored.
    void vm.openFile(fileOf('c.json'))
    answers[1]!.answer(opened)
    await nextTick()
    await nextTick()
    expect(settled).toEqual([['b.json', true]])
    expect(vm.reading).toBe('c.json')
    wrapper.unmount()
  })
})
