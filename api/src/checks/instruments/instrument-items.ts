import { CheckItem, CheckItemInput, CheckItemKind, CompetenceDimension, FieldError, CheckItemOption, ParallelForm } from '@kunna/contracts';

export const MAX_ITEMS = 60;
const TEXT_MAX = 500;
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
const ITEM_FIELDS = new Set([
  'key',
  'kind',
  'textSv',
  'textEn',
  'dimension',
  'digCompCode',
  'thenOf',
  'form',
  'multiple',
  'options',
  'explanationSv',
  'explanationEn',
]);
const OPTION_FIELDS = new Set(['key', 'textSv', 'textEn', 'correct']);
const KINDS = new Set<string>(Object.values(CheckItemKind));
const DIMENSIONS = new Set<string>(Object.values(CompetenceDimension));
const NEEDS_DIMENSION = new Set<string>([
  CheckItemKind.SelfRating,
  CheckItemKind.Attitude,
  CheckItemKind.Then,
  CheckItemKind.Observation,
  CheckItemKind.Knowledge,
]);

/** The result of reading editor input: normalised items, or the problems by field (`items[2].textSv`). */
export type ParsedItems = { ok: true; items: CheckItemInput[] } | { ok: false; problems: FieldError[] };

/**
 * Reads and checks an instrument's own items (core items are added by the server). `prefix` names the
 * field in problems (`items` for a draft, `` for one core item).
 */
