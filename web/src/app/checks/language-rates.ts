import { Component, inject, input, resource } from '@angular/core';
import { ApiRoutes, isStaffLanguage, LanguageRatesQuery, STAFF_LANGUAGE_NAMES } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';
import { problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { PercentFormatPipe } from './percent';

/**
 * Response and pairing rates by the language the answers were given in (HR, administrators): where language may keep
 * people from taking part. Only aggregates through the privacy gate; a language with fewer people than the minimum
 * is named but its figures are withheld.
 */
@Component({
  selector: 'k-language-rates',
  imports: [TranslatePipe, PercentFormatPipe],
  template: `
    <section aria-labelledby="language-rates">
      <h2 id="language-rates">{{ 'checkTranslations.rates.title' | t }}</h2>
      <p class="hint">{{ 'checkTranslations.rates.lead' | t }}</p>
      @if (rates.error(); as error) {
        <p class="error" role="alert">{{ problemText(error) }}</p>
      } @else if (rates.hasValue() && rates.value(); as r) {
        @if (r.suppressed) {
          <p class="notice" role="status">{{ 'checks.results.differencing' | t: { min: r.minimumGroupSize } }}</p>
        } @else if (r.languages.length === 0) {
          <p>{{ 'checkTranslations.rates.empty' | t }}</p>
        } @else {
          <div class="table-wrap">
            <table class="stack">
              <caption>
                {{
                  'checkTranslations.rates.caption' | t: { min: r.minimumGroupSize }
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'checkTranslations.language' | t }}</th>
                  <th scope="col" class="num">{{ 'checkTranslations.rates.started' | t }}</th>
                  <th scope="col" class="num">{{ 'checkTranslations.rates.responseRate' | t }}</th>
                  <th scope="col" class="num">{{ 'checkTranslations.rates.pairingRate' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of r.languages; track row.language) {
                  <tr>
                    <th scope="row">
                      <span [attr.lang]="ownLang(row.language)">{{ ownName(row.language) }}</span>
                      @if (localName(row.language); as local) {
                        ({{ local }})
                      }
                    </th>
                    @if (row.suppressed) {
                      <td colspan="3" [attr.data-label]="'checkTranslations.rates.responseRate' | t">
                        {{ 'checks.results.withheld' | t: { min: r.minimumGroupSize } }}
                      </td>
                    } @else {
                      <td class="num" [attr.data-label]="'checkTranslations.rates.started' | t">{{ row.started }}</td>
                      <td class="num" [attr.data-label]="'checkTranslations.rates.responseRate' | t">{{ row.responseRate | kPercent }}</td>
                      <td class="num" [attr.data-label]="'checkTranslations.rates.pairingRate' | t">{{ row.pairingRate | kPercent }}</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
})
export class LanguageRatesTable {
  private readonly client = inject(ApiClient);
  private readonly i18n = inject(I18n);
  readonly instrumentId = input.required<string>();
  /** `unit:<id>`, `area:<id>` or empty for the whole organisation, as on the results page. */
  readonly group = input('');

  protected readonly rates = resource({
    params: (): LanguageRatesQuery | undefined => {
      if (!this.instrumentId()) return undefined;
      const query: LanguageRatesQuery = { instrumentId: this.instrumentId() };
      const [kind, id] = this.group().split(':');
      if (kind === 'unit') query.unitId = id;
      if (kind === 'area') query.areaId = id;
      return query;
    },
    loader: ({ params }) => this.client.call('GET', ApiRoutes.checks.languageRates, { query: params }),
  });

  /** The language's own name (in its own script), for those who read it. */
  protected ownName(code: string): string {
    return isStaffLanguage(code) ? STAFF_LANGUAGE_NAMES[code] : code;
  }

  protected ownLang(code: string): string {
    return code === 'sv-x-easy' ? 'sv' : code;
  }

  /** The name in the page's language beside it, where it differs (Arabic → arabiska). */
  protected localName(code: string): string | null {
    if (!isStaffLanguage(code) || code === 'sv-x-easy') return null;
    const local = new Intl.DisplayNames([this.i18n.locale()], { type: 'language' }).of(code) ?? null;
    return local && local.toLowerCase() !== STAFF_LANGUAGE_NAMES[code].toLowerCase() ? local : null;
  }

  protected problemText(error: unknown): string {
    const problem = problemOf(error);
    return problem.serverMessage ?? this.i18n.t(problemKey(problem));
  }
}
