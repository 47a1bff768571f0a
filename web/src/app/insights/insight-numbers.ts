// No Angular here: the browser tests format expected figures with the same code.
import type { TranslationKey } from '../i18n/i18n';

/** Translates a key with parameters (the I18n service's `t`, or a stand-in in tests). */
export type Translate = (key: TranslationKey, params?: Record<string, string | number>) => string;

/** Below this share of matched pairs (before and after from the same person) a check round's result is shaky. */
export const LOW_PAIR_RATE_PERCENT = 60;

/**
 * Numbers the way a Swedish reader expects them (the interface language's format via Intl): counts as integers,
 * hours always in one unit ("51,1 timmar"), percentages with the language's sign and spacing, money in kronor.
 */
export class InsightNumbers {
  private readonly integer: Intl.NumberFormat;
  private readonly hourFormat: Intl.NumberFormat;
  private readonly percentFormat: Intl.NumberFormat;
  private readonly moneyFormat: Intl.NumberFormat;
  private readonly levelFormat: Intl.NumberFormat;
  private readonly signedFormat: Intl.NumberFormat;

  constructor(readonly locale: string) {
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.hourFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 });
    this.percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    this.moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });
    this.levelFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.signedFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  }

  /** People, sessions, participants: always whole numbers ("11", never "11,00"). */
  count(value: number | null | undefined): string {
    return value === null || value === undefined ? '–' : this.integer.format(Math.round(value));
  }

  /** Hours in one unit everywhere ("51,1 timmar", "1 timme"). */
  hours(value: number | null | undefined): string {
    return value === null || value === undefined ? '–' : this.hourFormat.format(value);
  }

  /** A percentage given as 0–100 (as the API sends them): "63 %". */
  percent(value: number | null | undefined): string {
    return value === null || value === undefined ? '–' : this.percentFormat.format(value / 100);
  }

  /** Kronor without öre: "12 346 kr". */
  money(value: number | null | undefined): string {
    return value === null || value === undefined ? '–' : this.moneyFormat.format(value);
  }

  /** A level on the four-step scale, one decimal: "2,6". */
  level(value: number | null | undefined): string {
    return value === null || value === undefined ? '–' : this.levelFormat.format(value);
  }

  /** A change with its sign: "+0,4", "−0,2", "0,0". */
  signed(value: number | null | undefined): string {
    return value === null || value === undefined ? '–' : this.signedFormat.format(value);
  }
}

/** "troligen mellan 2,1 och 2,6": a 95 % confidence interval said in words. */
export function plainRange(t: Translate, numbers: InsightNumbers, interval: { lower: number; upper: number }): string {
  return t('insightPages.stats.likelyBetween', { lower: numbers.level(interval.lower), upper: numbers.level(interval.upper) });
}

/**
 * A paired mean change in words. With an interval: a rise or fall only when the whole interval lies on one side of
 * zero; otherwise "no certain change", so a reader never takes noise for an effect.
 */
export function plainChange(t: Translate, numbers: InsightNumbers, change: number | null, interval: { lower: number; upper: number } | null): string {
  if (change === null) return t('insightPages.stats.noFigure');
  const size = numbers.level(Math.abs(change));
  if (!interval) {
    if (change > 0) return t('insightPages.stats.rose', { change: size });
    if (change < 0) return t('insightPages.stats.fell', { change: size });
    return t('insightPages.stats.unchanged');
  }
  const range = plainRange(t, numbers, interval);
  if (interval.lower > 0) return t('insightPages.stats.roseLikely', { change: size, range });
  if (interval.upper < 0) return t('insightPages.stats.fellLikely', { change: size, range });
  return t('insightPages.stats.noCertainChange', { range });
}

export interface PairRate {
  pairs: number;
  invited: number;
  /** 0–100; null when nobody was asked. */
  percent: number | null;
  /** Below LOW_PAIR_RATE_PERCENT: the ambassador should act. */
  low: boolean;
}

/** The share of people asked who answered both before and after (matched pairs). */
export function pairRate(pairs: number | null, invited: number | null): PairRate | null {
  if (pairs === null || invited === null) return null;
  const percent = invited > 0 ? (pairs / invited) * 100 : null;
  return { pairs, invited, percent, low: percent !== null && percent < LOW_PAIR_RATE_PERCENT };
}

/** "31 av 50 svarade både före och efter (62 %)". */
export function plainPairRate(t: Translate, numbers: InsightNumbers, rate: PairRate): string {
  return t('insightPages.stats.pairRate', { pairs: numbers.count(rate.pairs), invited: numbers.count(rate.invited), percent: numbers.percent(rate.percent) });
}
