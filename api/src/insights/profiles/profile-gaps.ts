import {
  CheckItem,
  CheckItemKind,
  COMPETENCE_DIMENSIONS,
  CompetenceKey,
  CompetenceGapRow,
  CompetenceTarget,
  DIGCOMP_PREFIX,
  FieldError,
  UnitGapFigures,
} from '@kunna/contracts';
import { decideSuppression } from '@kunna/learning-gain';
import { percent, round2 } from '../shared/insight-figures';

export const MAX_TARGETS = 40;

/** One submitted check response of a person, with its instrument's items and the four-step ratings given. */
export interface LevelResponse {
  personId: string;
  opensOn: string;
  finishedAt: string;
  items: CheckItem[];
  answers: Array<{ itemKey: string; rating: number | null; declined: boolean }>;
}

export interface PersonLevel {
  level: number;
  measuredOn: string;
}

export interface ProfileRow {
  id: string;
  roleTitle: string;
  areaId: string | null;
  targets: CompetenceTarget[];
}

/** The competences an item measures: its dimension (self-ratings and attitudes only) and its DigComp competence. */
export function competencesOf(item: CheckItem): CompetenceKey[] {
  if (item.kind !== CheckItemKind.SelfRating && item.kind !== CheckItemKind.Attitude) return [];
  const keys: CompetenceKey[] = [];
  if (item.dimension) keys.push(item.dimension);
  if (item.digCompCode) keys.push(DIGCOMP_PREFIX + item.digCompCode);
  return keys;
}

/**
 * Each person's level per competence: the mean of their four-step ratings of the competence's items in the latest
 * response that rated any of them (latest by the round's opening day, then by when it was finished). Declined items
 * do not count; a response that declined them all does not replace an earlier level.
 */
export function latestLevels(responses: readonly LevelResponse[]): Map<string, Map<CompetenceKey, PersonLevel>> {
  const ordered = [...responses].sort((a, b) => (a.opensOn === b.opensOn ? b.finishedAt.localeCompare(a.finishedAt) : b.opensOn.localeCompare(a.opensOn)));
  const levels = new Map<string, Map<CompetenceKey, PersonLevel>>();
  for (const response of ordered) {
    const own = levels.get(response.personId) ?? new Map<CompetenceKey, PersonLevel>();
    levels.set(response.personId, own);
    const ratings = new Map<CompetenceKey, number[]>();
    for (const item of response.items) {
      const answer = response.answers.find((a) => a.itemKey === item.key);
      if (!answer || answer.declined || typeof answer.rating !== 'number') continue;
      for (const key of competencesOf(item)) {
        const values = ratings.get(key);
        if (values) values.push(answer.rating);
        else ratings.set(key, [answer.rating]);
      }
    }
    for (const [key, values] of ratings) {
      if (own.has(key)) continue;
      own.set(key, { level: round2(values.reduce((sum, v) => sum + v, 0) / values.length), measuredOn: response.opensOn });
    }
  }
  return levels;
}

/** The profile for a person: one for their role title in one of their areas first, else the organisation-wide one. */
export function profileFor(profiles: readonly ProfileRow[], roleTitle: string | null, areaIds: readonly string[]): ProfileRow | null {
  if (!roleTitle) return null;
  const title = roleTitle.trim().toLowerCase();
  const forTitle = profiles.filter((p) => p.roleTitle.trim().toLowerCase() === title);
  return forTitle.find((p) => p.areaId !== null && areaIds.includes(p.areaId)) ?? forTitle.find((p) => p.areaId === null) ?? null;
}

