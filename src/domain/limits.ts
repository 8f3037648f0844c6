/**
 * The longest texts kept. The inputs hold to the same limits, so anything a person can type is
 * something a backup or an assessment file can carry back. A module of its own, free of the
 * schema library, so a form can read it without loading the schemas.
 */
export const LIMITS = { text: 20_000, name: 200, title: 300 } as const
