// `npm test`: type-check, build, then every Vitest project (unit and
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
step('type-check the server and tests', npx, ['tsc', '-p', 'tsconfig.node.json']);
const built = step('production build', npx, ['vite', 'build', '--logLevel', 'warn']);

mkdirSync('.reports', { recursive: true });
const report = '.reports/vitest.json';
rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit']; // browser tests need the build
spawnSync(npx, ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  stdio: 'inherit',
  env: process.env,
});
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests ?? 0;
  results.failed += (json.numFailedTests ?? 0) + countFilesThatFailedToRun(json);
} else {
  console.log('✘ Vitest wrote no report');
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
