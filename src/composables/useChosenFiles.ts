import { ref, type Ref } from 'vue'
import { droppedFiles, pickedFiles } from './dropped'

export interface ChosenFilesOptions {
  /** Hears the files of each choice or drop that holds any (a folder's each named by its path). */
  onFiles: (files: File[]) => void | Promise<void>
}

export interface ChosenFiles {
  /** Files are being dragged over the drop zone. */
  over: Ref<boolean>
  /** The last choice or drop held no file (an empty folder, a drop of text). */
  empty: Ref<boolean>
  /** The change handler of a file or folder input. */
  chosen: (event: Event) => void
  /** The drop handler of the drop zone (its dragover is prevented by the template). */
  drop: (event: DragEvent) => Promise<void>
}

/**
 * Many files chosen at once: with a file input, a folder input, or dropped (files, and the files
 * inside dropped folders at any depth). It holds no resource: the template binds the events.
 */
export function useChosenFiles(options: ChosenFilesOptions): ChosenFiles {
  const over = ref(false)
  const empty = ref(false)

  async function take(files: File[]): Promise<void> {
    empty.value = !files.length
    if (files.length) await options.onFiles(files)
  }

  function chosen(event: Event): void {
    const input = event.target as HTMLInputElement
    const files = pickedFiles(input.files)
    // Cleared, so the same files can be chosen again (after a cancel, say).
    input.value = ''
    void take(files)
  }

  async function drop(event: DragEvent): Promise<void> {
    over.value = false
    await take(await droppedFiles(event.dataTransfer))
  }

  return { over, empty, chosen, drop }
}
