/**
 * Competence profiles and gaps (behovsanalys): HR sets a target level per competence for a role title (optionally
 * per area); each person's latest check answers give their level, the difference their gap.
 */

/** A SIS dimension (`knowledge`, `skills`, `ability`, `will`) or a DigComp competence as `digcomp:<code>`. */
export type CompetenceKey = string;

export const DIGCOMP_PREFIX = 'digcomp:';

export interface CompetenceTarget {
  competence: CompetenceKey;
  /** A step of the four-step scale (1–4). */
  level: number;
}

export interface CompetenceProfile {
  id: string;
  roleTitle: string;
  /** Null: the whole organisation; otherwise the profile applies to the area's units and wins over the general one. */
  area: { id: string; name: string } | null;
  targets: CompetenceTarget[];
  updatedAt: string;
}

/** PUT body: creates the profile under the client's id or replaces it. */
export interface CompetenceProfileRequest {
  roleTitle: string;
  areaId: string | null;
  targets: CompetenceTarget[];
}

export interface CompetenceGapRow {
  competence: CompetenceKey;
  target: number;
  /** Mean of the person's items of this competence in their latest answer; null when never answered. */
  level: number | null;
  /** max(0, target − level); null when never answered. */
  gap: number | null;
  /** The date the latest answer's round opened. */
  measuredOn: string | null;
}

/** "Min utveckling": the person's own gap. */
export interface MyCompetenceGap {
  profile: { roleTitle: string; areaName: string | null } | null;
  competences: CompetenceGapRow[];
}

export interface UnitGapFigures {
  competence: CompetenceKey;
  /** People of the unit whose profile has this competence. */
  targeted: number;
  /** Of those, people with a level (null when suppressed). */
  measured: number | null;
  /** Share of the measured below their target, per cent with one decimal. */
  shareBelow: number | null;
  /** Mean of max(0, target − level) over the measured, two decimals. */
  meanGap: number | null;
  suppressed: boolean;
}

export interface ModuleSuggestion {
  competence: CompetenceKey;
  modules: Array<{ id: string; title: string }>;
}

/** The unit's aggregate gap (manager's view): no person is named and small groups are suppressed. */
export interface UnitCompetenceGap {
  unit: { id: string; name: string };
  minimumGroupSize: number;
  /** People of the unit with a profile and at least one level. */
  measuredPeople: number;
  suppressed: boolean;
  competences: UnitGapFigures[];
  /** Library modules building the competences with the largest mean gaps (shown competences only). */
  suggestions: ModuleSuggestion[];
}
