import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@kunna/migrations';
import { ENTITIES } from './entities';
import { SqlCaptureLogger } from './sql-capture';

export function dataSourceOptions(url: string, extra: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  const capture = process.env['KUNNA_SQL_CAPTURE'];
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // The benchmark's query capture (sql-capture.ts); otherwise no query logging.
    logging: capture ? ['query'] : false,
    logger: capture ? new SqlCaptureLogger(capture) : undefined,
    poolSize: extra.poolSize ?? 20,
    extra: {
      application_name: extra.applicationName ?? 'kunna',
      // Fail fast while the database is down instead of hanging requests.
      connectionTimeoutMillis: 5000,
      statement_timeout: 30000,
    },
  };
}

/** Runs pending migrations as the connecting (owner) role and closes the connection. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, { poolSize: 2, applicationName: 'kunna-migrate' }) });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
