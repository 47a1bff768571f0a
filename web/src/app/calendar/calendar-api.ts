import { Injectable, inject } from '@angular/core';
import { ApiRoutes, CalendarFeedCreated, CalendarFeedStatus } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The signed-in person's own calendar feed, or a unit's (see api/src/calendar/README.md). */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly client = inject(ApiClient);

  // Typed from the endpoint table (`ApiClient.call`): the answers' types follow the method and the route.
  status(unitId: string | null): Promise<CalendarFeedStatus> {
    return unitId ? this.client.call('GET', ApiRoutes.calendar.unitFeed, { params: { unitId } }) : this.client.call('GET', ApiRoutes.calendar.myFeed);
  }

  /** Creates the feed or replaces it (the old URL stops working); the answer is the only time the URL is seen. */
  create(unitId: string | null): Promise<CalendarFeedCreated> {
    return unitId ? this.client.call('POST', ApiRoutes.calendar.unitFeed, { params: { unitId } }) : this.client.call('POST', ApiRoutes.calendar.myFeed);
  }

  revoke(unitId: string | null): Promise<void> {
    return unitId ? this.client.call('DELETE', ApiRoutes.calendar.unitFeed, { params: { unitId } }) : this.client.call('DELETE', ApiRoutes.calendar.myFeed);
  }
}
