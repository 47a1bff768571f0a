import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres';
import { StartupError } from './startup-error';

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export const DEFAULT_EMBEDDED_PORT = 54329;
/** Beside PostgreSQL's own files in the data folder: the port this folder's server was last started on. */
const PORT_FILE = 'kunna-port';

/** `DATABASE_URL` when set; otherwise an embedded PostgreSQL in the project's data folder. */
export async function resolveDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const logger = new Logger('database');
  const port = await embeddedPort(config);
  logger.log(`Starting embedded PostgreSQL in ${config.dataDir} (port ${port})`);
  const log: string[] = [];
  let embedded: EmbeddedDatabase;
  try {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port, log: (line) => log.push(line) });
  } catch (error) {
    const detail = error && typeof error === 'object' && 'message' in error ? String(error.message) : '';
    const tail = [detail, ...log.slice(-8)].filter((line) => line.trim()).join('\n    ');
    throw new StartupError(
      `the embedded PostgreSQL did not start in ${config.dataDir} on port ${port}${tail ? `:\n    ${tail}` : ''}`,
      `if another Kunna uses that folder, stop it; otherwise move the folder aside (or set KUNNA_DATA_DIR to another folder) and start again, or set DATABASE_URL to a PostgreSQL server of your own`,
    );
  }
  fs.writeFileSync(path.join(config.dataDir, PORT_FILE), `${port}\n`);
  const url = await ensureDatabase(embedded.serverUrl, 'kunna');
  return { url, embedded };
}

/**
 * EMBEDDED_PG_PORT when set (and free: else a clear error); otherwise the port the data folder's server used last,
 * or 54329, and a free port when that one is taken (by another Kunna, say): remembered in the folder for next time.
 */
export async function embeddedPort(config: Pick<AppConfig, 'embeddedPort' | 'dataDir'>): Promise<number> {
  if (config.embeddedPort !== null) {
    if (await isFree(config.embeddedPort)) return config.embeddedPort;
    throw new StartupError(
      `port ${config.embeddedPort} (EMBEDDED_PG_PORT) for the embedded PostgreSQL is already in use`,
      `set EMBEDDED_PG_PORT to a free port, or leave it unset and Kunna picks a free one`,
    );
  }
  const remembered = Number(readOrNull(path.join(config.dataDir, PORT_FILE))?.trim());
  const preferred = Number.isInteger(remembered) && remembered > 0 ? remembered : DEFAULT_EMBEDDED_PORT;
  if (await isFree(preferred)) return preferred;
  const port = await freePort();
  new Logger('database').warn(`Port ${preferred} is in use: the embedded PostgreSQL uses port ${port} (remembered in ${config.dataDir}).`);
  return port;
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Whether nothing listens on the loopback port (the embedded server listens on 127.0.0.1 only). */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port nothing listens on at this moment, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
