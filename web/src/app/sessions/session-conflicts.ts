import { Component, input } from '@angular/core';
import { SessionConflict } from '@kunna/contracts';
import { TranslatePipe } from '../i18n/i18n';
import { conflictKey } from './session-labels';

/** The result of a conflict check before scheduling: none, or each person or place that is taken, and by what. */
@Component({
  selector: 'k-session-conflicts',
  imports: [TranslatePipe],
  // The page's look for notices and the ok text (its styles are scoped to its own template).
  styleUrl: './schedule-session.css',
  template: `
    <div role="status">
      @if (conflicts().length === 0) {
        <p class="ok">{{ 'sessions.noConflicts' | t }}</p>
      } @else {
        <p class="notice">{{ 'sessionsPlan.conflictsFound' | t }}</p>
        <ul class="notice plain">
          @for (conflict of conflicts(); track $index) {
            <li>{{ conflictKey(conflict.kind) | t: { name: conflict.person?.name ?? '', other: other(conflict) } }}</li>
          }
        </ul>
      }
    </div>
  `,
})
export class SessionConflicts {
  readonly conflicts = input.required<SessionConflict[]>();
  protected readonly conflictKey = conflictKey;

  protected other(conflict: SessionConflict): string {
    const session = conflict.otherSession;
    return session ? `${session.title}, ${session.date} ${session.startTime}, ${session.unit.name}` : '';
  }
}
