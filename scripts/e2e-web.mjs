// `npm run e2e:web`: browser tests against the built app on a fresh database with the demo data.
//
// 1. builds api and web (Nx caches unchanged builds; KUNNA_E2E_SKIP_BUILD=true skips this),
// 2. starts the OpenID Connect test provider (e2e/api/support/oidc-test-provider.mjs) on a loopback port,
// 3. starts dist/api/api/src/main.js on a free port with a fresh database: a new database on the server
//    in TEST_DATABASE_URL when set, otherwise an embedded PostgreSQL in a temporary data folder; once it
//    has loaded the demo data, starts it again with single sign-on (OIDC_*) for a demo organisation,
// 4. waits for /api/health, runs jest with e2e/web/jest.config.ts (extra arguments are passed to jest),
// 5. stops the server, its database and the provider, and removes the temporary files, whatever happened.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
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

/** The client the test provider knows, and the demo organisation whose people sign in through it. */
const OIDC_CLIENT_ID = 'kunna-e2e-web';
const OIDC_CLIENT_SECRET = `kunna-e2e-web-${randomBytes(12).toString('hex')}`;
const SSO_ORGANISATION = 'Älvstads kommun';

/** e2e/api/support/oidc-test-provider.mjs as a child process, its warnings into `log`; resolves once it listens. */
async function startOidcProvider(redirectUri, log) {
  const script = path.join(root, 'e2e/api/support/oidc-test-provider.mjs');
  const child = spawn(process.execPath, [script, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, redirectUri, 'localhost'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log, { end: false });
  const issuer = await new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`the OpenID Connect test provider stopped (${code ?? signal})`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line).issuer));
  });
  return {
    issuer,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      child.kill('SIGTERM');
      if (!(await waitGone(child.pid, 5000))) child.kill('SIGKILL');
    },
  };
}

/**
 * Starts dist/api/api/src/main.js with `env`, its output into `log`. `ready()` waits for /api/health;
 * `stop()` ends it (SIGTERM lets it close and stop its embedded PostgreSQL; what is left is killed).
 */
function startServer(env, log, logFile, dataDir) {
  const mainJs = path.join(root, 'dist/api/api/src/main.js');
  const baseUrl = env['PUBLIC_URL'];
  const server = spawn(process.execPath, ['--enable-source-maps', mainJs], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = null;
  let stopping = null;
  const gone = new Promise((resolve) =>
    server.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );
  server.stdout.pipe(log, { end: false });
  server.stderr.pipe(log, { end: false });
  server.stderr.on('data', (chunk) => process.stderr.write(chunk));
  return {
    exited: () => exited,
    async ready() {
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
    },
    stop() {
      stopping ??= stopNow();
      return stopping;
    },
  };

  async function stopNow() {
    if (exited === null && server.pid) {
      server.kill('SIGTERM');
      if (!(await waitGone(server.pid, 15000))) server.kill('SIGKILL');
    }
    await gone;
    if (dataDir) {
      const pidFile = path.join(dataDir, 'postmaster.pid');
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
      if (pid && isAlive(pid)) {
        process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
        if (!(await waitGone(pid, 10000))) process.kill(pid, 'SIGKILL');
      }
    }
  }
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

  const logFile = path.join(work, 'server.log');
  const log = fs.createWriteStream(logFile);
  cleanups.push(async () => {
    await new Promise((resolve) => log.end(resolve));
    // Kept for reading after the run (e2e/web/artifacts is ignored by git).
    fs.mkdirSync(artifacts, { recursive: true });
    fs.copyFileSync(logFile, path.join(artifacts, 'server.log'));
  });

  // Single sign-on for the sign-in flow's browser test (e2e/web/sso.e2e-spec.ts): a real OpenID Connect
  // provider (oidc-provider) on a loopback port, issuer at `localhost` so it is another site than the app.
  step('starting the OpenID Connect test provider');
  const provider = await startOidcProvider(`${baseUrl}/api/auth/oidc/callback`, log);
  cleanups.push(() => provider.stop());

  // The server reads its OIDC settings at start, and OIDC_ORGANISATION_ID is the id the demo data gave
  // its organisation (a random uuid). So: a first start migrates and loads the demo data (and prints the
  // demo sign-ins that e2e/web/demo.ts reads), then the server starts again with single sign-on for it.
  step(`starting the server on ${baseUrl} (migrations and demo data)`);
  const first = startServer(env, log, logFile, dataDir);
  cleanups.push(() => first.stop());
  await first.ready();
  const organisations = await (await fetch(`${baseUrl}/api/auth/organisations`)).json();
  const ssoOrganisation = organisations.find((organisation) => organisation.name === SSO_ORGANISATION);
  if (!ssoOrganisation) throw new Error(`no organisation "${SSO_ORGANISATION}" in the demo data: ${JSON.stringify(organisations)}`);
  await first.stop();

  step(`starting the server again with single sign-on for ${SSO_ORGANISATION} through ${provider.issuer}`);
  log.write(`\n--- e2e:web: restarted with single sign-on (OIDC_ISSUER=${provider.issuer}) ---\n`);
  const server = startServer(
    {
      ...env,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
      OIDC_ORGANISATION_ID: ssoOrganisation.id,
    },
    log,
    logFile,
    dataDir,
  );
  cleanups.push(() => server.stop());
  await server.ready();

  step('browser tests');
  // Not spawnSync: a signal to this script must still be able to stop everything while the tests run.
  // Jest itself (not through npx, which would not pass a signal on), so stopping it stops the browser too.
  const jestBin = path.join(root, 'node_modules/jest/bin/jest.js');
  const jest = spawn(process.execPath, [jestBin, '-c', 'e2e/web/jest.config.ts', '--ci', '--runInBand', ...jestArgs], {
    cwd: root,
    env: {
      ...process.env,
      E2E_BASE_URL: baseUrl,
      E2E_SERVER_LOG: logFile,
      E2E_ARTIFACTS: artifacts,
      E2E_OIDC_ISSUER: provider.issuer,
      E2E_OIDC_ORGANISATION: SSO_ORGANISATION,
    },
    stdio: 'inherit',
  });
  cleanups.push(async () => {
    if (jest.exitCode !== null || jest.signalCode !== null || !jest.pid) return;
    jest.kill('SIGTERM');
    if (!(await waitGone(jest.pid, 10000))) jest.kill('SIGKILL');
  });
  const status = await new Promise((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
  if (server.exited() !== null) process.stderr.write(`\nThe server stopped during the tests (${JSON.stringify(server.exited())}).\n`);
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
