/**
 * Many files chosen at once (useChosenFiles): from a file or folder input, or dropped with the
 * folders in the drop read at any depth, each file named by where it was; a choice of nothing
 * says so and starts nothing.
 */
import { describe, expect, it } from 'vitest'
import { useChosenFiles } from '@/composables/useChosenFiles'

function chooser() {
  const heard: string[][] = []
  const chosen = useChosenFiles({ onFiles: (files) => void heard.push(files.map((f) => f.name)) })
  return { heard, ...chosen }
}

const file = (name: string) => new File(['{}'], name, { type: 'application/json' })

/** A file entry of the entries API, as a browser gives it for a dropped file. */
const fileEntry = (name: string) =>
  ({
    isFile: true,
    isDirectory: false,
    name,
    file: (ok: (f: File) => void) => ok(file(name)),
  }) as unknown as FileSystemEntry

/** A folder entry whose reader gives its entries in batches of one, then an empty batch. */
function folderEntry(name: string, inner: FileSystemEntry[]): FileSystemEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      const left = [...inner]
      return { readEntries: (ok: (batch: FileSystemEntry[]) => void) => ok(left.splice(0, 1)) }
    },
  } as unknown as FileSystemEntry
}

const dropOf = (entries: FileSystemEntry[]) =>
  ({
    dataTransfer: {
      items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
      files: [],
    },
  }) as unknown as DragEvent

describe('files chosen at once', () => {
  it('takes a folder input’s files by their path in the folder, and clears the input', () => {
    const { heard, chosen, empty } = chooser()
    const inFolder = file('a.json')
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: '團隊/業務部/a.json' })
    const input = { files: [inFolder, file('b.json')], value: 'C:\\fakepath\\a.json' }
    chosen({ target: input } as unknown as Event)
    expect(heard).toEqual([['團隊/業務部/a.json', 'b.json']])
    expect(input.value).toBe('')
    expect(empty.value).toBe(false)
  })

  it('reads dropped folders at any depth, naming each file by its folders', async () => {
    const { heard, drop, over } = chooser()
    over.value = true
    await drop(
      dropOf([
        fileEntry('top.json'),
        folderEntry('團隊', [fileEntry('a.json'), folderEntry('業務部', [fileEntry('b.json')])]),
      ]),
    )
    expect(heard).toEqual([['top.json', '團隊/a.json', '團隊/業務部/b.json']])
    expect(over.value).toBe(false)
  })

  it('says a drop of an empty folder held nothing, and passes nothing on', async () => {
    const { heard, drop, empty } = chooser()
    await drop(dropOf([folderEntry('空的', [])]))
    expect(empty.value).toBe(true)
    expect(heard).toEqual([])
  })
})
