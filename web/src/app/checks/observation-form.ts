import { Component, computed, inject, input, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CheckItem, CheckItemKind, KioskRoster } from '@kunna/contracts';
import { remote } from '../core/remote';
import { problemKey, problemOf, Problem } from '../core/problem';
import { Session } from '../core/session';
import { checkKindKey } from './labels';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { ChecksApi } from './checks-api';

interface ObservationContext {
  roster: KioskRoster;
  items: CheckItem[];
}

/**
 * The ambassador rates a colleague on the instrument's observation items while watching a real task (on a tablet):
 * choose the colleague, then each item as a group of four large radio buttons, saved as soon as one is chosen.
 * Like the kiosk it only writes: a rating is never read back, and "Nästa kollega" clears the screen.
 */
@Component({
  selector: 'k-observation-form',
  imports: [TranslatePipe, FormsModule, RouterLink],
  template: `
    <h1>{{ 'checks.observation.title' | t }}</h1>
    @if (context.loading() && !context.value()) {
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (context.problem(); as problem) {
      <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
    } @else if (context.value(); as current) {
      <p class="lead">{{ current.roster.title }} · {{ checkKindKey(current.roster.kind) | t }} · {{ current.roster.unitName }}</p>
      <p class="hint">{{ 'checks.observation.hint' | t }}</p>
      @if (current.items.length === 0) {
        <p class="panel">{{ 'checks.observation.noItems' | t }}</p>
      } @else if (!personId()) {
        <form class="field pick" (ngSubmit)="choose()">
          <label for="observed-person">{{ 'checks.observation.person' | t }}</label>
          <select id="observed-person" name="person" [(ngModel)]="picked">
            <option value="">{{ 'checks.observation.choosePerson' | t }}</option>
            @for (person of colleagues(); track person.personId) {
              <option [value]="person.personId">{{ person.displayName }}</option>
            }
          </select>
          <div class="actions">
            <button type="submit" class="big">{{ 'checks.observation.start' | t }}</button>
          </div>
        </form>
      } @else {
        <h2>{{ 'checks.observation.observing' | t: { name: personName() } }}</h2>
        <ol class="plain items">
          @for (item of current.items; track item.key; let n = $index) {
            <li>
              <fieldset>
                <legend class="item-text">{{ n + 1 }}. {{ text(item) }}</legend>
                <div class="choices">
                  @for (step of steps; track step) {
                    <label class="choice">
                      <input
                        type="radio"
                        [name]="'obs-' + item.key"
                        [value]="step"
                        [checked]="ratings()[item.key] === step"
                        [disabled]="busy()"
                        (change)="rate(item, step)"
                      />
                      <span>{{ stepLabel(step) }}</span>
                    </label>
                  }
                </div>
              </fieldset>
            </li>
          }
        </ol>
        <p class="status" role="status" aria-live="polite">{{ saved() }}</p>
        @if (problem(); as p) {
          <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
        }
        <div class="actions">
          <button type="button" class="big" [disabled]="busy()" (click)="next()">{{ 'checks.observation.next' | t }}</button>
        </div>
      }
      <p>
        <a routerLink="/matningar">{{ 'checks.kiosk.leave' | t }}</a>
      </p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .pick {
      max-width: 28rem;
    }
    .pick select {
      font-size: 1.15rem;
      min-height: 3rem;
    }
    .items > li {
      margin: 0 0 1.5rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    .item-text {
      font-size: 1.25rem;
      font-weight: 700;
      line-height: 1.35;
      margin-bottom: 0.75rem;
      padding: 0;
    }
    .choices {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.6rem;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-height: 3.25rem;
      padding: 0.6rem 0.9rem;
      border: 2px solid #c5cdd3;
      border-radius: 10px;
      font-size: 1.1rem;
      background: #fff;
      cursor: pointer;
    }
    .choice:has(input:checked) {
      border-color: var(--brand);
      background: #eef5fb;
    }
    .choice input {
      width: 1.5rem;
      height: 1.5rem;
      flex: none;
    }
    .big {
      font-size: 1.1rem;
      min-height: 3rem;
      padding: 0.5rem 1.25rem;
    }
    .status {
      min-height: 1.5rem;
    }
  `,
})
export class ObservationForm {
  protected readonly checkKindKey = checkKindKey;
  protected readonly problemKey = problemKey;
  private readonly api = inject(ChecksApi);
  private readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  readonly assignmentId = input.required<string>();
  readonly roundId = input.required<string>();

  protected readonly steps = [1, 2, 3, 4] as const;
  /** The round's people and the instrument's observation items. */
  protected readonly context = remote<{ assignmentId: string; roundId: string }, ObservationContext>({
    params: () => ({ assignmentId: this.assignmentId(), roundId: this.roundId() }),
    load: async ({ assignmentId, roundId }) => {
      const [assignment, roster] = await Promise.all([this.api.assignment(assignmentId), this.api.roster(roundId)]);
      const version = await this.api.version(assignment.instrumentVersionId);
      return { roster, items: version.items.filter((item) => item.kind === CheckItemKind.Observation) };
    },
  });
  protected picked = '';
  protected readonly personId = signal<string | null>(null);
  protected readonly ratings = signal<Record<string, number>>({});
  protected readonly busy = signal(false);
  protected readonly saved = signal('');
  protected readonly problem = signal<Problem | null>(null);
  /** Nobody observes themselves (the API refuses it too). */
  protected readonly colleagues = computed(() => (this.context.value()?.roster.people ?? []).filter((p) => p.personId !== this.session.user()?.personId));
  protected readonly personName = computed(() => this.colleagues().find((p) => p.personId === this.personId())?.displayName ?? '');

  protected text(item: CheckItem): string {
    return this.i18n.language() === 'en' && item.textEn ? item.textEn : item.textSv;
  }

  protected stepLabel(step: number): string {
    return this.i18n.t(`checks.observation.scale.${step}` as TranslationKey);
  }

  protected choose(): void {
    if (this.picked) this.personId.set(this.picked);
  }

  protected async rate(item: CheckItem, rating: number): Promise<void> {
    const personId = this.personId();
    if (!personId) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.api.observe(this.roundId(), { personId, itemKey: item.key, rating });
      this.ratings.update((current) => ({ ...current, [item.key]: rating }));
      this.saved.set(this.i18n.t('checks.observation.saved', { item: this.text(item) }));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Clears everything of this colleague before the next one. */
  protected next(): void {
    this.personId.set(null);
    this.picked = '';
    this.ratings.set({});
    this.saved.set('');
    this.problem.set(null);
  }
}
