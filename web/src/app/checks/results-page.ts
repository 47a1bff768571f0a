import { Component, computed, inject, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CheckResults, InstrumentSummary, OrganisationTree, ResultsQuery } from '@kunna/contracts';
import { Loader } from '../core/loader';
import { Permissions } from '../core/permissions';
import { problemKey } from '../core/problem';
import { TranslatePipe, TranslationKey } from '../i18n/i18n';
import { OrganisationApi } from '../organisation/organisation-api';
import { ChecksApi } from './checks-api';
import { DecimalFormatPipe, PercentFormatPipe } from './percent';

/**
 * Aggregate before/after results for managers, HR and administrators: per competence dimension and knowledge,
 * never per person. Groups below the organisation's minimum size, and aggregates that could be subtracted from an
 * earlier one, are withheld with an explanation.
 */
@Component({
  selector: 'k-check-results',
  imports: [TranslatePipe, FormsModule, RouterLink, DecimalFormatPipe, PercentFormatPipe],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <p class="breadcrumb"><a routerLink="/matningar">{{ 'checks.page.title' | t }}</a></p>
    <h1>{{ 'checks.results.title' | t }}</h1>
    <p class="lead">{{ 'checks.results.lead' | t }}</p>
    <form class="toolbar" (ngSubmit)="show()">
      <div class="field">
        <label for="results-instrument">{{ 'checks.page.instrument' | t }}</label>
        <select id="results-instrument" name="instrumentId" [(ngModel)]="instrumentId">
          @for (instrument of instruments.value() ?? []; track instrument.id) {
            <option [value]="instrument.id">{{ instrument.title }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="results-group">{{ 'checks.results.group' | t }}</label>
        <select id="results-group" name="group" [(ngModel)]="group">
          @if (permissions.organisationWide()) {
            <option value="">{{ 'checks.results.wholeOrganisation' | t }}</option>
          }
          @for (area of areas(); track area.id) {
            <option [value]="'area:' + area.id">{{ area.name }}</option>
          }
          @for (unit of units(); track unit.id) {
            <option [value]="'unit:' + unit.id">{{ unit.name }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="results-employment">{{ 'checks.results.employment' | t }}</label>
        <select id="results-employment" name="employmentType" [(ngModel)]="employmentType">
          <option value="">{{ 'checks.results.everyone' | t }}</option>
          <option value="permanent">{{ 'checks.results.permanent' | t }}</option>
          <option value="substitute">{{ 'checks.results.substitute' | t }}</option>
          <option value="hourly">{{ 'checks.results.hourly' | t }}</option>
        </select>
      </div>
      <div class="field"><button type="submit">{{ 'checks.results.show' | t }}</button></div>
    </form>

    @if (results.loading()) {
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (results.problem(); as problem) {
      <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
    } @else if (results.value(); as r) {
      @if (r.suppressed) {
        <p class="notice" role="status">{{ (r.reason === 'differencing' ? 'checks.results.differencing' : 'checks.results.belowMinimum') | t: { min: r.minimumGroupSize } }}</p>
      } @else {
        <div class="table-wrap">
          <table class="stack">
            <caption>{{ 'checks.results.caption' | t: { min: r.minimumGroupSize } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'checks.results.dimension' | t }}</th>
                <th scope="col" class="num">{{ 'checks.results.pairs' | t }}</th>
                <th scope="col" class="num">{{ 'checks.results.before' | t }}</th>
                <th scope="col" class="num">{{ 'checks.results.after' | t }}</th>
                <th scope="col" class="num">{{ 'checks.results.change' | t }}</th>
                <th scope="col" class="num">{{ 'checks.results.improved' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (d of r.dimensions; track d.key) {
                <tr>
                  <th scope="row">{{ dimensionLabel(d.key) | t }}</th>
                  <td class="num" [attr.data-label]="'checks.results.pairs' | t">{{ d.pairs }} / {{ d.invited }}</td>
                  @if (d.meanChange === null) {
                    <td colspan="4" [attr.data-label]="'checks.results.change' | t">{{ 'checks.results.withheld' | t: { min: r.minimumGroupSize } }}</td>
                  } @else {
                    <td class="num" [attr.data-label]="'checks.results.before' | t">{{ d.meanBefore | kDecimal }}</td>
                    <td class="num" [attr.data-label]="'checks.results.after' | t">{{ d.meanAfter | kDecimal }}</td>
                    <td class="num" [attr.data-label]="'checks.results.change' | t">
                      {{ d.meanChange | kDecimal }}
                      @if (d.confidenceInterval; as ci) {
                        <span class="small-block">({{ ci.lower | kDecimal }} – {{ ci.upper | kDecimal }})</span>
                      }
                    </td>
                    <td class="num" [attr.data-label]="'checks.results.improved' | t">{{ d.shareImproved | kPercent }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p class="hint">{{ 'checks.results.note' | t }}</p>
      }
    }
  `,
})
export class ResultsPage {
  private readonly api = inject(ChecksApi);
  protected readonly permissions = inject(Permissions);
  protected readonly instruments = new Loader<InstrumentSummary[]>();
  protected readonly tree = new Loader<OrganisationTree>();
  protected readonly results = new Loader<CheckResults>();
  protected readonly problemKey = problemKey;
  protected instrumentId = '';
  protected group = '';
  protected employmentType = '';
  protected readonly areas = computed(() => (this.permissions.organisationWide() || this.permissions.managedAreaIds().length ? (this.tree.value()?.areas ?? []) : []).filter(
    (area) => this.permissions.organisationWide() || this.permissions.managedAreaIds().includes(area.id),
  ));
  protected readonly units = computed(() => (this.tree.value()?.areas ?? []).flatMap((area) => area.units).filter((unit) => this.permissions.seesPeopleOf(unit.id, unit.areaId)));
  protected readonly ready = signal(false);

  constructor() {
    const organisation = inject(OrganisationApi);
    void Promise.all([this.instruments.run(() => this.api.instruments()), this.tree.run(() => organisation.tree())]).then(([instruments]) => {
      this.instrumentId = instruments?.[0]?.id ?? '';
      if (!this.permissions.organisationWide()) this.group = this.areas()[0] ? `area:${this.areas()[0].id}` : this.units()[0] ? `unit:${this.units()[0].id}` : '';
      this.ready.set(true);
    });
  }

  protected dimensionLabel(key: string): TranslationKey {
    return `checks.dimension.${key}` as TranslationKey;
  }

  protected show(): void {
    const query: ResultsQuery = { instrumentId: this.instrumentId };
    const [kind, id] = this.group.split(':');
    if (kind === 'unit') query.unitId = id;
    if (kind === 'area') query.areaId = id;
    if (this.employmentType) query.employmentType = this.employmentType as ResultsQuery['employmentType'];
    void this.results.run(() => this.api.results(query));
  }
}
