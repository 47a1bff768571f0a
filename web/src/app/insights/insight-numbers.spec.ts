import { en } from '../i18n/en';
import { TranslationKey } from '../i18n/i18n';
import { insightPagesSv } from '../i18n/insight-pages.sv';
import { sv } from '../i18n/sv';
import { InsightNumbers, LOW_PAIR_RATE_PERCENT, pairRate, plainChange, plainPairRate, plainRange, Translate } from './insight-numbers';

/** The dictionaries' own lookup (as I18n.t does it), so the tests read the real texts. */
function translator(dictionary: object): Translate {
  return (key: TranslationKey, params?: Record<string, string | number>) => {
    let node: unknown = dictionary;
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    if (typeof node !== 'string') throw new Error(`No text for ${key}`);
    return node.replace(/\{(\w+)\}/g, (match, name: string) => (params && name in params ? String(params[name]) : match));
  };
}

/** Intl uses a no-break space and the real minus sign; written plainly here for readability. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('InsightNumbers (Swedish)', () => {
  const numbers = new InsightNumbers('sv-SE');

  it('prints counts as integers with Swedish grouping, never with decimals', () => {
    expect(numbers.count(11)).toBe('11');
    expect(plain(numbers.count(12345))).toBe('12 345');
    // A count that arrives as 11.0000001 from a sum still prints as a whole number.
    expect(numbers.count(11.0000001)).toBe('11');
    expect(numbers.count(null)).toBe('–');
  });

  it('prints hours in one unit with a decimal comma, singular and plural', () => {
    expect(plain(numbers.hours(51.1))).toBe('51,1 timmar');
    expect(plain(numbers.hours(3.63))).toBe('3,6 timmar');
    expect(plain(numbers.hours(1))).toBe('1 timme');
    expect(numbers.hours(undefined)).toBe('–');
  });

  it('prints percentages given as 0–100 with the Swedish space before the sign', () => {
    expect(plain(numbers.percent(62.5))).toBe('63 %');
    expect(plain(numbers.percent(100))).toBe('100 %');
    expect(numbers.percent(null)).toBe('–');
  });

  it('prints kronor without öre and levels with one decimal', () => {
    expect(plain(numbers.money(12345.6))).toBe('12 346 kr');
    expect(numbers.level(2.6)).toBe('2,6');
    expect(numbers.level(3)).toBe('3,0');
    expect(plain(numbers.signed(-0.25))).toBe('-0,3');
    expect(numbers.signed(0.4)).toBe('+0,4');
  });
});

describe('InsightNumbers (English)', () => {
  const numbers = new InsightNumbers('en-GB');

  it('uses English separators and words', () => {
    expect(numbers.count(12345)).toBe('12,345');
    expect(numbers.hours(51.1)).toBe('51.1 hours');
    expect(numbers.percent(62.5)).toBe('63%');
    expect(numbers.level(2.6)).toBe('2.6');
  });
});

describe('plain-language statistics', () => {
  const t = translator({ ...sv, ...insightPagesSv });
  const numbers = new InsightNumbers('sv-SE');

  it('says a confidence interval in words', () => {
    expect(plainRange(t, numbers, { lower: 2.08, upper: 2.61 })).toBe('troligen mellan 2,1 och 2,6');
  });

  it('calls a change a rise only when the whole interval is above zero', () => {
    expect(plainChange(t, numbers, 0.42, { lower: 0.2, upper: 0.64 })).toBe('ökade med 0,4 steg (troligen mellan 0,2 och 0,6)');
  });

  it('calls a change a fall only when the whole interval is below zero, and gives its size without sign', () => {
    expect(plainChange(t, numbers, -0.3, { lower: -0.5, upper: -0.1 })).toBe('minskade med 0,3 steg (troligen mellan -0,5 och -0,1)'.replace(/-/g, '\u2212'));
  });

  it('says "no certain change" when the interval crosses zero, however large the mean', () => {
    const text = plainChange(t, numbers, 0.5, { lower: -0.1, upper: 1.1 });
    expect(plain(text)).toBe('ingen säker förändring (troligen mellan -0,1 och 1,1)');
  });

  it('without an interval, names the direction only', () => {
    expect(plainChange(t, numbers, 0.25, null)).toBe('ökade med 0,3 steg');
    expect(plainChange(t, numbers, -1, null)).toBe('minskade med 1,0 steg');
    expect(plainChange(t, numbers, 0, null)).toBe('oförändrad');
    expect(plainChange(t, numbers, null, null)).toBe('visas inte');
  });

  it('reads the English dictionary the same way', () => {
    expect(plainChange(translator(en), new InsightNumbers('en-GB'), 0.42, { lower: 0.2, upper: 0.64 })).toBe('rose by 0.4 steps (likely between 0.2 and 0.6)');
  });
});

describe('matched-pair rate', () => {
  const t = translator({ ...sv, ...insightPagesSv });
  const numbers = new InsightNumbers('sv-SE');

  it('is pairs over invited, low below the threshold', () => {
    expect(pairRate(31, 50)).toEqual({ pairs: 31, invited: 50, percent: 62, low: false });
    expect(pairRate(29, 50)?.low).toBe(true);
    expect(pairRate(LOW_PAIR_RATE_PERCENT, 100)?.low).toBe(false);
  });

  it('is unknown when withheld, and not low when nobody was asked', () => {
    expect(pairRate(null, 50)).toBeNull();
    expect(pairRate(0, 0)).toEqual({ pairs: 0, invited: 0, percent: null, low: false });
  });

  it('is said in words with integer counts', () => {
    expect(plain(plainPairRate(t, numbers, pairRate(31, 50)!))).toBe('31 av 50 svarade både före och efter (62 %)');
  });
});
