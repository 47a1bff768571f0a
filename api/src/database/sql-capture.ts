import { appendFileSync } from 'node:fs';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * `KUNNA_SQL_CAPTURE=<file>`: every query the API runs is appended to the file as one JSON line (query and
 * parameters), so `npm run bench` can replay an endpoint's SQL directly against PostgreSQL (its floor) and
 * EXPLAIN it. Synchronous writes: only for benchmarking, never in production.
 */
export class SqlCaptureLogger implements TypeOrmLogger {
  constructor(private readonly file: string) {}

  logQuery(query: string, parameters?: unknown[]): void {
    appendFileSync(this.file, `${JSON.stringify({ query, parameters: parameters ?? [] })}\n`);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
