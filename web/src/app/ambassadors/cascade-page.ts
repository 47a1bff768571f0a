import { Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AmbassadorReach, AmbassadorWorkload, PersonRef } from '@kunna/contracts';
import { remote, remoteOnce } from '../core/remote';
import { problemKey } from '../core/problem';
import { NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { allocationKindKey } from '../library/library-labels';
import { AmbassadorsApi } from './ambassadors-api';

interface TrainerGroup {
  trainer: PersonRef | null;
  ambassadors: AmbassadorReach[];
  /** Sum over the ambassadors (a colleague reached by two of them counts twice). */
  colleagues: number;
  sessions: number;
}

/** Today's month, YYYY-MM, in the browser's time zone. */
function currentMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The cascade: who trained each ambassador and how far the training spread from there (sessions, hours and
 * distinct colleagues, per module), and each ambassador's month: hours delivered and planned against the allocation.
 */
@Component({
  selector: 'k-cascade-page',
  imports: [TranslatePipe, RouterLink, NumberFormatPipe],
  templateUrl: './cascade-page.html',
  styleUrl: './ambassadors.css',
})
export class CascadePage {
  /** Query parameter YYYY-MM for the workload. */
  readonly month = input<string>();
  private readonly api = inject(AmbassadorsApi);
  private readonly router = inject(Router);
  protected readonly problemKey = problemKey;
  protected readonly allocationKindKey = allocationKindKey;
  protected readonly chosenMonth = computed(() => (/^\d{4}-(0[1-9]|1[0-2])$/.test(this.month() ?? '') ? (this.month() as string) : currentMonth()));
  protected readonly reach = remoteOnce<AmbassadorReach[]>(() => this.api.reach());
  protected readonly workload = remote<string, AmbassadorWorkload[]>({ params: this.chosenMonth, load: (month) => this.api.workload({ month }) });

  /** Ambassadors grouped under each person who trained them; those without a recorded trainer last. */
  protected readonly groups = computed<TrainerGroup[]>(() => {
    const groups = new Map<string, TrainerGroup>();
    const untrained: TrainerGroup = { trainer: null, ambassadors: [], colleagues: 0, sessions: 0 };
    for (const ambassador of this.reach.value() ?? []) {
      const targets = ambassador.trainedBy.length
        ? ambassador.trainedBy.map((trainer) => {
            const group = groups.get(trainer.id) ?? { trainer, ambassadors: [], colleagues: 0, sessions: 0 };
            groups.set(trainer.id, group);
            return group;
          })
        : [untrained];
      for (const group of targets) {
        group.ambassadors.push(ambassador);
        group.colleagues += ambassador.colleaguesReached;
        group.sessions += ambassador.sessionsDelivered;
      }
    }
    const sorted = [...groups.values()].sort((a, b) => b.colleagues - a.colleagues || (a.trainer?.name ?? '').localeCompare(b.trainer?.name ?? '', 'sv'));
    return untrained.ambassadors.length ? [...sorted, untrained] : sorted;
  });

  protected readonly totals = computed(() => {
    const all = this.reach.value() ?? [];
    return {
      ambassadors: all.length,
      sessions: all.reduce((sum, entry) => sum + entry.sessionsDelivered, 0),
      hours: Math.round(all.reduce((sum, entry) => sum + entry.hoursDelivered, 0) * 10) / 10,
      participantHours: Math.round(all.reduce((sum, entry) => sum + entry.participantHours, 0) * 10) / 10,
    };
  });

  protected chooseMonth(event: Event): void {
    const month = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}$/.test(month)) void this.router.navigate([], { queryParams: { month }, replaceUrl: true });
  }
}
