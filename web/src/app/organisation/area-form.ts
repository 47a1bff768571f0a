import { Component, OnInit, inject, input, output, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AreaKind, AreaNode, FieldError } from '@kunna/contracts';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { areaKindKey } from '../i18n/labels';
import { OrganisationApi } from './organisation-api';

/** Administrators create an area (förvaltning / verksamhetsområde) or rename it. */
@Component({
  selector: 'k-area-form',
  imports: [FormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <form (ngSubmit)="submit()" novalidate class="form-grid panel">
      <h3 class="full">{{ (area() ? 'structure.editArea' : 'structure.newArea') | t }}</h3>
      <div class="field">
        <label [for]="prefix() + '-name'">{{ 'structure.areaName' | t }}</label>
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
        <label [for]="prefix() + '-kind'">{{ 'structure.areaKind' | t }}</label>
        <select
          [id]="prefix() + '-kind'"
          name="kind"
          [(ngModel)]="kind"
          [attr.aria-invalid]="error('kind') ? true : null"
          [attr.aria-describedby]="prefix() + '-kind-error'"
        >
          @for (option of kinds; track option) {
            <option [value]="option">{{ areaKindKey(option) | t }}</option>
          }
        </select>
        <p [id]="prefix() + '-kind-error'" class="error">{{ error('kind') }}</p>
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
export class AreaForm implements OnInit {
  /** The area to rename; none to create a new one. */
  readonly area = input<AreaNode | null>(null);
  readonly prefix = input('area');
  readonly saved = output<AreaNode>();
  readonly cancelled = output<void>();
  private readonly api = inject(OrganisationApi);
  private readonly i18n = inject(I18n);
  protected readonly kinds = Object.values(AreaKind);
  protected readonly areaKindKey = areaKindKey;
  protected readonly problemKey = problemKey;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected name = '';
  protected kind: AreaKind = AreaKind.ElderlyCare;

  ngOnInit(): void {
    const area = this.area();
    if (area) {
      this.name = area.name;
      this.kind = area.kind;
    }
  }

  protected error(field: string): string | null {
    return fieldMessage(this.problem(), field);
  }

  protected async submit(): Promise<void> {
    const fields: FieldError[] = [];
    if (!this.name.trim()) fields.push({ field: 'name', message: this.i18n.t('structure.nameMissing') });
    if (fields.length) {
      this.problem.set(localProblem(fields));
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const area = this.area();
      const request = { name: this.name.trim(), kind: this.kind };
      this.saved.emit(area ? await this.api.updateArea(area.id, request) : await this.api.createArea(request));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
