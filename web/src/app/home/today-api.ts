import { Injectable, inject } from '@angular/core';
import { ApiRoutes, TodayOverview } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The start page's read: what the signed-in person does now, per role (api/src/today). */
@Injectable({ providedIn: 'root' })
export class TodayApi {
  private readonly client = inject(ApiClient);

  overview(): Promise<TodayOverview> {
    return this.client.call('GET', ApiRoutes.today);
  }
}
