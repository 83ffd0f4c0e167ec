// `npm test`: type-check each runtime, lint, check the format, build, then the Vitest projects (unit, then
// browser). Ends with one plain line, "N passed, N failed", summed over all.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
// What failed, by name, printed again just before the last line: CI may show
// only the end of the output, and the reason must be in it.
const failures = [];
const began = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

// A check run in the background: its output is held and printed in one piece
// when it ends, so two checks side by side do not interleave their lines.
function check(name, command, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const ok = code === 0;
      results[ok ? 'passed' : 'failed'] += 1;
      if (!ok) failures.push(`check: ${name}`);
      console.log(`\n▶ ${name}\n${output.trimEnd()}${output.trim() ? '\n' : ''}${ok ? '✔' : '✘'} ${name} (${seconds(started)})`);
      resolve(ok);
    });
  });
}

// Runs the checks two at a time (the machine has 2 cores; each check is one
// single-threaded process) and answers which passed, by name.
async function checksTwoAtATime(checks) {
  const passed = new Map();
  const queue = [...checks];
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) passed.set(next[0], await check(...next));
  };
  await Promise.all([lane(), lane()]);
  return passed;
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
const BUILD = 'production build';
const passed = await checksTwoAtATime([
  // The build first: it is the longest and the browser tests need it.
  [BUILD, npx, ['vite', 'build', '--logLevel', 'warn']],
  ['lint (ESLint: recommended rules, import boundaries, no import cycles)', npx, ['eslint', '.']],
  ...TYPE_CHECKS.map(([what, project]) => [`type-check ${what}`, npx, ['tsc', '-p', project]]),
  ['format (Prettier; `npm run format` fixes it)', npx, ['prettier', '--check', '.']],
]);
const built = passed.get(BUILD);
console.log(`\nChecks and build done after ${seconds(began)}.`);

mkdirSync('.reports', { recursive: true });

// Unit tests first, then browser tests: run one after the other, so Chromium
// and the unit suites do not fight over the 2 cores (timing-sensitive flows
// such as the service worker's first install stay reliable).
function vitestProject(project) {
  const report = `.reports/vitest-${project}.json`;
  rmSync(report, { force: true });
  console.log(`\n▶ ${project} tests`);
  const started = Date.now();
  spawnSync(npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env: process.env,
  });
  console.log(`${project} tests took ${seconds(started)}`);
  if (!existsSync(report)) {
    console.log(`✘ Vitest wrote no report for the ${project} tests`);
    results.failed += 1;
    failures.push(`${project}: Vitest wrote no report`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests ?? 0;
  results.failed += (json.numFailedTests ?? 0) + countFilesThatFailedToRun(json);
  failures.push(...describeFailures(project, json));
}

// One line per failed test (file, name, the first line of its error), and one
// per file that failed to run.
function describeFailures(project, json) {
  const lines = [];
  for (const file of json.testResults ?? []) {
    const path = String(file.name ?? '').replace(`${process.cwd()}/`, '');
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const test of failed) lines.push(`${project}: ${path} › ${test.fullName ?? test.title}: ${firstLine(test.failureMessages?.[0])}`);
    if (file.status === 'failed' && failed.length === 0) lines.push(`${project}: ${path} did not run: ${firstLine(file.message)}`);
  }
  return lines;
}

function firstLine(text) {
  return (
    String(text ?? '')
      .split('\n')
      .find((line) => line.trim()) ?? '(no message)'
  );
}

vitestProject('unit');
if (built) vitestProject('browser');
else {
  console.log('✘ browser tests not run: the build failed');
  results.failed += 1;
  failures.push('browser: not run, because the build failed');
}

// A file that fails to load (a syntax error, a failing beforeAll) has no
// failed tests in it: count each such file as one failure.
function countFilesThatFailedToRun(json) {
  return (json.testResults ?? []).filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')).length;
}

console.log(`\nnpm test took ${seconds(began)}.`);
if (failures.length > 0) console.log(`\nWhat failed:\n${failures.map((line) => `  ✘ ${line}`).join('\n')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