export function parseItems(input: unknown, knownDigComp: ReadonlySet<string>, prefix = 'items'): ParsedItems {
  const problems: FieldError[] = [];
  if (!Array.isArray(input)) return { ok: false, problems: [{ field: prefix, message: 'Frågorna ska vara en lista.' }] };
  if (input.length > MAX_ITEMS) problems.push({ field: prefix, message: `Högst ${MAX_ITEMS} frågor.` });
  const items: CheckItemInput[] = [];
  input.forEach((raw, index) => {
    const item = parseItem(raw, `${prefix}[${index}]`, knownDigComp, problems);
    if (item) items.push(item);
  });
  const keys = new Set<string>();
  items.forEach((item, index) => {
    if (keys.has(item.key)) problems.push({ field: `${prefix}[${index}].key`, message: 'Två frågor har samma nyckel.' });
    keys.add(item.key);
  });
  items.forEach((item, index) => {
    if (item.kind !== CheckItemKind.Then) return;
    const target = items.find((other) => other.key === item.thenOf);
    if (!target || target.kind !== CheckItemKind.SelfRating) {
      problems.push({ field: `${prefix}[${index}].thenOf`, message: 'Välj den självskattning som frågan blickar tillbaka på.' });
    } else if (target.dimension !== item.dimension) {
      problems.push({ field: `${prefix}[${index}].dimension`, message: 'Ska ha samma dimension som självskattningen den blickar tillbaka på.' });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, items };
}

function parseItem(raw: unknown, field: string, knownDigComp: ReadonlySet<string>, problems: FieldError[]): CheckItemInput | null {
  if (!isRecord(raw)) {
    problems.push({ field, message: 'Frågan har fel form.' });
    return null;
  }
  const before = problems.length;
  for (const name of Object.keys(raw)) {
    if (!ITEM_FIELDS.has(name)) problems.push({ field: `${field}.${name}`, message: 'Fältet finns inte här. Ta bort det.' });
  }
  const key = raw['key'];
  if (typeof key !== 'string' || !KEY_PATTERN.test(key) || key.startsWith('core-')) {
    problems.push({ field: `${field}.key`, message: 'Nyckeln ska vara 1–40 små bokstäver, siffror eller bindestreck (inte core-).' });
  }
  const kind = raw['kind'];
  if (typeof kind !== 'string' || !KINDS.has(kind)) problems.push({ field: `${field}.kind`, message: 'Välj en frågetyp.' });
  const textSv = text(raw['textSv'], `${field}.textSv`, true, problems);
  const textEn = text(raw['textEn'], `${field}.textEn`, false, problems);
  const dimension = raw['dimension'] ?? null;
  if (dimension !== null && (typeof dimension !== 'string' || !DIMENSIONS.has(dimension))) {
    problems.push({ field: `${field}.dimension`, message: 'Välj kunskap, färdigheter, förmåga eller vilja.' });
  } else if (dimension === null && typeof kind === 'string' && NEEDS_DIMENSION.has(kind)) {
    problems.push({ field: `${field}.dimension`, message: 'Välj vilken dimension frågan mäter.' });
  }
  const digCompCode = raw['digCompCode'] ?? null;
  if (digCompCode !== null && (typeof digCompCode !== 'string' || !knownDigComp.has(digCompCode))) {
    problems.push({ field: `${field}.digCompCode`, message: 'Okänd DigComp-kompetens.' });
  }
  const thenOf = raw['thenOf'] ?? null;
  if (thenOf !== null && typeof thenOf !== 'string') problems.push({ field: `${field}.thenOf`, message: 'Ska vara en frågas nyckel.' });
  if (kind !== CheckItemKind.Then && thenOf !== null) problems.push({ field: `${field}.thenOf`, message: 'Bara efterhandsfrågor blickar tillbaka.' });
  const form = raw['form'] ?? null;
  if (form !== null && form !== 'A' && form !== 'B') problems.push({ field: `${field}.form`, message: 'Formen är A, B eller tom.' });
  if (form !== null && kind !== CheckItemKind.Knowledge) problems.push({ field: `${field}.form`, message: 'Bara kunskapsfrågor har parallella former.' });
  const multiple = raw['multiple'] ?? false;
  if (typeof multiple !== 'boolean') problems.push({ field: `${field}.multiple`, message: 'Ska vara sant eller falskt.' });
  const options = parseOptions(raw['options'] ?? [], `${field}.options`, kind === CheckItemKind.Knowledge, multiple === true, problems);
  const explanationSv = text(raw['explanationSv'], `${field}.explanationSv`, false, problems);
  const explanationEn = text(raw['explanationEn'], `${field}.explanationEn`, false, problems);
  if (problems.length > before) return null;
  return {
    key: key as string,
    kind: kind as CheckItemKind,
    textSv: textSv as string,
    textEn,
    dimension: dimension as CompetenceDimension | null,
    digCompCode: digCompCode as string | null,
    thenOf: thenOf as string | null,
    form: form as ParallelForm | null,
    multiple: kind === CheckItemKind.Knowledge && multiple === true,
    options,
    explanationSv: kind === CheckItemKind.Knowledge ? explanationSv : null,
    explanationEn: kind === CheckItemKind.Knowledge ? explanationEn : null,
  };
}

function parseOptions(raw: unknown, field: string, isKnowledge: boolean, multiple: boolean, problems: FieldError[]): CheckItemOption[] {
  if (!Array.isArray(raw)) {
    problems.push({ field, message: 'Svarsalternativen ska vara en lista.' });
    return [];
  }
  if (!isKnowledge) {
    if (raw.length) problems.push({ field, message: 'Bara kunskapsfrågor har egna svarsalternativ.' });
    return [];
  }
  if (raw.length < 2 || raw.length > 8) problems.push({ field, message: 'Ge 2–8 svarsalternativ.' });
  const options: CheckItemOption[] = [];
  raw.forEach((option, index) => {
    const at = `${field}[${index}]`;
    if (!isRecord(option)) {
      problems.push({ field: at, message: 'Alternativet har fel form.' });
      return;
    }
    for (const name of Object.keys(option)) {
      if (!OPTION_FIELDS.has(name)) problems.push({ field: `${at}.${name}`, message: 'Fältet finns inte här. Ta bort det.' });
    }
    const key = option['key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) problems.push({ field: `${at}.key`, message: 'Nyckeln ska vara små bokstäver eller siffror.' });
    const textSv = text(option['textSv'], `${at}.textSv`, true, problems);
    const textEn = text(option['textEn'], `${at}.textEn`, false, problems);
    if (typeof option['correct'] !== 'boolean') problems.push({ field: `${at}.correct`, message: 'Ange om alternativet är rätt.' });
    options.push({ key: key as string, textSv: textSv ?? '', textEn, correct: option['correct'] === true });
  });
  if (new Set(options.map((o) => o.key)).size !== options.length) problems.push({ field, message: 'Två alternativ har samma nyckel.' });
  const correct = options.filter((o) => o.correct).length;
  if (multiple ? correct < 1 : correct !== 1) {
    problems.push({ field, message: multiple ? 'Markera minst ett rätt alternativ.' : 'Markera exakt ett rätt alternativ.' });
  }
  return options;
}

function text(value: unknown, field: string, required: boolean, problems: FieldError[]): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) problems.push({ field, message: 'Fyll i texten.' });
    return null;
  }
  if (typeof value !== 'string') {
    problems.push({ field, message: 'Ska vara text.' });
    return null;
  }
  if (value.length > TEXT_MAX) problems.push({ field, message: `Högst ${TEXT_MAX} tecken.` });
  return value.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Core items first, unchanged and locked, then the instrument's own items. */
export function withCoreItems(coreItems: ReadonlyArray<{ id: string; item: CheckItemInput }>, own: readonly CheckItemInput[]): CheckItem[] {
  return [...coreItems.map(({ id, item }) => ({ ...item, key: coreKey(id), coreItemId: id })), ...own.map((item) => ({ ...item, coreItemId: null }))];
}

export function coreKey(coreItemId: string): string {
  return `core-${coreItemId}`;
}
