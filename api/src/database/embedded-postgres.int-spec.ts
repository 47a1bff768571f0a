import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../app/database-url';
import { PROJECT_ROOT } from '../config/app-config';
import { LEGACY_PASSWORD, PASSWORD_FILE } from './embedded-postgres';

/**
 * The embedded PostgreSQL (what `npm start` uses without DATABASE_URL) has a superuser password of its own per data
 * folder, not the fixed one that was in the source: anyone reaching the port could otherwise sign in as superuser.
 * Runs real servers in folders of their own (children: jest cannot load the embedded-postgres package itself).
 */
describe('embedded PostgreSQL superuser password', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kunna-embedded-'));
  const running: ChildProcessWithoutNullStreams[] = [];
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Starts a server on `dataDir` through `script`; resolves with its stop function and the line it printed. */
  function start(script: string[], dataDir: string, port: number, readyLine: RegExp): Promise<{ line: string; stop: () => Promise<void> }> {
    const child = spawn(process.execPath, [...script, dataDir, String(port)], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TS_NODE_PROJECT: path.join(PROJECT_ROOT, 'api/tsconfig.spec.json') },
    });
    running.push(child);
    let output = '';
    return new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => readyLine.test(candidate));
        if (line) {
          resolve({
            line,
            stop: () =>
              new Promise<void>((done) => {
                child.once('exit', () => done());
                child.stdin.write('stop\n');
                child.stdin.end();
              }),
          });
        }
        if (/^failed /m.test(output)) reject(new Error(output));
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
    });
  }
  const kunna = (dataDir: string, port: number) =>
    start(['-r', 'ts-node/register/transpile-only', '-r', './scripts/register-paths.cjs', 'api/src/test-support/embedded-child.ts'], dataDir, port, /^ready /);

  async function connects(port: number, password: string): Promise<boolean> {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  function storedPassword(dataDir: string): { password: string; mode: number } {
    const file = path.join(dataDir, PASSWORD_FILE);
    return { password: fs.readFileSync(file, 'utf8').trim(), mode: fs.statSync(file).mode & 0o777 };
  }

  it('a new data folder gets a random password of its own, kept in the folder readable by its owner only', async () => {
    const first = path.join(folder, 'first');
    const second = path.join(folder, 'second');
    const port = await freePort();
    const server = await kunna(first, port);
    const { password, mode } = storedPassword(first);
    expect(mode).toBe(0o600);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(server.line).toBe(`ready postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
    expect(await connects(port, password)).toBe(true);
    expect(await connects(port, LEGACY_PASSWORD)).toBe(false);
    await server.stop();

    // Another folder, another password; the same folder again, the same one.
    const other = await kunna(second, await freePort());
    expect(storedPassword(second).password).not.toBe(password);
    await other.stop();
    const again = await kunna(first, port);
    expect(storedPassword(first).password).toBe(password);
    expect(await connects(port, password)).toBe(true);
    await again.stop();
  }, 180_000);

  it('a folder initialised with the former fixed password still starts, and moves to a generated one', async () => {
    const legacy = path.join(folder, 'legacy');
    const port = await freePort();
    // The way folders were initialised before (scripts/embedded-postgres-server.mjs still uses the fixed password).
    const old = await start([path.join(PROJECT_ROOT, 'scripts/embedded-postgres-server.mjs')], legacy, port, /^ready$/);
    expect(await connects(port, LEGACY_PASSWORD)).toBe(true);
    await old.stop();
    expect(fs.existsSync(path.join(legacy, PASSWORD_FILE))).toBe(false);

    const server = await kunna(legacy, port);
    const { password, mode } = storedPassword(legacy);
    expect(mode).toBe(0o600);
    expect(password).not.toBe(LEGACY_PASSWORD);
    expect(await connects(port, password)).toBe(true);
    expect(await connects(port, LEGACY_PASSWORD)).toBe(false);
    await server.stop();
  }, 180_000);
});
