// `npm test`: type-check, build, then the Vitest projects (unit, then
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
step('type-check the app', npx, ['tsc', '-p', 'tsconfig.json']);
step('type-check the service worker', npx, ['tsc', '-p', 'tsconfig.sw.json']);
step('type-check the workers', npx, ['tsc', '-p', 'tsconfig.worker.json']);
step('type-check the server and tests', npx, ['tsc', '-p', 'tsconfig.node.json']);
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
  return (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
