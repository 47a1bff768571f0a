import { Component, computed, inject, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CheckResults, InstrumentSummary, OrganisationTree, ResultsQuery } from '@kunna/contracts';
import { Permissions } from '../core/permissions';
import { problemKey, problemOf } from '../core/problem';
import { remoteOnce } from '../core/remote';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { insightPagesSv } from '../i18n/insight-pages.sv';
import { AsOf } from '../insights/as-of';
import { Explain } from '../insights/explain';
import { InsightFormat, PairRate, pairRate } from '../insights/insight-format';
import { OrganisationApi } from '../organisation/organisation-api';
import { ChecksApi } from './checks-api';
import { LanguageRatesTable } from './language-rates';
import { DecimalFormatPipe, PercentFormatPipe } from './percent';

/**
 * Aggregate before/after results for managers, HR and administrators: per competence dimension and knowledge,
 * never per person. Groups below the organisation's minimum size, and aggregates that could be subtracted from an
 * earlier one, are withheld with an explanation.
 */
@Component({
  selector: 'k-check-results',
  imports: [TranslatePipe, FormsModule, RouterLink, DecimalFormatPipe, PercentFormatPipe, Explain, LanguageRatesTable, AsOf],
  styles: `
    .advice {
      border-inline-start: 4px solid #8f3b1d;
      padding-inline-start: 0.75rem;
      max-width: 42rem;
    }
  `,
  template: `
    <p class="breadcrumb">
      <a routerLink="/matningar">{{ 'checks.page.title' | t }}</a>
    </p>
    <h1>{{ 'checks.results.title' | t }}</h1>
    <p class="lead">{{ 'checks.results.lead' | t }}</p>
    <form class="toolbar" (submit)="$event.preventDefault()" [attr.aria-label]="'insights.filters' | t">
      <div class="field">
        <label for="results-instrument">{{ 'checks.page.instrument' | t }}</label>
        <select id="results-instrument" name="instrumentId" [ngModel]="instrumentId()" (ngModelChange)="instrumentId.set($event)">
          @for (instrument of instruments.value() ?? []; track instrument.id) {
            <option [value]="instrument.id">{{ instrument.title }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="results-group">{{ 'checks.results.group' | t }}</label>
        <select id="results-group" name="group" [ngModel]="group()" (ngModelChange)="group.set($event)">
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
        <select id="results-employment" name="employmentType" [ngModel]="employmentType()" (ngModelChange)="employmentType.set($event)">
          <option value="">{{ 'checks.results.everyone' | t }}</option>
          <option value="permanent">{{ 'checks.results.permanent' | t }}</option>
          <option value="substitute">{{ 'checks.results.substitute' | t }}</option>
          <option value="hourly">{{ 'checks.results.hourly' | t }}</option>
        </select>
      </div>
    </form>

    @if (results.error(); as error) {
      <p class="error" role="alert">{{ problemText(error) }}</p>
    } @else if (results.isLoading() || !ready()) {
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (results.hasValue() && results.value(); as r) {
      @if (r.suppressed) {
        <p class="notice" role="status">
          {{ (r.reason === 'differencing' ? 'checks.results.differencing' : 'checks.results.belowMinimum') | t: { min: r.minimumGroupSize } }}
        </p>
      } @else {
        <k-as-of [at]="r.asOf" />
        @if (lowestPairRate(r); as rate) {
          <p [class.advice]="rate.low">
            <strong>{{ 'insightPages.figures.pairRate' | t }}:</strong> {{ format.pairRate(rate) }}.
            @if (rate.low) {
              {{ 'insightPages.stats.lowPairRate' | t }} {{ 'insightPages.stats.lowPairAdvice' | t }}
            }
          </p>
          <k-explain [about]="'insightPages.figures.pairRate' | t" [text]="'insightPages.stats.pairRateExplained' | t" />
        }
        <div class="table-wrap">
          <table class="stack">
            <caption>
              {{
                'checks.results.caption' | t: { min: r.minimumGroupSize }
              }}
            </caption>
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
                    @if (d.key === 'knowledge_test') {
                      <!-- A share right: said as a percentage, its change in percentage points (not "steps"). -->
                      <td class="num" [attr.data-label]="'checks.results.before' | t">{{ d.meanBefore | kPercent }}</td>
                      <td class="num" [attr.data-label]="'checks.results.after' | t">{{ d.meanAfter | kPercent }}</td>
                    } @else {
                      <td class="num" [attr.data-label]="'checks.results.before' | t">{{ d.meanBefore | kDecimal: 1 }}</td>
                      <td class="num" [attr.data-label]="'checks.results.after' | t">{{ d.meanAfter | kDecimal: 1 }}</td>
                    }
                    <td class="num" [attr.data-label]="'checks.results.change' | t">
                      {{ d.key === 'knowledge_test' ? ('checks.results.points' | t: { n: points(d.meanChange) }) : (d.meanChange | kDecimal: 1) }}
                      @if (d.confidenceInterval; as ci) {
                        <span class="small-block">{{ changeText(d.key, d.meanChange, ci) }}</span>
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
        <k-explain [about]="'checks.results.change' | t" [text]="'insightPages.stats.changeExplained' | t" />
      }
    }
    @if (ready() && permissions.organisationWide() && instrumentId()) {
      <k-language-rates [instrumentId]="instrumentId()" [group]="group()" />
    }
  `,
})
export class ResultsPage {
  private readonly api = inject(ChecksApi);
  private readonly i18n = inject(I18n);
  protected readonly permissions = inject(Permissions);
  protected readonly format = inject(InsightFormat);
  private readonly organisation = inject(OrganisationApi);
  protected readonly instruments = remoteOnce<InstrumentSummary[]>(() => this.api.instruments());
  protected readonly tree = remoteOnce<OrganisationTree>(() => this.organisation.tree());
  /** The chosen instrument; the first one until someone chooses. */
  protected readonly instrumentId = linkedSignal<InstrumentSummary[] | undefined, string>({
    source: this.instruments.value,
    computation: (instruments, previous) => previous?.value || instruments?.[0]?.id || '',
  });
  protected readonly employmentType = signal('');
  protected readonly areas = computed(() =>
    (this.permissions.organisationWide() || this.permissions.managedAreaIds().length ? (this.tree.value()?.areas ?? []) : []).filter(
      (area) => this.permissions.organisationWide() || this.permissions.managedAreaIds().includes(area.id),
    ),
  );
  protected readonly units = computed(() =>
    (this.tree.value()?.areas ?? []).flatMap((area) => area.units).filter((unit) => this.permissions.seesPeopleOf(unit.id, unit.areaId)),
  );
  /** The whole organisation for those who see it; otherwise the caller's own (first) area, or unit. */
  private readonly defaultGroup = computed(() => {
    if (this.permissions.organisationWide()) return '';
    const [area] = this.areas();
    const [unit] = this.units();
    return area ? `area:${area.id}` : unit ? `unit:${unit.id}` : '';
  });
  /** The chosen group; the default until someone chooses. */
  protected readonly group = linkedSignal<string, string>({ source: this.defaultGroup, computation: (group, previous) => previous?.value || group });
  /** The defaults are chosen (the first instrument, the caller's own area or unit): results load without a button. */
  protected readonly ready = computed(() => !this.instruments.loading() && !this.tree.loading());

