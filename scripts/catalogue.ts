/**
 * `npm run catalogue`: converts ../shared/catalogue/ (the iCAP standards as CompetencyWizard
 * parsed them) into .catalogue/, as every build does, and prints what was converted and what
 * was left out and why. Exits non-zero only when a converted file failed the standard check,
 * which would be a fault of the conversion, not of the source.
 */
import { describeReport, ensureCatalogue } from './catalogue/output'

const report = ensureCatalogue(process.cwd(), true)
for (const line of describeReport(report)) console.log(line)
const faults = report.leftOut.filter((l) => l.kind === 'schema')
process.exit(faults.length ? 1 : 0)
