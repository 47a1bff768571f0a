import { CompetenceGroup } from '@kunna/contracts';
import { InsightFormat, pairRate } from './insight-format';
import { KeyFigure } from './key-figures';

/**
 * The key figure for a group's overall competence change, in words ("ökade med 0,4 steg (troligen mellan …)"),
 * with its matched-pair rate beside it and, when that is low, what the ambassador can do about it.
 */
export function competenceFigure(format: InsightFormat, group: CompetenceGroup | null, minimumGroupSize: number): KeyFigure {
  const label = format.t('insightPages.figures.competence');
  const overall = group?.figures.find((figure) => figure.dimension === 'overall') ?? null;
  if (!group || !overall || group.suppressed || overall.meanChange === null) {
    return {
      label,
      value: format.t('insightPages.figures.suppressed'),
      detail: group?.reason ? format.t(`competence.suppressedReason.${group.reason}`) : undefined,
      explanation: format.t('insightPages.stats.suppressedExplained', { n: minimumGroupSize }),
    };
  }
  const rate = pairRate(overall.pairs, overall.invited);
  return {
    label,
    value: format.change(overall.meanChange, overall.confidenceInterval),
    detail: rate ? format.pairRate(rate) : undefined,
    warning: rate?.low ? format.t('insightPages.stats.lowPairRate') : undefined,
    advice: rate?.low ? format.t('insightPages.stats.lowPairAdvice') : undefined,
    explanation: `${format.t('insightPages.stats.changeExplained')} ${format.t('insightPages.stats.pairRateExplained')}`,
  };
}
