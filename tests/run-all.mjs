// `npm test`: type-check each runtime, lint, check the format, build, then the Vitest projects (unit, then
// browser). Ends with one plain line, "N passed, N failed", summed over all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  results[ok ? 'passed' : 'failed'] += 1;
  console.log(`${ok ? '✔' : '✘'} ${name}`);
  return ok;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// One type-check per runtime, each with its own libraries (see tsconfig.base.json).
const TYPE_CHECKS = [
  ['shared code (no DOM, no Node)', 'src/shared'],
  ['the page', 'src/client'],
  ['the Web Workers', 'src/worker'],
  ['the service worker', 'src/sw'],
  ['the server', 'src/server'],
  ['the tests', 'tests'],
  ['the build tools', '.'],
];
for (const [what, project] of TYPE_CHECKS) step(`type-check ${what}`, npx, ['tsc', '-p', project]);
step('lint (ESLint: recommended rules, import boundaries, no import cycles)', npx, ['eslint', '.']);
step('format (Prettier; `npm run format` fixes it)', npx, ['prettier', '--check', '.']);
const built = step('production build', npx, ['vite', 'build', '--logLevel', 'warn']);

mkdirSync('.reports', { recursive: true });

// Unit tests first, then browser tests: run one after the other, so Chromium
// and the unit suites do not fight over the 2 cores (timing-sensitive flows
// such as the service worker's first install stay reliable).
function vitestProject(project) {
  const report = `.reports/vitest-${project}.json`;
  rmSync(report, { force: true });
  console.log(`\n▶ ${project} tests`);
  spawnSync(npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env: process.env,
  });
  if (!existsSync(report)) {
    console.log(`✘ Vitest wrote no report for the ${project} tests`);
    results.failed += 1;
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests ?? 0;
  results.failed += (json.numFailedTests ?? 0) + countFilesThatFailedToRun(json);
}

vitestProject('unit');
if (built) vitestProject('browser');
else {
  console.log('✘ browser tests not run: the build failed');
  results.failed += 1;
}

// A file that fails to load (a syntax error, a failing beforeAll) has no
// failed tests in it: count each such file as one failure.
function countFilesThatFailedToRun(json) {
  return (json.testResults ?? []).filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')).length;
}

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