/** Dimensions in the SIS order, then DigComp competences by code. */
export function compareCompetences(a: CompetenceKey, b: CompetenceKey): number {
  const rank = (key: CompetenceKey) => {
    const index = (COMPETENCE_DIMENSIONS as readonly string[]).indexOf(key);
    return index >= 0 ? index : COMPETENCE_DIMENSIONS.length;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function personGap(targets: readonly CompetenceTarget[], levels: ReadonlyMap<CompetenceKey, PersonLevel> | undefined): CompetenceGapRow[] {
  return [...targets]
    .sort((a, b) => compareCompetences(a.competence, b.competence))
    .map((target) => {
      const measured = levels?.get(target.competence);
      return {
        competence: target.competence,
        target: target.level,
        level: measured?.level ?? null,
        gap: measured ? round2(Math.max(0, target.level - measured.level)) : null,
        measuredOn: measured?.measuredOn ?? null,
      };
    });
}

/**
 * The unit's aggregate: per competence the people targeted, the measured among them, the share below target and the
 * mean gap. The block is withheld when fewer than the minimum people are measured at all, and a competence when fewer
 * than the minimum are measured in it (`decideSuppression` on each). The difference rule is not applied between
 * competences: two competences' figures measure different things, so subtracting one from the other reveals no one.
 */
export function unitGap(
  people: ReadonlyArray<{ personId: string; targets: readonly CompetenceTarget[] }>,
  levels: ReadonlyMap<string, ReadonlyMap<CompetenceKey, PersonLevel>>,
  minimum: number,
): { measuredPeople: number; suppressed: boolean; competences: UnitGapFigures[] } {
  const byCompetence = new Map<CompetenceKey, { targeted: number; gaps: number[]; below: number }>();
  const measuredPeople = new Set<string>();
  for (const person of people) {
    for (const target of person.targets) {
      const entry = byCompetence.get(target.competence) ?? { targeted: 0, gaps: [], below: 0 };
      byCompetence.set(target.competence, entry);
      entry.targeted++;
      const level = levels.get(person.personId)?.get(target.competence);
      if (!level) continue;
      measuredPeople.add(person.personId);
      entry.gaps.push(Math.max(0, target.level - level.level));
      if (level.level < target.level) entry.below++;
    }
  }
  const keys = [...byCompetence.keys()].sort(compareCompetences);
  const unitSuppressed = decideSuppression({ total: measuredPeople.size, minimum }).total.suppressed;
  const competences = keys.map((key): UnitGapFigures => {
    const entry = byCompetence.get(key) ?? { targeted: 0, gaps: [], below: 0 };
    const measured = entry.gaps.length;
    const suppressed = unitSuppressed || decideSuppression({ total: measured, minimum }).total.suppressed;
    return {
      competence: key,
      targeted: entry.targeted,
      measured: suppressed ? null : measured,
      shareBelow: suppressed ? null : percent(entry.below, measured),
      meanGap: suppressed ? null : round2(entry.gaps.reduce((sum, g) => sum + g, 0) / measured),
      suppressed,
    };
  });
  return { measuredPeople: measuredPeople.size, suppressed: unitSuppressed, competences };
}

/** The competences to schedule for first: shown, with a gap, largest mean gap first (then most people below). */
export function largestGaps(competences: readonly UnitGapFigures[], count: number): CompetenceKey[] {
  return competences
    .filter((c) => !c.suppressed && (c.meanGap ?? 0) > 0)
    .sort((a, b) => (b.meanGap ?? 0) - (a.meanGap ?? 0) || (b.shareBelow ?? 0) - (a.shareBelow ?? 0) || compareCompetences(a.competence, b.competence))
    .slice(0, count)
    .map((c) => c.competence);
}

/** Reads a profile's targets: each a known competence once, with a whole step 1–4. Problems name the field. */
export function parseTargets(
  input: unknown,
  knownDigComp: ReadonlySet<string>,
): { ok: true; targets: CompetenceTarget[] } | { ok: false; problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (!Array.isArray(input)) return { ok: false, problems: [{ field: 'targets', message: 'Målnivåerna (targets) ska vara en lista.' }] };
  if (input.length === 0) problems.push({ field: 'targets', message: 'Ange minst en målnivå (targets).' });
  if (input.length > MAX_TARGETS) problems.push({ field: 'targets', message: `Högst ${MAX_TARGETS} målnivåer (targets).` });
  const targets: CompetenceTarget[] = [];
  const seen = new Set<string>();
  input.slice(0, MAX_TARGETS + 1).forEach((raw, index) => {
    const field = `targets[${index}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ field, message: 'Målnivån har fel form.' });
      return;
    }
    const record = raw as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      if (name !== 'competence' && name !== 'level') problems.push({ field: `${field}.${name}`, message: 'Fältet finns inte här. Ta bort det.' });
    }
    const competence = record['competence'];
    const level = record['level'];
    const known =
      typeof competence === 'string' &&
      ((COMPETENCE_DIMENSIONS as readonly string[]).includes(competence) ||
        (competence.startsWith(DIGCOMP_PREFIX) && knownDigComp.has(competence.slice(DIGCOMP_PREFIX.length))));
    if (!known) problems.push({ field: `${field}.competence`, message: 'Välj kunskap, färdigheter, förmåga, vilja eller en DigComp-kompetens (digcomp:1.2).' });
    else if (seen.has(competence)) problems.push({ field: `${field}.competence`, message: 'Kompetensen finns redan i profilen.' });
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 4)
      problems.push({ field: `${field}.level`, message: 'Nivån (level) ska vara ett steg 1–4.' });
    if (known && typeof level === 'number') {
      seen.add(competence);
      targets.push({ competence, level });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, targets };
}
