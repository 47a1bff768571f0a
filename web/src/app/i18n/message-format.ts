/** A value inserted into a text. */
export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** A number in the language's own way: `1 234,5` in Swedish, `1,234.5` in English; whole numbers without decimals. */
export function formatNumber(locale: string, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format.format(value);
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** `one {# tillfälle} other {# tillfällen}` → { one: '# tillfälle', other: '# tillfällen' }. */
function pluralOptions(text: string): Map<string, string> | null {
  const options = new Map<string, string>();
  let index = 0;
  while (index < text.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(index));
    if (!selector) return text.slice(index).trim() === '' ? options : null;
    const open = index + selector[0].length - 1;
    const close = closing(text, open);
    if (close < 0) return null;
    options.set(selector[1], text.slice(open + 1, close));
    index = close + 1;
  }
  return options;
}

/**
 * Fills a text in ICU message syntax: `{name}` is the value as given, `{name, number}` a number in the language's
 * format, and `{count, plural, =0 {inga} one {# tillfälle} other {# tillfällen}}` picks the form the language's plural
 * rules (Intl.PluralRules) ask for, `#` being the number. A placeholder without a value stays as it is, visible.
 */
export function formatMessage(locale: string, text: string, params: MessageParams = {}, hash?: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{', index);
    const nextHash = hash === undefined ? -1 : text.indexOf('#', index);
    if (nextHash >= 0 && (open < 0 || nextHash < open)) {
      out += text.slice(index, nextHash) + hash;
      index = nextHash + 1;
      continue;
    }
    if (open < 0) break;
    const close = closing(text, open);
    if (close < 0) break;
    out += text.slice(index, open) + placeholder(locale, text.slice(open, close + 1), params);
    index = close + 1;
  }
  return out + text.slice(index);
}

function placeholder(locale: string, whole: string, params: MessageParams): string {
  const parts = /^\{\s*(\w+)\s*(?:,\s*(\w+)\s*(?:,([\s\S]*))?)?\}$/.exec(whole);
  if (!parts) return whole;
  const [, name, type, rest] = parts;
  if (!(name in params)) return whole;
  const value = params[name];
  if (type === undefined) return String(value);
  const number = asNumber(value);
  if (type === 'number') return Number.isFinite(number) ? formatNumber(locale, number) : String(value);
  if (type !== 'plural' || rest === undefined) return whole;
  const options = pluralOptions(rest);
  if (!options) return whole;
  // A value already written out as text ("2,5") keeps its own form; one that is no number at all takes `other`.
  const hash = typeof value === 'number' ? formatNumber(locale, value) : String(value);
  const category = Number.isFinite(number) ? rulesFor(locale).select(number) : 'other';
  const chosen = (Number.isFinite(number) ? options.get(`=${number}`) : undefined) ?? options.get(category) ?? options.get('other');
  return chosen === undefined ? whole : formatMessage(locale, chosen, params, hash);
}

/** 12, '12', '1 234', '2,5' → the number; anything else → NaN. */
function asNumber(value: string | number): number {
  if (typeof value === 'number') return value;
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  return /^-?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : NaN;
}

/** The names a text needs values for, plurals and numbers included (`{count, plural, …}` → count). */
export function placeholderNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\s*(\w+)\s*(?=[,}])/g)) names.add(match[1]);
  return [...names].sort();
}
