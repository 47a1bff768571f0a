import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { CurrentUser } from '@kunna/contracts';
import { FIXTURE_PASSWORD } from './fixture';
import { sql, TestApp } from './test-app';

const root = path.resolve(__dirname, '../../..');

/** The API running in its own operating-system process (see serve-child.ts), so that a test can SIGKILL it. */
export interface ChildApi {
  process: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  base: string;
}

/** Starts the API in its own process (api/src/test-support/serve-child.ts) on the test database. */
export function startChildApi(databaseUrl: string): Promise<ChildApi> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', path.join(root, 'scripts/register-paths.cjs'), path.join(root, 'api/src/test-support/serve-child.ts')],
    {
      cwd: root,
      env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'api/tsconfig.spec.json'), KUNNA_CHILD_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve({ process: child, base: `http://127.0.0.1:${match[1]}` });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`API child exited with ${code}: ${output}`)));
  });
}

/** Kills every child that is still running (for afterAll). */
export function killChildren(children: ChildApi[]): void {
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
}

/** Signs in over real HTTP (to a child process): the session cookie and CSRF token to send with writes. */
export async function signInOverHttp(base: string, email: string): Promise<{ cookie: string; user: CurrentUser }> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: email, password: FIXTURE_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  const user = (await response.json()) as CurrentUser;
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return { cookie, user };
}

/** Polls `check` until it holds (true) or the time is up (false). */
export async function until(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 5): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}

/**
 * Other connections to the test database whose transaction has written (has a transaction id) and not ended:
 * 0 once PostgreSQL has rolled back what a killed process left open.
 */
export async function writingTransactions(t: TestApp): Promise<number> {
  const rows = await sql<{ n: number }>(
    t,
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null and xact_start is not null`,
  );
  return rows[0].n;
}

/** Waits until PostgreSQL has noticed the closed connections of a killed process and rolled their transactions back. */
export function rolledBack(t: TestApp, timeoutMs = 20000): Promise<boolean> {
  return until(async () => (await writingTransactions(t)) === 0, timeoutMs, 50);
}
