import { Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ProgramKind, ProgramSummary } from '@kunna/contracts';
import { remote } from '../core/remote';
import { Permissions } from '../core/permissions';
import { problemKey } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';
import { PROGRAM_KINDS, ownershipKey, programKindKey } from './library-labels';

/** Programs: ordered modules with spacing (themed series, onboarding, the ambassador training). */
@Component({
  selector: 'k-program-list',
  imports: [TranslatePipe, RouterLink],
  template: `
    <p class="breadcrumb">
      <a routerLink="/bibliotek">{{ 'library.title' | t }}</a>
    </p>
    <h1>{{ 'programs.title' | t }}</h1>
    <p class="lead">{{ 'programs.intro' | t }}</p>
    @if (editor()) {
      <p class="actions">
        <a class="button" routerLink="/bibliotek/program/nytt">{{ 'programs.new' | t }}</a>
      </p>
    }
    <div class="field narrow">
      <label for="program-kind">{{ 'programs.kind' | t }}</label>
      <select id="program-kind" (change)="setKind($event)">
        <option value="">{{ 'library.filter.all' | t }}</option>
        @for (choice of kinds; track choice) {
          <option [value]="choice" [selected]="selectedKind() === choice">{{ programKindKey(choice) | t }}</option>
        }
      </select>
    </div>
    <p role="status" aria-live="polite">
      @if (programs.loading()) {
        {{ 'app.loading' | t }}
      } @else if (programs.value(); as list) {
        {{ 'programs.count' | t: { count: list.length } }}
      }
    </p>
    @if (programs.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    }
    <ul class="cards">
      @for (program of programs.value() ?? []; track program.id) {
        <li class="card">
          <h2 class="card-title">
            <a [routerLink]="['/bibliotek/program', program.id]">{{ program.title }}</a>
          </h2>
          <p class="badges">
            <span class="badge">{{ programKindKey(program.kind) | t }}</span>
            <span class="badge">{{ ownershipKey(program.ownership) | t }}</span>
            @if (program.archived) {
              <span class="badge danger">{{ 'library.archived' | t }}</span>
            }
          </p>
          <p>{{ program.summary }}</p>
          <p class="small muted">
            {{ 'programs.stepsAndTime' | t: { steps: program.stepCount, minutes: program.totalMinutes } }}
            @if (program.completeWithinDays) {
              · {{ 'programs.within' | t: { days: program.completeWithinDays } }}
            }
          </p>
        </li>
      }
    </ul>
  `,
  styleUrl: './library.css',
})
export class ProgramList {
  readonly kind = input<string>();
  private readonly library = inject(LibraryApi);
  private readonly router = inject(Router);
  private readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly programKindKey = programKindKey;
  protected readonly ownershipKey = ownershipKey;
  protected readonly kinds = PROGRAM_KINDS;
  protected readonly editor = computed(() => this.permissions.isCoordinator() || this.permissions.organisationWide());
  protected readonly selectedKind = computed(() => (PROGRAM_KINDS.includes(this.kind() as ProgramKind) ? (this.kind() as ProgramKind) : undefined));
  protected readonly programs = remote<{ kind?: ProgramKind }, ProgramSummary[]>({
    params: () => ({ kind: this.selectedKind() }),
    load: (query) => this.library.programs(query),
  });

  protected setKind(event: Event): void {
    const kind = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { queryParams: { kind: kind || null }, replaceUrl: true });
  }
}
