import { InsightPeriod } from '@kunna/contracts';
import { validationError } from '../../common/errors';
import { PeriodQueryDto } from './query.dto';
import { addDays } from '../../database/local-day';

export function addMonths(month: string, months: number): string {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The period asked for, or the twelve months up to `today`. `from` after `to` is the client's mistake. */
export function periodOn(query: PeriodQueryDto, today: string): InsightPeriod {
  const to = query.to ?? today;
  const from = query.from ?? addDays(addMonths(to, -12), 1);
  if (from > to) throw validationError([{ field: 'to', message: 'Till (to) kan inte vara före från (from).' }]);
  return { from, to };
}
