/**
 * The one way into the schema library: every schema imports `z` from here, so the setting below
 * runs before any schema is built or used, whichever page loads first.
 */
import { z } from 'zod'

// Never compile validators with `new Function`: the app's Content-Security-Policy forbids eval,
// and zod's probe for it would be reported as a violation.
z.config({ jitless: true })

export { z }
