import { Injectable, inject } from '@angular/core';
import { ApiRoutes, CalendarFeedCreated, CalendarFeedStatus, routePath } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The signed-in person's own calendar feed, or a unit's (see api/src/calendar/README.md). */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly client = inject(ApiClient);

  status(unitId: string | null): Promise<CalendarFeedStatus> {
    return this.client.get<CalendarFeedStatus>(this.path(unitId));
  }

  /** Creates the feed or replaces it (the old URL stops working); the answer is the only time the URL is seen. */
  create(unitId: string | null): Promise<CalendarFeedCreated> {
    return this.client.post<CalendarFeedCreated>(this.path(unitId));
  }

  revoke(unitId: string | null): Promise<void> {
    return this.client.delete(this.path(unitId));
  }

  private path(unitId: string | null): string {
    return unitId ? routePath(ApiRoutes.calendar.unitFeed, { unitId }) : ApiRoutes.calendar.myFeed;
  }
}
