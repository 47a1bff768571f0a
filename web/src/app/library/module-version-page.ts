import { Component, effect, inject, input } from '@angular/core';
import { RouterLink, TitleStrategy } from '@angular/router';
import { DigCompArea, ModuleVersion } from '@kunna/contracts';
import { remote, remoteOnce } from '../core/remote';
import { problemKey } from '../core/problem';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';
import { ModuleContent } from './module-content';

/** One exact version of a module: what a session used, unchanged by later versions. */
@Component({
  selector: 'k-module-version-page',
  imports: [TranslatePipe, RouterLink, ModuleContent],
  template: `
    @if (version.value(); as v) {
      <p class="breadcrumb">
        <a routerLink="/bibliotek">{{ 'library.title' | t }}</a> ›
        <a [routerLink]="['/bibliotek/moduler', v.moduleId]">{{ v.title }}</a>
      </p>
      <h1>{{ v.title }}: {{ 'library.versionN' | t: { n: v.versionNumber } }}</h1>
      <p class="lead">{{ v.summary }}</p>
      <p class="notice">{{ (v.status === 'draft' ? 'module.versionDraft' : 'module.versionFrozen') | t }}</p>
      @if (v.changeNote) {
        <p>
          <strong>{{ 'module.changeNote' | t }}:</strong> {{ v.changeNote }}
        </p>
      }
      <k-module-content [version]="v" [digComp]="digComp.value() ?? []" />
    } @else if (version.loading()) {
      <h1>{{ 'module.title' | t }}</h1>
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (version.problem(); as problem) {
      <h1>{{ 'module.title' | t }}</h1>
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    }
  `,
})
export class ModuleVersionPage {
  readonly versionId = input.required<string>();
  private readonly library = inject(LibraryApi);
  private readonly titles = inject(TitleStrategy) as KunnaTitleStrategy;
  protected readonly version = remote<string, ModuleVersion>({ params: this.versionId, load: (versionId) => this.library.version(versionId) });
  protected readonly digComp = remoteOnce<DigCompArea[]>(() => this.library.digComp());
  protected readonly problemKey = problemKey;

  constructor() {
    effect(() => {
      const v = this.version.value();
      this.titles.setDetail(v ? `${v.title} (${v.versionNumber})` : null);
    });
  }
}
