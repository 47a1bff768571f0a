import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS, type RewritesTables } from '@kunna/migrations';
import { quoteIdent } from './database-urls';
import { installJobQueueSchema } from '../jobs/job-boss';
import { ENTITIES } from './entities';
import { ClientWithConnectTimeout, DEFAULT_POOL_SIZE, DEFAULT_POOL_WAIT_MS, PoolSettings } from './pool';
import { SESSION_TIME_ZONE } from './participation.sql';
import { SqlCaptureLogger } from './sql-capture';

export function dataSourceOptions(url: string, extra: PoolSettings = {}): DataSourceOptions {
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
    poolSize: extra.poolSize ?? DEFAULT_POOL_SIZE,
    extra: {
      application_name: extra.applicationName ?? 'kunna',
      Client: ClientWithConnectTimeout,
      // pg-pool's queue wait (see ClientWithConnectTimeout): a full pool makes a request wait this long at most,
      // then it fails with "timeout exceeded when trying to connect", answered 503 "busy" (common/errors.ts).
      connectionTimeoutMillis: extra.poolWaitMs ?? DEFAULT_POOL_WAIT_MS,
      statement_timeout: 30000,
      // Kunna's calendar is Sweden's: current_date and date casts in SQL follow Stockholm time, as LOCAL_TODAY does,
      // whatever time zone the database server runs in (UTC here: between midnight in Sweden and midnight UTC an
      // appointment starting "today" was not yet active).
      options: `-c TimeZone=${SESSION_TIME_ZONE}`,
    },
  };
}

/**
 * Runs pending migrations as the connecting (owner) role and closes the connection. pg-boss's schema (the job
 * queue) is installed or upgraded first, by pg-boss itself: the migration that moved the old job table relies on it.
 */
export async function migrate(url: string): Promise<string[]> {
  await installJobQueueSchema(url);
  const dataSource = new DataSource({ ...dataSourceOptions(url, { poolSize: 2, applicationName: 'kunna-migrate' }) });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    // Vacuum outside the migrations' transactions (it cannot run in one): see RewritesTables.
    const rewritten = new Set(applied.flatMap((migration) => (migration.instance as Partial<RewritesTables> | undefined)?.rewrites ?? []));
    for (const table of rewritten) await dataSource.query(`vacuum (analyze) ${quoteIdent(table)}`);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
