// `npm run dev`: the API restarts on change (ts-node, node --watch) and the web app live-reloads (ng serve on :4200, proxying /api).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NG_CLI_ANALYTICS: 'false', WEB_DIST: 'none', TS_NODE_PROJECT: 'api/tsconfig.json', TS_NODE_TRANSPILE_ONLY: 'true' };
const children = [
  spawn(
    process.execPath,
    ['--watch-path=api/src', '--watch-path=libs', '--watch-path=migrations', '-r', 'ts-node/register', '-r', './scripts/register-paths.cjs', 'api/src/main.ts'],
    { cwd: root, env, stdio: 'inherit' },
  ),
  spawn('npx', ['ng', 'serve', '--open=false'], { cwd: path.join(root, 'web'), env, stdio: 'inherit' }),
];
process.stdout.write('\n  Kunna dev: web with live reload on http://localhost:4200 (API on :3000)\n\n');
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
