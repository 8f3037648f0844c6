import { describe, expect, it } from 'vitest'
import { canonicalJson } from '@/domain/io/canonical'
import { sha256Hex } from '@/domain/io/digest'
import { fromBase64, toBase64 } from '@/domain/io/base64'
import { MIN_ITERATIONS, protect, unprotect } from '@/domain/io/protect'
import { BOM, csvCell, parseCsv, toCsv } from '@/domain/io/csv'

describe('canonical JSON', () => {
  it('is the same text whatever the key order and indentation', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 'é' }], c: null } }
    const b = JSON.parse(
      JSON.stringify({ a: { c: null, d: [3, { y: 'é', z: 1 }] }, b: 1 }, null, 2),
    )
    expect(canonicalJson(a)).toBe(canonicalJson(b))
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[3,{"y":"é","z":1}]},"b":1}')
  })

  it('differs when one value differs, and keeps array order', () => {
    expect(canonicalJson({ r: [1, 2] })).not.toBe(canonicalJson({ r: [2, 1] }))
    expect(canonicalJson({ rating: 3 })).not.toBe(canonicalJson({ rating: 4 }))
  })

  it('leaves out undefined keys and refuses values JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}')
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson(undefined)).toThrow(TypeError)
  })
})

describe('SHA-256', () => {
  it('gives the published digest of "abc" and of UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    // "職能" in UTF-8 is e8 81 b7 e8 83 bd.
    expect(await sha256Hex('職能')).toBe(
      await crypto.subtle
        .digest('SHA-256', new Uint8Array([0xe8, 0x81, 0xb7, 0xe8, 0x83, 0xbd]))
        .then((d) => [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('')),
    )
  })
})

describe('base64', () => {
  it('round-trips bytes and refuses text that is not base64', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256)
    expect(fromBase64(toBase64(bytes))).toEqual(bytes)
    expect(fromBase64('not base64!')).toBeUndefined()
    expect(fromBase64('abc')).toBeUndefined()
  })
})

describe('passphrase protection', () => {
  const text = JSON.stringify({ name: '王小明', note: '客戶抱怨處理 ✓' })

  it('opens with the right passphrase, with the parameters in the file', async () => {
    const file = await protect(text, '正確的通關密語')
    expect(file.cipher).toBe('AES-256-GCM')
    expect(file.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS })
    expect(MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000)
    expect(file.ciphertext).not.toContain('王')
    expect(await unprotect(file, '正確的通關密語')).toEqual({ ok: true, text })
  })

  it('uses a fresh salt and IV for every file', async () => {
    const [a, b] = await Promise.all([protect(text, 'p'), protect(text, 'p')])
    expect(a.kdf.salt).not.toBe(b.kdf.salt)
    expect(a.iv).not.toBe(b.iv)
    expect(a.ciphertext).not.toBe(b.ciphertext)
  })

  it('fails on a wrong passphrase, one flipped byte, or a truncated ciphertext', async () => {
    const file = await protect(text, 'right')
    expect(await unprotect(file, 'wrong')).toEqual({
      ok: false,
      reason: 'wrong-passphrase-or-changed',
    })
    const bytes = fromBase64(file.ciphertext)!
    bytes[5] = bytes[5]! ^ 0x01
    expect(await unprotect({ ...file, ciphertext: toBase64(bytes) }, 'right')).toEqual({
      ok: false,
      reason: 'wrong-passphrase-or-changed',
    })
    const truncated = toBase64(fromBase64(file.ciphertext)!.subarray(0, 20))
    expect(await unprotect({ ...file, ciphertext: truncated }, 'right')).toMatchObject({
      ok: false,
    })
    const iv = fromBase64(file.iv)!
    iv[0] = iv[0]! ^ 0x80
    expect(await unprotect({ ...file, iv: toBase64(iv) }, 'right')).toEqual({
      ok: false,
      reason: 'wrong-passphrase-or-changed',
    })
  })

  it('refuses parameters it does not write: too few iterations, a short salt', async () => {
    const file = await protect(text, 'right')
    expect(await unprotect({ ...file, kdf: { ...file.kdf, iterations: 1000 } }, 'right')).toEqual({
      ok: false,
      reason: 'bad-parameters',
    })
    expect(
      await unprotect({ ...file, kdf: { ...file.kdf, iterations: 1e12 } }, 'right'),
    ).toMatchObject({ reason: 'bad-parameters' })
    expect(await unprotect({ ...file, kdf: { ...file.kdf, salt: 'AAAA' } }, 'right')).toEqual({
      ok: false,
      reason: 'bad-parameters',
    })
  })
})

describe('CSV', () => {
  it('quotes by RFC 4180: commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('說 "好"')).toBe('"說 ""好"""')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell('plain 文字')).toBe('plain 文字')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  it('quotes a semicolon, which Excel splits cells on where it is the list separator', () => {
    expect(csvCell(';=1+1')).toBe('";=1+1"')
    expect(csvCell('旅遊;=HYPERLINK("x")')).toBe('"旅遊;=HYPERLINK(""x"")"')
    expect(parseCsv(toCsv(['a'], [['x;=1+1']]))).toEqual([['a'], ['x;=1+1']])
  })

  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1+cmd', "'-1+cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
  ])('prefixes a text cell that begins like a formula: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('writes numbers as numbers, a negative one too', () => {
    expect(csvCell(-2)).toBe('-2')
    expect(csvCell(0.5)).toBe('0.5')
    expect(csvCell(Number.NaN)).toBe('')
  })

  it('starts with a BOM, ends every row with CRLF, and reads back', () => {
    const text = toCsv(
      ['code', 'text', 'gap'],
      [
        ['K01', '旅遊, 法規', 2],
        ['S01', '=HYPERLINK("x")', -1],
      ],
    )
    expect(text.startsWith(BOM)).toBe(true)
    expect(text.split('\r\n')).toHaveLength(4)
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
    expect(parseCsv(text)).toEqual([
      ['code', 'text', 'gap'],
      ['K01', '旅遊, 法規', '2'],
      ['S01', '\'=HYPERLINK("x")', '-1'],
    ])
  })
})
