import { Location } from '@angular/common';
import { Component, computed, inject, input, linkedSignal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { OrganisationTree, SessionStatus, SessionSummary } from '@kunna/contracts';
import { FeedPanel } from '../calendar/feed-panel';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { problemKey } from '../core/problem';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { OrganisationApi } from '../organisation/organisation-api';
import { categoryKey, shiftKey } from './session-labels';
import { PendingMarks } from './pending-marks';
import type { JustScheduled } from './schedule-form';
import { SessionsApi } from './sessions-api';

/** Today's sessions for the signed-in ambassador or manager, and a unit's upcoming and recent sessions. */
@Component({
  selector: 'k-sessions-page',
  imports: [TranslatePipe, DateFormatPipe, RouterLink, FeedPanel],
  templateUrl: './sessions-page.html',
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
  protected readonly today = remoteOnce<SessionSummary[]>(() => this.api.mine());
  protected readonly tree = remoteOnce<OrganisationTree>(() => this.organisation.tree());
  protected readonly problemKey = problemKey;
  protected readonly categoryKey = categoryKey;
  protected readonly shiftKey = shiftKey;
  protected readonly Cancelled = SessionStatus.Cancelled;
  protected readonly units = computed(() => (this.tree.value()?.areas ?? []).flatMap((area) => area.units));
  /**
   * The chosen unit; until someone chooses, the one just scheduled in (query `enhet`), else the first of the
   * caller's own units (or the first unit) once the tree is here.
   */
  protected readonly unitId = linkedSignal<{ units: OrganisationTree['areas'][number]['units']; saved: string | undefined }, string | null>({
    source: () => ({ units: this.units(), saved: this.enhet() }),
    computation: ({ units, saved }, previous) => {
      if (previous?.value) return previous.value;
      if (saved && units.some((unit) => unit.id === saved)) return saved;
      const own = [...this.permissions.ambassadorUnitIds(), ...this.permissions.managedUnitIds()];
      return units.find((unit) => own.includes(unit.id))?.id ?? units[0]?.id ?? null;
    },
  });
  /** The unit's sessions from 30 days back. */
  protected readonly unitSessions = remote<string, SessionSummary[]>({
    params: () => this.unitId() ?? undefined,
    load: (unitId) => this.api.list({ unitId, from: new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10), includeCancelled: true }),
  });
  protected readonly canSchedule = computed(
    () => this.permissions.organisationWide() || this.permissions.ambassadorUnitIds().length > 0 || this.permissions.managedUnitIds().length > 0,
  );

  protected readonly canLogSupport = computed(() => this.permissions.ambassadorUnitIds().length > 0 || this.permissions.organisationWide());

  /** The unit's calendar feed is managed by its managers and ambassadors. */
  protected readonly feedUnitId = computed(() => {
    const unitId = this.unitId();
    return unitId && [...this.permissions.ambassadorUnitIds(), ...this.permissions.managedUnitIds()].includes(unitId) ? unitId : null;
  });
}

function justScheduledFrom(state: unknown, sparat: () => string | undefined): () => JustScheduled | null {
  const saved = (state as { justScheduled?: JustScheduled } | null)?.justScheduled ?? null;
  return () => (saved && saved.id === sparat() ? saved : null);
}
