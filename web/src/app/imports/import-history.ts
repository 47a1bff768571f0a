import { Component, inject } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { RouterLink } from '@angular/router';
import { ImportRunSummary } from '@kunna/contracts';
import { remoteOnce } from '../core/remote';
import { problemKey } from '../core/problem';
import { DateFormatPipe, NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { importModeKey } from '../i18n/labels';
import { ImportsApi } from './imports-api';

/** Earlier imports of the organisation with their figures. */
@Component({
  selector: 'k-import-history',
  imports: [ScrollRegion, TranslatePipe, RouterLink, DateFormatPipe, NumberFormatPipe],
  template: `
    <h1>{{ 'imports.history.title' | t }}</h1>
    <p>
      <a routerLink="/import">{{ 'imports.history.newImport' | t }}</a>
    </p>
    @if (runs.loading()) {
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (runs.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    } @else {
      <div class="table-wrap">
        <table class="stack">
          <caption class="visually-hidden">
            {{
              'imports.history.title' | t
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'imports.history.when' | t }}</th>
              <th scope="col">{{ 'imports.history.file' | t }}</th>
              <th scope="col">{{ 'imports.history.mode' | t }}</th>
              <th scope="col" class="num">{{ 'imports.counts.created' | t }}</th>
              <th scope="col" class="num">{{ 'imports.counts.updated' | t }}</th>
              <th scope="col" class="num">{{ 'imports.counts.unchanged' | t }}</th>
              <th scope="col" class="num">{{ 'imports.counts.ended' | t }}</th>
              <th scope="col" class="num">{{ 'imports.counts.unitsCreated' | t }}</th>
              <th scope="col">{{ 'imports.history.by' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (run of runs.value() ?? []; track run.id) {
              <tr>
                <th scope="row">{{ run.createdAt | kDate: true }}</th>
                <td class="break" [attr.data-label]="'imports.history.file' | t">{{ run.fileName }}</td>
                <td [attr.data-label]="'imports.history.mode' | t">{{ importModeKey(run.mode) | t }}</td>
                <td class="num" [attr.data-label]="'imports.counts.created' | t">{{ run.counts.created | kNumber }}</td>
                <td class="num" [attr.data-label]="'imports.counts.updated' | t">{{ run.counts.updated | kNumber }}</td>
                <td class="num" [attr.data-label]="'imports.counts.unchanged' | t">{{ run.counts.unchanged | kNumber }}</td>
                <td class="num" [attr.data-label]="'imports.counts.ended' | t">{{ run.counts.ended | kNumber }}</td>
                <td class="num" [attr.data-label]="'imports.counts.unitsCreated' | t">{{ run.counts.unitsCreated | kNumber }}</td>
                <td [attr.data-label]="'imports.history.by' | t">{{ run.createdBy ?? '–' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="9">{{ 'imports.history.empty' | t }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class ImportHistory {
  private readonly imports = inject(ImportsApi);
  protected readonly runs = remoteOnce<ImportRunSummary[]>(() => this.imports.history());
  protected readonly problemKey = problemKey;
  protected readonly importModeKey = importModeKey;
}
