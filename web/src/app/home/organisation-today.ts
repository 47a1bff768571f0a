import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SetupItemKey, TodayOrganisation, TodaySetup } from '@kunna/contracts';
import { DateFormatPipe, NumberFormatPipe } from '../i18n/format';
import { TranslatePipe, TranslationKey } from '../i18n/i18n';
import { PercentPipe } from './formatting';

/** Where each setup item is done. Single sign-on is configured on the server, so it has no page. */
const SETUP_LINKS: Record<SetupItemKey, string | null> = {
  units: '/import',
  staff: '/import',
  ambassadors: '/ombud',
  module: '/bibliotek',
  instrument: '/matningar/instrument',
  sso: null,
};

/** HR's key figures with the latest import, and the administrator's setup checklist. */
@Component({
  selector: 'k-organisation-today',
  imports: [TranslatePipe, RouterLink, DateFormatPipe, NumberFormatPipe, PercentPipe],
  styleUrl: './today.css',
  template: `
    @if (organisation(); as figures) {
      <h3>{{ 'today.organisation.keyFigures' | t: { date: (figures.from | kDate) } }}</h3>
      <dl class="stats">
        <div>
          <dt>{{ 'today.organisation.staff' | t }}</dt>
          <dd>{{ figures.staff | kNumber }}</dd>
        </div>
        <div>
          <dt>{{ 'today.organisation.units' | t }}</dt>
          <dd>{{ figures.units | kNumber }}</dd>
        </div>
        <div>
          <dt>{{ 'today.organisation.participants' | t }}</dt>
          <dd>{{ figures.participants === null ? ('today.organisation.withheld' | t) : (figures.participants | kNumber) }}</dd>
        </div>
        <div>
          <dt>{{ 'today.organisation.participantShare' | t }}</dt>
          <dd>{{ figures.participantPercent === null ? ('today.organisation.withheld' | t) : (figures.participantPercent | kPercent) }}</dd>
        </div>
        <div>
          <dt>{{ 'today.organisation.hours' | t }}</dt>
          <dd>{{ figures.hours === null ? ('today.organisation.withheld' | t) : (figures.hours | kNumber) }}</dd>
        </div>
        <div>
          <dt>{{ 'today.organisation.heldSessions' | t }}</dt>
          <dd>{{ figures.heldSessions | kNumber }}</dd>
        </div>
        <div>
          <dt>{{ 'today.organisation.ambassadors' | t }}</dt>
          <dd>{{ figures.activeAmbassadors | kNumber }}</dd>
        </div>
      </dl>
      @if (figures.withheld) {
        <p class="hint">{{ 'today.organisation.withheldNote' | t }}</p>
      }
      <p>
        <a routerLink="/insikt">{{ 'today.organisation.openInsights' | t }}</a>
      </p>
      <h3>{{ 'today.organisation.latestImport' | t }}</h3>
      @if (figures.latestImport; as run) {
        <p>
          {{ 'today.organisation.importLine' | t: { file: run.fileName, date: (run.createdAt | kDate: true) } }}
          @if (run.createdBy) {
            {{ 'today.organisation.importBy' | t: { name: run.createdBy } }}
          }
          · <a routerLink="/import/historik">{{ 'home.organisation.importHistory' | t }}</a>
        </p>
      } @else {
        <p class="muted">{{ 'today.organisation.noImport' | t }}</p>
      }
    }
    @if (setup(); as checklist) {
      <h3>{{ 'today.setup.title' | t }}</h3>
      <p class="hint">{{ 'today.setup.intro' | t }}</p>
      <ul class="plain checklist">
        @for (item of checklist.items; track item.key) {
          <li [class.done]="item.done">
            <span class="state">{{ item.done ? '✓' : '○' }}</span>
            <span>
              @if (links[item.key]; as link) {
                <a [routerLink]="link">{{ setupItemKey(item.key) | t }}</a>
              } @else {
                <span>{{ setupItemKey(item.key) | t }}</span>
              }
              @if (item.count !== null) {
                {{ 'today.setup.count' | t: { count: (item.count | kNumber) } }}
              }
              – <strong>{{ (item.done ? 'today.setup.done' : 'today.setup.notDone') | t }}</strong>
              @if (item.key === 'sso') {
                <br /><span class="muted">{{ 'today.setup.ssoNote' | t }}</span>
              }
            </span>
          </li>
        }
      </ul>
    }
  `,
})
export class OrganisationToday {
  readonly organisation = input.required<TodayOrganisation | null>();
  readonly setup = input.required<TodaySetup | null>();
  protected readonly links = SETUP_LINKS;
  protected readonly setupItemKey = (key: SetupItemKey): TranslationKey => `today.setup.item.${key}`;
}
