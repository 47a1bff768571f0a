import { AttendanceRow, AttendanceStatus, WalkInCandidate } from '@kunna/contracts';
import { TranslationKey } from '../i18n/i18n';
import { PendingMark } from './pending-marks';

/** One line of the list: a person (invited or walk-in) with the server's mark and this device's pending one. */
export interface AttendanceLine {
  key: string;
  personId: string | null;
  name: string;
  employeeNumber: string | null;
  walkIn: boolean;
  status: AttendanceStatus | null;
  minutes: number | null;
  pending: boolean;
  /** The id of the server's mark in force (what clearing removes there), if any. */
  markId: string | null;
}

/** A mark chosen on a line: minutes only for partial attendance. */
export interface LineMark {
  line: AttendanceLine;
  status: AttendanceStatus;
  minutes: number | null;
}

export const STATUS_KEYS: Record<AttendanceStatus, TranslationKey> = {
  [AttendanceStatus.Present]: 'attendance.status.present',
  [AttendanceStatus.Absent]: 'attendance.status.absent',
  [AttendanceStatus.Excused]: 'attendance.status.excused',
  [AttendanceStatus.Partial]: 'attendance.status.partial',
};

/**
 * The server's rows with this device's waiting marks laid over them; a waiting walk-in the server does not have yet
 * gets a line of its own. `knownNames` (person id or `~walk-in name`) remembers every name seen, so a waiting
 * walk-in chosen from the search keeps its name while offline.
 */
export function attendanceLines(
  rows: AttendanceRow[],
  pending: PendingMark[],
  candidates: WalkInCandidate[] | null,
  knownNames: Map<string, string>,
): AttendanceLine[] {
  const lines: AttendanceLine[] = rows.map((row) => lineOf(row, knownNames));
  for (const mark of pending) {
    const key = mark.personId ?? `~${(mark.walkInName ?? '').toLowerCase()}`;
    const line = lines.find((candidate) => candidate.key === key);
    if (line) {
      Object.assign(line, { status: mark.status, minutes: mark.minutes ?? null, pending: true });
    } else {
      const candidate = candidates?.find((person) => person.id === mark.personId);
      lines.push({
        key,
        personId: mark.personId ?? null,
        name: mark.walkInName ?? candidate?.name ?? knownNames.get(key) ?? '',
        employeeNumber: null,
        walkIn: true,
        status: mark.status,
        minutes: mark.minutes ?? null,
        pending: true,
        markId: null,
      });
    }
  }
  return lines;
}

function lineOf(row: AttendanceRow, knownNames: Map<string, string>): AttendanceLine {
  const key = row.person?.id ?? `~${(row.walkInName ?? '').toLowerCase()}`;
  const name = row.person?.name ?? row.walkInName ?? '';
  knownNames.set(key, name);
  return {
    key,
    personId: row.person?.id ?? null,
    name,
    employeeNumber: row.person?.employeeNumber ?? null,
    walkIn: row.walkIn,
    status: row.status,
    minutes: row.minutes,
    pending: false,
    markId: row.markId,
  };
}
