import { CompetenceDimension } from './library';
import { EmploymentType } from './people';
import { InsightPeriod, KeptFigures, ParticipationGrouping } from './insights';

/** The four competence dimensions, and their overall composite. */
export type CompetenceMeasureKey = CompetenceDimension | 'overall';

/** Filters of the organisation's competence view (all optional; the period defaults to twelve months). */
export interface CompetenceQuery {
  from?: string;
  to?: string;
  groupBy?: ParticipationGrouping;
  areaId?: string;
  unitId?: string;
  roleTitle?: string;
  employmentType?: EmploymentType;
}

/**
 * Before/after on the four-step scale (1–4) for one group and one dimension. Every figure is null when the group is
 * below the minimum group size; the means, change and lowest-level shares are null when the matched pairs are.
 */
export interface CompetenceFigures {
  dimension: CompetenceMeasureKey;
  /** People asked (one person in two checks is asked twice). */
  invited: number | null;
  /** Matched pairs: a before and an after answer on the dimension in the same check. */
  pairs: number | null;
  /** Matched pairs ÷ invited, in percent (one decimal). */
  responseRate: number | null;
  meanBefore: number | null;
  meanAfter: number | null;
  /** Paired mean change (after − before) with its 95 % confidence interval. */
  meanChange: number | null;
  confidenceInterval: { lower: number; upper: number } | null;
  /** Share of the pairs at the lowest step (below 2) before and after, in percent. */
  lowestBefore: number | null;
  lowestAfter: number | null;
  suppressed: boolean;
}

export type CompetenceSuppressionReason = 'belowMinimum' | 'complementary' | 'secondary' | 'totalSuppressed' | 'differencing';

export interface CompetenceGroup {
  key: string;
  label: string;
  /** Area or unit id for drilling down; null for role titles and employment types. */
  drillId: string | null;
  /** The unit's area (grouping by unit), for the heat map's rows. */
  areaName: string | null;
  /** Distinct people asked; the basis of the minimum group size. */
  people: number;
  suppressed: boolean;
  reason: CompetenceSuppressionReason | null;
  /** One per dimension in COMPETENCE_DIMENSIONS order, then 'overall'. */
  figures: CompetenceFigures[];
}

export interface CompetenceBreakdown extends KeptFigures {
  period: InsightPeriod;
  groupBy: ParticipationGrouping;
  minimumGroupSize: number;
  total: CompetenceGroup;
  groups: CompetenceGroup[];
}

export interface CompetenceTrendPoint {
  dimension: CompetenceMeasureKey;
  /** Distinct people with an answer in the quarter. */
  people: number;
  /** Mean level (1–4) of the answers given in the quarter; null when suppressed or nobody answered. */
  mean: number | null;
  suppressed: boolean;
}

export interface CompetenceTrendQuarter {
  /** "2026-Q1". */
  quarter: string;
  from: string;
  to: string;
  points: CompetenceTrendPoint[];
}

export interface CompetenceTrend extends KeptFigures {
  period: InsightPeriod;
  minimumGroupSize: number;
  quarters: CompetenceTrendQuarter[];
}

/** A unit manager's competence block: the unit's before/after per dimension. */
export interface UnitCompetence {
  period: InsightPeriod;
  minimumGroupSize: number;
  unit: CompetenceGroup;
}
