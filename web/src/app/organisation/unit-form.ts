import { Component, OnInit, inject, input, output, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AreaNode, FieldError, UnitSummary } from '@kunna/contracts';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { OrganisationApi } from './organisation-api';

/** Administrators create a unit in an area, or change its name, code or area. The code is what HR files use. */
@Component({
  selector: 'k-unit-form',
  imports: [FormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <form (ngSubmit)="submit()" novalidate class="form-grid panel">
      <h3 class="full">{{ (unit() ? 'structure.editUnit' : 'structure.newUnit') | t }}</h3>
      <div class="field">
        <label [for]="prefix() + '-area'">{{ 'organisation.area' | t }}</label>
        <select
          [id]="prefix() + '-area'"
          name="areaId"
          [(ngModel)]="areaId"
          [attr.aria-invalid]="error('areaId') ? true : null"
          [attr.aria-describedby]="prefix() + '-area-error'"
        >
          @for (area of areas(); track area.id) {
            <option [value]="area.id">{{ area.name }}</option>
          }
        </select>
        <p [id]="prefix() + '-area-error'" class="error">{{ error('areaId') }}</p>
      </div>
      <div class="field">
        <label [for]="prefix() + '-name'">{{ 'structure.unitName' | t }}</label>
        <input
          [id]="prefix() + '-name'"
          name="name"
          [(ngModel)]="name"
          maxlength="120"
          autocomplete="off"
          [attr.aria-invalid]="error('name') ? true : null"
          [attr.aria-describedby]="prefix() + '-name-error'"
        />
        <p [id]="prefix() + '-name-error'" class="error">{{ error('name') }}</p>
      </div>
      <div class="field">
        <label [for]="prefix() + '-code'">{{ 'organisation.code' | t }}</label>
        <input
          [id]="prefix() + '-code'"
          name="code"
          [(ngModel)]="code"
          maxlength="40"
          autocomplete="off"
          spellcheck="false"
          [attr.aria-invalid]="error('code') ? true : null"
          [attr.aria-describedby]="prefix() + '-code-hint ' + prefix() + '-code-error'"
        />
        <p [id]="prefix() + '-code-hint'" class="hint">{{ 'structure.codeHint' | t }}</p>
        <p [id]="prefix() + '-code-error'" class="error">{{ error('code') }}</p>
      </div>
      <div class="full" aria-live="assertive">
        @if (problem(); as problem) {
          @if (!problem.fields.length) {
            <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
          }
        }
      </div>
      <div class="actions full">
        <button type="submit" [disabled]="busy()">{{ 'common.save' | t }}</button>
        <button type="button" class="secondary" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class UnitForm implements OnInit {
  readonly areas = input.required<AreaNode[]>();
  /** The unit to change; none to create one in `areaId`. */
  readonly unit = input<UnitSummary | null>(null);
  readonly initialAreaId = input<string | null>(null);
  readonly prefix = input('unit');
  readonly saved = output<UnitSummary>();
  readonly cancelled = output<void>();
  private readonly api = inject(OrganisationApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected areaId = '';
  protected name = '';
  protected code = '';

  ngOnInit(): void {
    const unit = this.unit();
    this.areaId = unit?.areaId ?? this.initialAreaId() ?? this.areas()[0]?.id ?? '';
    this.name = unit?.name ?? '';
    this.code = unit?.code ?? '';
  }

  protected error(field: string): string | null {
    return fieldMessage(this.problem(), field);
  }

  protected async submit(): Promise<void> {
    const fields: FieldError[] = [];
    if (!this.areaId) fields.push({ field: 'areaId', message: this.i18n.t('structure.areaMissing') });
    if (!this.name.trim()) fields.push({ field: 'name', message: this.i18n.t('structure.nameMissing') });
    if (fields.length) {
      this.problem.set(localProblem(fields));
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const unit = this.unit();
      const request = { areaId: this.areaId, name: this.name.trim(), code: this.code.trim() || null };
      this.saved.emit(unit ? await this.api.updateUnit(unit.id, request) : await this.api.createUnit(request));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
