import { Injectable, inject } from '@angular/core';
import { ApiRoutes, AuditLogPage, AuditLogQuery, AuditRetention } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The organisation's audit log (administrators). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly client = inject(ApiClient);

  search(query: AuditLogQuery): Promise<AuditLogPage> {
    return this.client.call('GET', ApiRoutes.audit.log, { query });
  }

  retention(): Promise<AuditRetention> {
    return this.client.call('GET', ApiRoutes.audit.retention);
  }

  setRetention(retentionDays: number | null): Promise<AuditRetention> {
    return this.client.call('PUT', ApiRoutes.audit.retention, { body: { retentionDays } });
  }
}
