import { Location } from '@angular/common';
import { Component, computed, effect, inject, input, signal, ChangeDetectionStrategy } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { OrganisationTree, SessionStatus, SessionSummary } from '@kunna/contracts';
import { FeedPanel } from '../calendar/feed-panel';
import { Loader } from '../core/loader';
import { Permissions } from '../core/permissions';
import { problemKey } from '../core/problem';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { OrganisationApi } from '../organisation/organisation-api';
import { categoryKey, shiftKey } from './session-labels';
import { PendingMarks } from './pending-marks';
import type { JustScheduled } from './schedule-session';
import { SessionsApi } from './sessions-api';

/** Today's sessions for the signed-in ambassador or manager, and a unit's upcoming and recent sessions. */
@Component({
  selector: 'k-sessions-page',
  imports: [TranslatePipe, DateFormatPipe, RouterLink, FeedPanel],
  templateUrl: './sessions-page.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './sessions-page.css',
})
export class SessionsPage {
  /** After scheduling (query `enhet`, `sparat`): the unit to show and the session just saved, marked in the list. */
  readonly enhet = input<string | undefined>();
  readonly sparat = input<string | undefined>();
  private readonly api = inject(SessionsApi);
  /**
   * The session just scheduled, shown first (from the navigation's state, or the history's on a reload, so it is there
   * from the first paint and nothing moves under a finger); the unit's list also marks it through `sparat`.
   */
  protected readonly justScheduled = justScheduledFrom(inject(Router).currentNavigation()?.extras.state ?? inject(Location).getState(), this.sparat);
  private readonly organisation = inject(OrganisationApi);
  protected readonly permissions = inject(Permissions);
  protected readonly pending = inject(PendingMarks);
  protected readonly today = new Loader<SessionSummary[]>();
  protected readonly tree = new Loader<OrganisationTree>();
  protected readonly unitSessions = new Loader<SessionSummary[]>();
  protected readonly unitId = signal<string | null>(null);
  protected readonly problemKey = problemKey;
  protected readonly categoryKey = categoryKey;
  protected readonly shiftKey = shiftKey;
  protected readonly Cancelled = SessionStatus.Cancelled;
  protected readonly units = computed(() => (this.tree.value()?.areas ?? []).flatMap((area) => area.units));
  protected readonly canSchedule = computed(
    () => this.permissions.organisationWide() || this.permissions.ambassadorUnitIds().length > 0 || this.permissions.managedUnitIds().length > 0,
  );

  protected readonly canLogSupport = computed(() => this.permissions.ambassadorUnitIds().length > 0 || this.permissions.organisationWide());

  /** The unit's calendar feed is managed by its managers and ambassadors. */
  protected readonly feedUnitId = computed(() => {
    const unitId = this.unitId();
    return unitId && [...this.permissions.ambassadorUnitIds(), ...this.permissions.managedUnitIds()].includes(unitId) ? unitId : null;
  });

  constructor() {
    void this.today.run(() => this.api.mine());
    void this.tree.run(() => this.organisation.tree());
    effect(() => {
      const units = this.units();
      const saved = this.enhet();
      if (this.unitId() === null && saved && units.some((unit) => unit.id === saved)) {
        this.unitId.set(saved);
      } else if (this.unitId() === null && units.length > 0) {
        const own = [...this.permissions.ambassadorUnitIds(), ...this.permissions.managedUnitIds()];
        this.unitId.set(units.find((unit) => own.includes(unit.id))?.id ?? units[0].id);
      }
    });
    effect(() => {
      const unitId = this.unitId();
      if (!unitId) return;
      const from = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
      void this.unitSessions.run(() => this.api.list({ unitId, from, includeCancelled: true }));
    });
  }
}

function justScheduledFrom(state: unknown, sparat: () => string | undefined): () => JustScheduled | null {
  const saved = (state as { justScheduled?: JustScheduled } | null)?.justScheduled ?? null;
  return () => (saved && saved.id === sparat() ? saved : null);
}