  protected readonly results = resource({
    params: (): ResultsQuery | undefined => {
      if (!this.ready() || !this.instrumentId()) return undefined;
      const query: ResultsQuery = { instrumentId: this.instrumentId() };
      const [kind, id] = this.group().split(':');
      if (kind === 'unit') query.unitId = id;
      if (kind === 'area') query.areaId = id;
      if (this.employmentType()) query.employmentType = this.employmentType() as ResultsQuery['employmentType'];
      return query;
    },
    loader: ({ params }) => this.api.results(params),
  });

  constructor() {
    this.i18n.addSwedish(insightPagesSv);
  }

  protected dimensionLabel(key: string): TranslationKey {
    return `checks.dimension.${key}` as TranslationKey;
  }

  /** The lowest matched-pair rate of the shown dimensions: the one that limits what the result can say. */
  protected lowestPairRate(results: CheckResults): PairRate | null {
    const rates = results.dimensions.map((d) => pairRate(d.pairs, d.invited)).filter((rate): rate is PairRate => rate !== null && rate.percent !== null);
    return rates.reduce<PairRate | null>((lowest, rate) => (lowest === null || (rate.percent ?? 0) < (lowest.percent ?? 0) ? rate : lowest), null);
  }

  /** The change in words; knowledge questions are a share right, where "steps" would be wrong: the range in percentage points. */
  protected changeText(key: string, change: number | null, interval: { lower: number; upper: number }): string {
    if (key !== 'knowledge_test') return this.format.change(change, interval);
    return this.i18n.t('checks.results.pointsRange', { lower: this.points(interval.lower), upper: this.points(interval.upper) });
  }

  /** A change of a share (0–1) in whole percentage points with its sign: "+30", "−5", "0" (never "−0"). */
  protected points(share: number | null): string {
    if (share === null) return '–';
    return new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(Math.round(share * 100) + 0);
  }

  protected problemText(error: unknown): string {
    const problem = problemOf(error);
    return problem.serverMessage ?? this.i18n.t(problemKey(problem));
  }
}
