import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PlanEntry, ProgramSummary, SessionSummary, YearPlan } from '@kunna/contracts';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { SessionsApi } from '../sessions/sessions-api';
import { InsightsApi } from './insights-api';

type Kind = 'program' | 'series';

/**
 * The manager's year plan form: a program or one of the unit's series placed in one of the coming twelve months,
 * with an optional note; entries can be moved, changed and removed. New entries carry their own id, so a retried
 * save adds nothing twice.
 */
@Component({
  selector: 'k-plan-editor',
  imports: [FormsModule, TranslatePipe],
  template: `
    <h3 id="plan-entries-heading">{{ 'planEditor.entries' | t }}</h3>
    @if (entries().length === 0) {
      <p>{{ 'planEditor.none' | t }}</p>
    } @else {
      <ul class="plain plan-entries" aria-labelledby="plan-entries-heading">
        @for (entry of entries(); track entry.id) {
          <li>
            <strong>{{ monthName(entry.month) }}</strong>: {{ describe(entry) }}
            <button type="button" class="link" (click)="edit(entry)">
              {{ 'planEditor.edit' | t }}<span class="visually-hidden">: {{ monthName(entry.month) }} {{ describe(entry) }}</span>
            </button>
            <button type="button" class="link" (click)="remove(entry)">
              {{ 'planEditor.remove' | t }}<span class="visually-hidden">: {{ monthName(entry.month) }} {{ describe(entry) }}</span>
            </button>
          </li>
        }
      </ul>
    }
    @if (removed()) {
      <p class="ok" role="status">{{ 'planEditor.removed' | t }}</p>
    }

    <form class="plan-form no-print" (submit)="save($event)" aria-labelledby="plan-form-heading">
      <h3 id="plan-form-heading">{{ (editingId() ? 'planEditor.editing' : 'planEditor.title') | t }}</h3>
      <div class="field">
        <label for="plan-month">{{ 'planEditor.month' | t }}</label>
        <select
          id="plan-month"
          name="month"
          [ngModel]="month()"
          (ngModelChange)="month.set($event)"
          [attr.aria-describedby]="field('month') ? 'plan-month-error' : null"
        >
          @for (m of months(); track m) {
            <option [value]="m">{{ monthName(m) }}</option>
          }
        </select>
        @if (field('month'); as message) {
          <p id="plan-month-error" class="error">{{ message }}</p>
        }
      </div>
      <fieldset>
        <legend>{{ 'planEditor.kind' | t }}</legend>
        <label class="check"
          ><input type="radio" name="kind" value="program" [checked]="kind() === 'program'" (change)="kind.set('program')" />
          {{ 'planEditor.kindProgram' | t }}</label
        >
        <label class="check"
          ><input type="radio" name="kind" value="series" [checked]="kind() === 'series'" (change)="kind.set('series')" />
          {{ 'planEditor.kindSeries' | t }}</label
        >
      </fieldset>
      @if (kind() === 'program') {
        <div class="field">
          <label for="plan-program">{{ 'planEditor.program' | t }}</label>
          <select
            id="plan-program"
            name="program"
            [ngModel]="programId()"
            (ngModelChange)="programId.set($event)"
            [attr.aria-describedby]="field('programId') ? 'plan-program-error' : null"
          >
            <option value="">{{ 'common.choose' | t }}</option>
            @for (program of programs(); track program.id) {
              <option [value]="program.id">{{ program.title }}</option>
            }
          </select>
          @if (field('programId'); as message) {
            <p id="plan-program-error" class="error">{{ message }}</p>
          }
        </div>
      } @else {
        <div class="field">
          <label for="plan-series">{{ 'planEditor.series' | t }}</label>
          @if (series().length === 0) {
            <p class="hint">{{ 'planEditor.noSeries' | t }}</p>
          }
          <select
            id="plan-series"
            name="series"
            [ngModel]="seriesId()"
            (ngModelChange)="seriesId.set($event)"
            [attr.aria-describedby]="field('seriesId') ? 'plan-series-error' : null"
          >
            <option value="">{{ 'common.choose' | t }}</option>
            @for (s of series(); track s.id) {
              <option [value]="s.id">{{ s.title }}</option>
            }
          </select>
          @if (field('seriesId'); as message) {
            <p id="plan-series-error" class="error">{{ message }}</p>
          }
        </div>
      }
      <div class="field">
        <label for="plan-note">{{ 'planEditor.note' | t }}</label>
        <input
          id="plan-note"
          name="note"
          maxlength="500"
          [ngModel]="note()"
          (ngModelChange)="note.set($event)"
          [attr.aria-describedby]="field('note') ? 'plan-note-error' : null"
        />
        @if (field('note'); as message) {
          <p id="plan-note-error" class="error">{{ message }}</p>
        }
      </div>
      <button type="submit" [disabled]="busy()">{{ (editingId() ? 'planEditor.save' : 'planEditor.add') | t }}</button>
      @if (editingId()) {
        <button type="button" class="secondary" (click)="reset()">{{ 'planEditor.cancel' | t }}</button>
      }
      @if (saved()) {
        <p class="ok" role="status">{{ 'planEditor.saved' | t }}</p>
      }
      @if (problem(); as p) {
        @if (p.fields.length === 0) {
          <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
        }
      }
    </form>
  `,
  styles: `
    .plan-entries li {
      margin: 0.25rem 0;
    }
    .plan-form fieldset {
      margin: 1rem 0;
    }
  `,
})
export class PlanEditor {
  readonly unitId = input.required<string>();
  readonly plan = input.required<YearPlan>();
  readonly programs = input<ProgramSummary[]>([]);
  /** The plan changed: the page reloads it. */
  readonly changed = output<void>();
  private readonly api = inject(InsightsApi);
  private readonly sessions = inject(SessionsApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;

  protected readonly months = computed(() => this.plan().months.map((m) => m.month));
  protected readonly entries = computed(() => this.plan().months.flatMap((m) => m.entries));
  /** The unit's series with sessions in the coming twelve months (the plan's window), named by their first session. */
  protected readonly series = signal<Array<{ id: string; title: string }>>([]);

  protected readonly editingId = signal<string | null>(null);
  protected readonly month = signal('');
  protected readonly kind = signal<Kind>('program');
  protected readonly programId = signal('');
  protected readonly seriesId = signal('');
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly removed = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  constructor() {
    effect(() => {
      const months = this.months();
      if (!this.month() && months.length > 0) this.month.set(months[0]);
    });
    effect(() => {
      const unitId = this.unitId();
      const months = this.months();
      if (months.length === 0) return;
      const last = months[months.length - 1];
      const to = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0)).toISOString().slice(0, 10);
      this.sessions.list({ unitId, from: months[0], to }).then(
        (list) => this.series.set(seriesOf(list)),
        () => this.series.set([]),
      );
    });
  }

  protected field(name: string): string | null {
    return fieldMessage(this.problem(), name);
  }

  protected monthName(month: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month.slice(0, 7)}-01T00:00:00Z`),
    );
  }

  protected describe(entry: PlanEntry): string {
    const what =
      entry.program?.title ??
      entry.module?.title ??
      (entry.seriesId ? this.i18n.t('planEditor.seriesLabel', { title: this.seriesTitle(entry.seriesId) }) : null);
    return [what, entry.note].filter((part): part is string => !!part).join(' – ');
  }

  protected edit(entry: PlanEntry): void {
    this.editingId.set(entry.id);
    this.month.set(entry.month);
    this.kind.set(entry.seriesId ? 'series' : 'program');
    this.programId.set(entry.program?.id ?? '');
    this.seriesId.set(entry.seriesId ?? '');
    this.note.set(entry.note ?? '');
    this.saved.set(false);
    this.problem.set(null);
  }

  protected reset(): void {
    this.editingId.set(null);
    this.programId.set('');
    this.seriesId.set('');
    this.note.set('');
    this.problem.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.saved.set(false);
    this.removed.set(false);
    this.problem.set(null);
    const month = this.month().slice(0, 7);
    const programId = this.kind() === 'program' && this.programId() ? this.programId() : null;
    const seriesId = this.kind() === 'series' && this.seriesId() ? this.seriesId() : null;
    const note = this.note().trim() || null;
    try {
      const editing = this.editingId();
      if (editing) await this.api.updatePlanEntry(this.unitId(), editing, { month, programId, seriesId, note });
      else
        await this.api.createPlanEntry(this.unitId(), {
          id: crypto.randomUUID(),
          month,
          ...(programId ? { programId } : {}),
          ...(seriesId ? { seriesId } : {}),
          ...(note ? { note } : {}),
        });
      this.reset();
      this.saved.set(true);
      this.changed.emit();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(entry: PlanEntry): Promise<void> {
    this.saved.set(false);
    this.removed.set(false);
    try {
      await this.api.deletePlanEntry(this.unitId(), entry.id);
      if (this.editingId() === entry.id) this.reset();
      this.removed.set(true);
      this.changed.emit();
    } catch (error) {
      this.problem.set(problemOf(error));
    }
  }

  private seriesTitle(id: string): string {
    return this.series().find((s) => s.id === id)?.title ?? '';
  }
}

/** Distinct series among the sessions, each named by its first session's title. */
export function seriesOf(sessions: readonly SessionSummary[]): Array<{ id: string; title: string }> {
  const seen = new Map<string, string>();
  for (const session of [...sessions].sort((a, b) => a.date.localeCompare(b.date))) {
    if (session.seriesId && !seen.has(session.seriesId)) seen.set(session.seriesId, `${session.title} (${session.date.slice(0, 10)} →)`);
  }
  return [...seen.entries()].map(([id, title]) => ({ id, title }));
}
