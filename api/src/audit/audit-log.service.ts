import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditLogPage, AuditLogQuery, AuditRetention } from '@kunna/contracts';
import type { Caller } from '../auth';
import { Db } from '../database/db';
import { AuditRepository } from './audit.repository';
import { AuditService } from '../database/audit.service';

const DEFAULT_PAGE = 50;
const PURGE_EVERY_MS = 3600_000;
const FIRST_PURGE_AFTER_MS = 60_000;

/** Search and retention of the audit log, for organisation admins; expired entries are purged hourly. */
@Injectable()
export class AuditLogService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditLogService.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly repository: AuditRepository,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  async search(caller: Caller, query: AuditLogQuery): Promise<AuditLogPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.repository.search(caller.organisationId, query, limit);
    const entries = rows.slice(0, limit);
    return {
      entries,
      nextBefore: rows.length > limit ? entries[entries.length - 1].id : null,
      actions: await this.repository.actions(caller.organisationId),
    };
  }

  async retention(caller: Caller): Promise<AuditRetention> {
    return { retentionDays: await this.repository.retentionDays(caller.organisationId) };
  }

  async setRetention(caller: Caller, retentionDays: number | null): Promise<AuditRetention> {
    const before = await this.repository.retentionDays(caller.organisationId);
    await this.repository.setRetentionDays(caller.organisationId, retentionDays, caller.personId);
    await this.audit.record({
      action: 'audit.retention_changed',
      targetType: 'organisation',
      targetId: caller.organisationId,
      details: { from: before, to: retentionDays },
    });
    return { retentionDays };
  }

  /** Every API process purges; the delete is idempotent, so several processes doing it is harmless. */
  purgeExpired(): Promise<number> {
    return this.db.transaction(() => this.repository.purgeExpired());
  }

  onApplicationBootstrap(): void {
    const run = () =>
      void this.purgeExpired()
        .then((removed) => removed > 0 && this.logger.log(`Audit retention: removed ${removed} expired entries`))
        .catch((error: unknown) => this.logger.warn(`Audit retention purge failed: ${String(error)}`));
    const first = setTimeout(() => {
      run();
      const every = setInterval(run, PURGE_EVERY_MS);
      every.unref();
      this.timers.push(every);
    }, FIRST_PURGE_AFTER_MS);
    first.unref();
    this.timers.push(first);
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}
