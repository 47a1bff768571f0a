// `npm test`: type-check, lint (module boundaries included) and format check, then unit (API, libs, web), integration and API e2e tests in one jest run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extra = process.argv.slice(2);
// Each step runs after the one before. A step's lanes run side by side, and each lane's commands one after another:
// lint, the format check and tsc are each single-threaded and this machine has two cores, so lint (the longest) runs
// beside the format check and both type-checks.
const steps = [
  // The module-boundary lint rule reads Nx's cached project graph and silently skips itself without one (a clean checkout).
  [[['project graph (for the module-boundary lint rule)', 'npx', ['nx', 'show', 'projects']]]],
  [
    [['lint', 'npx', ['eslint', 'api/src', 'libs', 'migrations', 'e2e', 'web/src']]],
    [
      ['format check (prettier)', 'npm', ['run', '--silent', 'format:check']],
      ['typecheck (api, libs, e2e)', 'npx', ['tsc', '-p', 'api/tsconfig.spec.json', '--noEmit']],
      // The web app itself is type-checked by its build; its unit tests are transpiled only by jest, so check them here.
      ['typecheck (web unit tests)', 'npx', ['tsc', '-p', 'web/tsconfig.spec.json', '--noEmit']],
    ],
  ],
  // The load test (`npm run test:load`) is left out: it runs for a minute on its own.
  [[['jest', 'npx', ['jest', '--ci', '--selectProjects', 'unit', 'integration', 'api-e2e', 'web', ...extra]]]],
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
async function runLane(lane) {
  for (const command of lane) await run(command);
}
for (const lanes of steps) await Promise.all(lanes.map(runLane));
process.stdout.write(`\n⏱ npm test: ${seconds(started)}\n`);
