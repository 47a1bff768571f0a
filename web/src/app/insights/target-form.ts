import { Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { EmploymentType, ProgramSummary } from '@kunna/contracts';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { employmentKey } from '../i18n/labels';
import { InsightsApi } from './insights-api';

const EMPLOYMENT_TYPES = [EmploymentType.Permanent, EmploymentType.Substitute, EmploymentType.Hourly];

/** A new target for a unit: a program, who it applies to, the share and the date. */
@Component({
  selector: 'k-target-form',
  imports: [FormsModule, TranslatePipe],
  template: `
    <form class="target-form no-print" (submit)="add($event)" aria-labelledby="new-target-heading">
      <h3 id="new-target-heading">{{ 'insights.targets.new' | t }}</h3>
      <div class="field">
        <label for="target-program">{{ 'insights.targets.program' | t }}</label>
        <select
          id="target-program"
          [ngModel]="program()"
          (ngModelChange)="program.set($event)"
          name="program"
          [attr.aria-describedby]="fieldProblem('programId') ? 'target-program-error' : null"
        >
          <option value="">{{ 'common.choose' | t }}</option>
          @for (item of programs(); track item.id) {
            <option [value]="item.id">{{ item.title }}</option>
          }
        </select>
        @if (fieldProblem('programId'); as message) {
          <p id="target-program-error" class="error">{{ message }}</p>
        }
      </div>
      <fieldset>
        <legend>{{ 'insights.targets.employment' | t }}</legend>
        @for (type of employmentTypes; track type) {
          <label class="check">
            <input type="checkbox" [checked]="types().includes(type)" (change)="toggle(type, $event)" />
            {{ employmentKey(type) | t }}
          </label>
        }
        @if (fieldProblem('employmentTypes'); as message) {
          <p class="error">{{ message }}</p>
        }
      </fieldset>
      <div class="field">
        <label for="target-percent">{{ 'insights.targets.percent' | t }}</label>
        <input id="target-percent" type="number" min="1" max="100" name="percent" [ngModel]="percent()" (ngModelChange)="percent.set($event)" />
        @if (fieldProblem('targetPercent'); as message) {
          <p class="error">{{ message }}</p>
        }
      </div>
      <div class="field">
        <label for="target-due">{{ 'insights.targets.due' | t }}</label>
        <input id="target-due" type="date" name="due" [ngModel]="due()" (ngModelChange)="due.set($event)" />
        @if (fieldProblem('dueDate'); as message) {
          <p class="error">{{ message }}</p>
        }
      </div>
      <button type="submit" [disabled]="busy()">{{ 'insights.targets.save' | t }}</button>
      <p class="ok" role="status">{{ saved() ? ('insights.targets.saved' | t) : '' }}</p>
      @if (problem(); as p) {
        @if (p.fields.length === 0) {
          <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
        }
      }
    </form>
  `,
  styles: `
    .target-form {
      margin-block: 1.5rem;
      padding: 1rem;
      border: 1px solid currentColor;
      border-radius: 0.5rem;
      max-width: 36rem;
    }
    .target-form fieldset {
      border: 0;
      padding: 0;
      margin-block: 1rem;
      min-width: 0;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-height: 2.75rem;
    }
  `,
})
export class TargetForm {
  readonly unitId = input.required<string>();
  readonly programs = input<ProgramSummary[]>([]);
  /** After a target is saved (the page reloads the plan). */
  readonly added = output<void>();
  private readonly api = inject(InsightsApi);
  protected readonly employmentTypes = EMPLOYMENT_TYPES;
  protected readonly employmentKey = employmentKey;
  protected readonly problemKey = problemKey;
  protected readonly program = signal('');
  protected readonly percent = signal(90);
  protected readonly due = signal('');
  protected readonly types = signal<EmploymentType[]>([EmploymentType.Permanent]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saved = signal(false);

  protected toggle(type: EmploymentType, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.types.update((types) => (on ? [...types.filter((t) => t !== type), type] : types.filter((t) => t !== type)));
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.problem.set(null);
    this.saved.set(false);
    try {
      await this.api.createTarget(this.unitId(), {
        id: crypto.randomUUID(),
        programId: this.program(),
        employmentTypes: this.types(),
        targetPercent: Number(this.percent()),
        dueDate: this.due(),
      });
      this.saved.set(true);
      this.added.emit();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected fieldProblem(field: string): string | null {
    return fieldMessage(this.problem(), field);
  }
}
