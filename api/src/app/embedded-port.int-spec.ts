import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULT_EMBEDDED_PORT } from './database-url';
import { describeStartupFailure } from './startup-error';

const root = path.resolve(__dirname, '../../..');

/** api/src/test-support/resolve-database-child.ts with `env`: its exit status and output. */
function startDatabase(env: Record<string, string>): { status: number | null; port: number | null; output: string; stderr: string } {
  const child = spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      path.join(root, 'scripts/register-paths.cjs'),
      path.join(root, 'api/src/test-support/resolve-database-child.ts'),
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'api/tsconfig.spec.json'), EMBEDDED_PG_PORT: '', ...env } },
  );
  const port = /"port":(\d+)/.exec(child.stdout)?.[1];
  return { status: child.status, port: port ? Number(port) : null, output: child.stdout + child.stderr, stderr: child.stderr };
}

jest.setTimeout(120_000);

/**
 * `npm start` on a machine where the embedded database's default port is already taken (another Kunna, another
 * PostgreSQL): Kunna picks a free port, remembers it in its data folder, and says so; with EMBEDDED_PG_PORT set to a
 * taken port it stops with a message that names the port and the setting, never "undefined".
 */
describe('starting with the embedded database when its default port is taken', () => {
  let blocker: net.Server | null = null;
  let dataDir: string;

  beforeAll(async () => {
    // Taken either by this test or by whatever already listens there.
    blocker = await new Promise<net.Server | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(DEFAULT_EMBEDDED_PORT, '127.0.0.1', () => resolve(server));
    });
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kunna-port-')), 'pg');
  });
  afterAll(async () => {
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('starts on a free port, remembers it in the data folder and uses it again next time', () => {
    const first = startDatabase({ KUNNA_DATA_DIR: dataDir });
    expect(first.output).toContain(`Port ${DEFAULT_EMBEDDED_PORT} is in use`);
    expect(first.status).toBe(0);
    expect(first.port).not.toBe(DEFAULT_EMBEDDED_PORT);
    expect(fs.readFileSync(path.join(dataDir, 'kunna-port'), 'utf8').trim()).toBe(String(first.port));
    const again = startDatabase({ KUNNA_DATA_DIR: dataDir });
    expect([again.status, again.port]).toEqual([0, first.port]);
  });

  it('with EMBEDDED_PG_PORT on a taken port, stops with the port, the setting and the fix', () => {
    const failed = startDatabase({ KUNNA_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(DEFAULT_EMBEDDED_PORT) });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`Kunna could not start: port ${DEFAULT_EMBEDDED_PORT} (EMBEDDED_PG_PORT) for the embedded PostgreSQL is already in use.`);
    expect(failed.stderr).toContain('Fix: set EMBEDDED_PG_PORT to a free port');
    expect(failed.stderr).not.toContain('undefined');
  });
});

describe('describeStartupFailure', () => {
  it('never prints "undefined", whatever a library rejects with', () => {
    for (const reason of [undefined, null, '', new Error(''), { code: 1 }]) {
      const text = describeStartupFailure(reason);
      expect(text).toMatch(/^Kunna could not start/);
      expect(text).not.toMatch(/: undefined$/);
    }
    expect(describeStartupFailure(undefined)).toContain('no reason was given');
    expect(describeStartupFailure(new Error('boom'))).toContain('boom');
  });
});
