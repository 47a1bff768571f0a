import type { ApiMessageCode, ApiMessageParams } from '@kunna/contracts';
import type { Language } from './i18n';
import { formatMessage } from './message-format';

interface Dictionary {
  messages: Record<ApiMessageCode, string>;
  /** Swedish words the API sends as values, in this language (a field's name, a role). */
  values: Record<string, string>;
}

/** Each language's API messages are their own chunk, fetched when the first error arrives. */
const LOADERS: Record<Language, () => Promise<Dictionary>> = {
  sv: () => import('./api-messages.sv').then((module) => ({ messages: module.apiMessagesSv, values: {} })),
  en: () => import('./api-messages.en').then((module) => ({ messages: module.apiMessagesEn, values: module.apiValuesEn })),
};

/** A value in the dictionary's language: as listed, or lower-cased as the API wrote it ("Fyll i titel."). */
function valueIn(dictionary: Dictionary, value: string): string {
  const exact = dictionary.values[value];
  if (exact !== undefined) return exact;
  const lower = Object.keys(dictionary.values).find((swedish) => swedish.toLowerCase() === value);
  return lower === undefined ? value : dictionary.values[lower].toLowerCase();
}
const loaded = new Map<Language, Promise<Dictionary>>();

export function apiMessages(language: Language): Promise<Dictionary> {
  let dictionary = loaded.get(language);
  if (!dictionary) {
    dictionary = LOADERS[language]();
    // A failed load (offline) is tried again with the next error.
    dictionary.catch(() => loaded.delete(language));
    loaded.set(language, dictionary);
  }
  return dictionary;
}

interface Coded {
  message?: unknown;
  messageCode?: unknown;
  messageParams?: unknown;
}

function translated<T extends Coded>(entry: T, dictionary: Dictionary, locale: string): T {
  const text = typeof entry.messageCode === 'string' ? dictionary.messages[entry.messageCode as ApiMessageCode] : undefined;
  if (text === undefined) return entry;
  const sent = (typeof entry.messageParams === 'object' && entry.messageParams !== null ? entry.messageParams : {}) as ApiMessageParams;
  const params = Object.fromEntries(Object.entries(sent).map(([name, value]) => [name, valueIn(dictionary, String(value))]));
  return { ...entry, message: formatMessage(locale, text, params) };
}

/** Whether an error body carries a message code (on itself or a field) to translate. */
export function hasMessageCodes(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Coded & { details?: unknown };
  const coded = (list: unknown) => Array.isArray(list) && (list as Coded[]).some((entry) => typeof entry?.messageCode === 'string');
  return typeof record.messageCode === 'string' || coded(record.details) || coded((record as { problems?: unknown }).problems);
}

/** Entries that carry a message and its code (an import's problems), with each message in `language`. */
export async function translateMessages<T extends Coded>(entries: T[], language: Language, locale: string): Promise<T[]> {
  if (!entries.some((entry) => typeof entry.messageCode === 'string')) return entries;
  const dictionary = await apiMessages(language);
  return entries.map((entry) => translated(entry, dictionary, locale));
}

/**
 * An API error body with its message and field messages in `language`, by their codes; a message without a code
 * (or a code this build does not know) keeps the API's own text.
 */
export async function translateApiError(body: unknown, language: Language, locale: string): Promise<unknown> {
  if (!hasMessageCodes(body)) return body;
  const record = body as Coded & { details?: unknown };
  const details = Array.isArray(record.details) ? (record.details as Coded[]) : [];
  const dictionary = await apiMessages(language);
  const problems = (record as { problems?: unknown }).problems;
  return {
    ...translated(record, dictionary, locale),
    ...(Array.isArray(record.details) ? { details: details.map((detail) => translated(detail, dictionary, locale)) } : {}),
    ...(Array.isArray(problems) ? { problems: (problems as Coded[]).map((problem) => translated(problem, dictionary, locale)) } : {}),
  };
}
