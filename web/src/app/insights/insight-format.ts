import { Injectable, computed, inject } from '@angular/core';
import { I18n } from '../i18n/i18n';
import { InsightNumbers, PairRate, plainChange, plainPairRate, plainRange, Translate } from './insight-numbers';

export { LOW_PAIR_RATE_PERCENT, pairRate } from './insight-numbers';
export type { PairRate, Translate } from './insight-numbers';

/** The numbers and plain-language texts in the interface language, re-made when the language changes. */
@Injectable({ providedIn: 'root' })
export class InsightFormat {
  private readonly i18n = inject(I18n);
  readonly numbers = computed(() => new InsightNumbers(this.i18n.locale()));
  readonly t: Translate = (key, params) => this.i18n.t(key, params);

  count = (value: number | null | undefined) => this.numbers().count(value);
  hours = (value: number | null | undefined) => this.numbers().hours(value);
  percent = (value: number | null | undefined) => this.numbers().percent(value);
  money = (value: number | null | undefined) => this.numbers().money(value);
  level = (value: number | null | undefined) => this.numbers().level(value);
  change = (value: number | null, interval: { lower: number; upper: number } | null) => plainChange(this.t, this.numbers(), value, interval);
  range = (interval: { lower: number; upper: number }) => plainRange(this.t, this.numbers(), interval);
  pairRate = (rate: PairRate) => plainPairRate(this.t, this.numbers(), rate);
}
