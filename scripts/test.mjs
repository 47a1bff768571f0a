// `npm test`: type-check, lint (module boundaries included) and format check, then unit (API, libs, web), integration and API e2e tests in one jest run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extra = process.argv.slice(2);
// Each entry runs after the one before; the commands of one entry run side by side (lint and the format check are
// each single-threaded, and this machine has two cores).
const steps = [
  [['typecheck (api, libs, e2e)', 'npx', ['tsc', '-p', 'api/tsconfig.spec.json', '--noEmit']]],
  // The web app itself is type-checked by its build; its unit tests are transpiled only by jest, so check them here.
  [['typecheck (web unit tests)', 'npx', ['tsc', '-p', 'web/tsconfig.spec.json', '--noEmit']]],
  // The module-boundary lint rule reads Nx's cached project graph and silently skips itself without one (a clean checkout).
  [['project graph (for the module-boundary lint rule)', 'npx', ['nx', 'show', 'projects']]],
  [
    ['lint', 'npx', ['eslint', 'api/src', 'libs', 'migrations', 'e2e', 'web/src']],
    ['format check (prettier)', 'npm', ['run', '--silent', 'format:check']],
  ],
  // The load test (`npm run test:load`) is left out: it runs for a minute on its own.
  [['jest', 'npx', ['jest', '--ci', '--selectProjects', 'unit', 'integration', 'api-e2e', 'web', ...extra]]],
];
const seconds = (since) => `${Math.round((performance.now() - since) / 1000)} s`;
const started = performance.now();
function run([name, command, args]) {
  process.stdout.write(`\n▶ ${name}\n`);
  const stepStarted = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
    child.on('close', (status) => {
      if (status !== 0) {
        process.stderr.write(`\n✖ ${name} failed after ${seconds(stepStarted)}\n`);
        process.exit(status ?? 1);
      }
      process.stdout.write(`⏱ ${name}: ${seconds(stepStarted)}\n`);
      resolve();
    });
  });
}
for (const together of steps) await Promise.all(together.map(run));
process.stdout.write(`\n⏱ npm test: ${seconds(started)}\n`);
