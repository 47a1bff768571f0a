import { Component, computed, inject, input, output, signal } from '@angular/core';
import { SeriesEditScope, SessionDetail } from '@kunna/contracts';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { SessionsApi } from './sessions-api';

type SeriesAction = 'move' | 'cancel';

/**
 * On a session of a series: move or cancel this occurrence or it and the rest of the series. The server refuses to
 * move occurrences that already have attendance; cancelled ones stay so that calendars show the cancellation.
 */
@Component({
  selector: 'k-series-panel',
  imports: [TranslatePipe],
  template: `
    <details class="series-panel">
      <summary>{{ 'sessionsPlan.seriesTitle' | t: { n: session().seriesPosition ?? '' } }}</summary>
      <form (submit)="$event.preventDefault(); apply()" novalidate class="narrow-form">
        <fieldset>
          <legend>{{ 'sessionsPlan.scope' | t }}</legend>
          <label><input type="radio" name="series-scope" [checked]="scope() === One" (change)="scope.set(One)" /> {{ 'sessionsPlan.scopeOne' | t }}</label>
          <label
            ><input type="radio" name="series-scope" [checked]="scope() === Following" (change)="scope.set(Following)" />
            {{ 'sessionsPlan.scopeFollowing' | t }}</label
          >
        </fieldset>
        <fieldset>
          <legend>{{ 'sessionsPlan.seriesAction' | t }}</legend>
          <label
            ><input type="radio" name="series-action" [checked]="action() === 'move'" (change)="action.set('move')" />
            {{ 'sessionsPlan.actionMove' | t }}</label
          >
          <label
            ><input type="radio" name="series-action" [checked]="action() === 'cancel'" (change)="action.set('cancel')" />
            {{ 'sessionsPlan.actionCancel' | t }}</label
          >
        </fieldset>
        @if (action() === 'move') {
          <div class="field">
            <label for="series-days">{{ 'sessionsPlan.shiftDays' | t }}</label>
            <input
              id="series-days"
              type="number"
              min="-366"
              max="366"
              [value]="shiftDays()"
              (input)="shiftDays.set($any($event.target).value)"
              aria-describedby="series-days-hint"
            />
            <p class="hint" id="series-days-hint">{{ 'sessionsPlan.shiftDaysHint' | t }}</p>
            @if (fieldMessage(problem(), 'shiftDays'); as message) {
              <p class="error">{{ message }}</p>
            }
          </div>
          <div class="field">
            <label for="series-time">{{ 'sessionsPlan.newStartTime' | t }}</label>
            <input id="series-time" type="time" [value]="startTime()" (input)="startTime.set($any($event.target).value)" />
            @if (fieldMessage(problem(), 'startTime'); as message) {
              <p class="error">{{ message }}</p>
            }
          </div>
          @if (askReason()) {
            <div class="field">
              <label for="series-facilitator-reason">{{ 'sessionsPlan.reason' | t }}</label>
              <textarea
                id="series-facilitator-reason"
                rows="2"
                [value]="facilitatorReason()"
                (input)="facilitatorReason.set($any($event.target).value)"
                aria-describedby="series-facilitator-reason-error"
              ></textarea>
              <p class="error" id="series-facilitator-reason-error">{{ fieldMessage(problem(), 'facilitatorReason') }}</p>
            </div>
          }
        } @else {
          <div class="field">
            <label for="series-reason">{{ 'sessionCancel.reason' | t }}</label>
            <textarea
              id="series-reason"
              rows="2"
              [value]="reason()"
              (input)="reason.set($any($event.target).value)"
              aria-describedby="series-reason-error"
            ></textarea>
            <p class="error" id="series-reason-error">{{ fieldMessage(problem(), 'cancelReason') }}</p>
          </div>
        }
        @if (problem(); as p) {
          @if (!p.fields.length) {
            <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
          }
        }
        <button type="submit" [disabled]="busy()">{{ submitKey() | t }}</button>
      </form>
    </details>
  `,
  styles: `
    .series-panel {
      margin: 0.75rem 0;
    }
    fieldset {
      border: 1px solid #d5dbe0;
      border-radius: 8px;
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
    }
    fieldset label {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
      min-height: 44px;
      font-weight: 400;
    }
  `,
})
export class SeriesPanel {
  readonly session = input.required<SessionDetail>();
  /** After a change: the caller reloads the session. */
  readonly changed = output<string>();
  private readonly api = inject(SessionsApi);
  private readonly i18n = inject(I18n);
  protected readonly One = SeriesEditScope.One;
  protected readonly Following = SeriesEditScope.Following;
  protected readonly fieldMessage = fieldMessage;
  protected readonly problemKey = problemKey;
  protected readonly scope = signal<SeriesEditScope>(SeriesEditScope.One);
  protected readonly action = signal<SeriesAction>('move');
  protected readonly shiftDays = signal<number | string>(7);
  protected readonly startTime = signal('');
  protected readonly reason = signal('');
  /** Asked for when the server answers that a move brings a facilitator without qualification (e.g. it ran out). */
  protected readonly askReason = signal(false);
  protected readonly facilitatorReason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly submitKey = computed<TranslationKey>(() => (this.action() === 'move' ? 'sessionsPlan.applyMove' : 'sessionsPlan.applyCancel'));

  protected async apply(): Promise<void> {
    const session = this.session();
    if (!session.seriesId || !session.seriesPosition) return;
    this.busy.set(true);
    this.problem.set(null);
    const days = Number(this.shiftDays());
    try {
      await this.api.updateSeries(session.seriesId, {
        position: session.seriesPosition,
        scope: this.scope(),
        ...(this.action() === 'cancel'
          ? { cancelled: true, cancelReason: this.reason().trim() || null }
          : {
              shiftDays: days === 0 ? undefined : days,
              startTime: this.startTime() || undefined,
              facilitatorReason: this.askReason() ? this.facilitatorReason().trim() || null : undefined,
            }),
      });
      this.changed.emit(this.i18n.t(this.action() === 'cancel' ? 'sessionsPlan.cancelledDone' : 'sessionsPlan.movedDone'));
    } catch (error) {
      const problem = problemOf(error);
      if (fieldMessage(problem, 'facilitatorReason')) this.askReason.set(true);
      this.problem.set(problem);
    } finally {
      this.busy.set(false);
    }
  }
}
