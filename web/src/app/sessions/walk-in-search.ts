import { Component, inject, input, model, output, signal } from '@angular/core';
import { WALK_IN_QUERY_MIN_LENGTH, WalkInCandidate } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { SessionsApi } from './sessions-api';

/** Adds someone who came without being invited: found by name or employee number, or (also offline) by name alone. */
@Component({
  selector: 'k-walk-in-search',
  imports: [TranslatePipe],
  templateUrl: './walk-in-search.html',
  styleUrl: './attendance-page.css',
})
export class WalkInSearch {
  readonly sessionId = input.required<string>();
  /** The last search's people (an empty list when none or offline); null before a search. */
  readonly candidates = model<WalkInCandidate[] | null>(null);
  readonly candidateChosen = output<WalkInCandidate>();
  /** A name typed for someone the search does not find. */
  readonly nameChosen = output<string>();
  private readonly api = inject(SessionsApi);
  private readonly i18n = inject(I18n);
  private readonly feedback = inject(Feedback);
  protected readonly minQueryLength = WALK_IN_QUERY_MIN_LENGTH;
  protected readonly query = signal('');
  protected readonly searching = signal(false);

  protected async search(): Promise<void> {
    const query = this.query().trim();
    if (query.length < WALK_IN_QUERY_MIN_LENGTH) return;
    this.searching.set(true);
    try {
      this.candidates.set(await this.api.walkInCandidates(this.sessionId(), query));
    } catch {
      // Offline: a walk-in can still be added by name.
      this.candidates.set([]);
    } finally {
      this.searching.set(false);
    }
  }

  protected addCandidate(candidate: WalkInCandidate): void {
    this.candidateChosen.emit(candidate);
    this.clear(candidate.name);
  }

  protected addByName(): void {
    const name = this.query().trim();
    if (name === '') return;
    this.nameChosen.emit(name);
    this.clear(name);
  }

  private clear(name: string): void {
    this.query.set('');
    this.candidates.set(null);
    this.feedback.announce(this.i18n.t('attendance.walkInAdded', { name }));
  }
}
