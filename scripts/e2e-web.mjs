// `npm run e2e:web`: browser tests against the built app on a fresh database with the demo data.
//
// 1. builds api and web (Nx caches unchanged builds; KUNNA_E2E_SKIP_BUILD=true skips this),
// 2. starts dist/api/api/src/main.js on a free port with a fresh database: a new database on the server
//    in TEST_DATABASE_URL when set, otherwise an embedded PostgreSQL in a temporary data folder,
// 3. waits for /api/health, runs jest with e2e/web/jest.config.ts (extra arguments are passed to jest),
// 4. stops the server and its database, and removes the temporary files, whatever happened.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NG_CLI_ANALYTICS: 'false', NX_TUI: 'false' };
const jestArgs = process.argv.slice(2);

const cleanups = [];
let cleaning = null;
/** Runs the clean-up steps once, last registered first; never throws. */
function cleanUp() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        process.stderr.write(`e2e:web clean-up: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    process.stderr.write(`\ne2e:web: ${signal}, stopping…\n`);
    void cleanUp().then(() => process.exit(130));
  });
}

function step(message) {
  process.stdout.write(`\n▶ e2e:web: ${message}\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `pid` has gone, up to `ms`. */
async function waitGone(pid, ms) {
  const until = Date.now() + ms;
  while (isAlive(pid) && Date.now() < until) await sleep(100);
  return !isAlive(pid);
}

async function main() {
  if (process.env['KUNNA_E2E_SKIP_BUILD'] !== 'true') {
    step('building api and web');
    const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], {
      cwd: root,
      env: { ...process.env, ...quiet },
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('build failed');
  }
  const mainJs = path.join(root, 'dist/api/api/src/main.js');
  if (!fs.existsSync(mainJs) || !fs.existsSync(path.join(root, 'dist/web/browser/index.html'))) {
    throw new Error('no build in dist/ (run without KUNNA_E2E_SKIP_BUILD)');
  }

  const artifacts = path.join(root, 'e2e/web/artifacts');
  fs.rmSync(artifacts, { recursive: true, force: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kunna-e2e-web-'));
  cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    KUNNA_DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'false',
  };
  delete env['SECURE_COOKIES'];

  let dataDir = null;
  const testServer = process.env['TEST_DATABASE_URL'];
  if (testServer) {
    const { default: pg } = await import('pg');
    const name = `kunna_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testServer });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: testServer });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    });
    const url = new URL(testServer);
    url.pathname = `/${name}`;
    env['DATABASE_URL'] = url.toString();
    step(`fresh database ${name} on TEST_DATABASE_URL's server`);
  } else {
    delete env['DATABASE_URL'];
    dataDir = path.join(work, 'pg');
    env['KUNNA_DATA_DIR'] = dataDir;
    env['EMBEDDED_PG_PORT'] = String(await freePort());
    step(`embedded PostgreSQL in ${dataDir} on port ${env['EMBEDDED_PG_PORT']}`);
  }

  step(`starting the server on ${baseUrl}`);
  const logFile = path.join(work, 'server.log');
  const log = fs.createWriteStream(logFile);
  const server = spawn(process.execPath, ['--enable-source-maps', mainJs], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = null;
  server.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  server.stderr.on('data', (chunk) => process.stderr.write(chunk));
  cleanups.push(async () => {
    // SIGTERM lets the server close and stop its embedded PostgreSQL; anything still running after that is killed.
    if (exited === null && server.pid) {
      server.kill('SIGTERM');
      if (!(await waitGone(server.pid, 15000))) server.kill('SIGKILL');
    }
    if (dataDir) {
      const pidFile = path.join(dataDir, 'postmaster.pid');
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
      if (pid && isAlive(pid)) {
        process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
        if (!(await waitGone(pid, 10000))) process.kill(pid, 'SIGKILL');
      }
    }
    await new Promise((resolve) => log.end(resolve));
    // Kept for reading after the run (e2e/web/artifacts is ignored by git).
    fs.mkdirSync(artifacts, { recursive: true });
    fs.copyFileSync(logFile, path.join(artifacts, 'server.log'));
  });

  const started = Date.now();
  for (;;) {
    if (exited !== null) {
      throw new Error(`the server stopped while starting (${JSON.stringify(exited)}); its output:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 180_000) throw new Error(`no answer from ${baseUrl}/api/health within 3 minutes`);
    await sleep(250);
  }
  step(`server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  step('browser tests');
  // Not spawnSync: a signal to this script must still be able to stop everything while the tests run.
  // Jest itself (not through npx, which would not pass a signal on), so stopping it stops the browser too.
  const jestBin = path.join(root, 'node_modules/jest/bin/jest.js');
  const jest = spawn(process.execPath, [jestBin, '-c', 'e2e/web/jest.config.ts', '--ci', '--runInBand', ...jestArgs], {
    cwd: root,
    env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_SERVER_LOG: logFile, E2E_ARTIFACTS: artifacts },
    stdio: 'inherit',
  });
  cleanups.push(async () => {
    if (jest.exitCode !== null || jest.signalCode !== null || !jest.pid) return;
    jest.kill('SIGTERM');
    if (!(await waitGone(jest.pid, 10000))) jest.kill('SIGKILL');
  });
  const status = await new Promise((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
  if (exited !== null) process.stderr.write(`\nThe server stopped during the tests (${JSON.stringify(exited)}).\n`);
  return status;
}

let status = 1;
try {
  status = await main();
} catch (error) {
  process.stderr.write(`\n✖ e2e:web: ${error instanceof Error ? error.message : String(error)}\n`);
  status = 1;
} finally {
  await cleanUp();
}
process.exit(status);
