// `npm run audit`: fails when `npm audit --omit=dev` reports a high or critical vulnerability in
// what the app ships. Some registries (mirrors, this project's sandbox) refuse the advisory
// endpoint; then it says plainly that nothing was checked and exits 0, or 1 with --strict.
import { spawnSync } from 'node:child_process';
import { auditVerdict } from './audit-verdict';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
const { code, message } = auditVerdict(run.stdout ?? '', process.argv.includes('--strict'));
(code ? console.error : console.log)(message);
process.exit(code);
