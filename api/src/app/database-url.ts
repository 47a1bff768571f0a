import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres';

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedDatabase | null;
}

/** `DATABASE_URL` when set; otherwise an embedded PostgreSQL in the project's data folder. */
export async function resolveDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const logger = new Logger('database');
  logger.log(`Starting embedded PostgreSQL in ${config.dataDir} (port ${config.embeddedPort})`);
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort });
  const url = await ensureDatabase(embedded.serverUrl, 'kunna');
  return { url, embedded };
}
