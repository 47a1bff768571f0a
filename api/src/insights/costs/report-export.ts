import { ParticipantReport } from '@kunna/contracts';
import { csvLine, ExportTable, UTF8_BOM } from '@kunna/table-export';

/** Gender as the funders' form writes it. */
export const GENDER_LABELS: Record<string, string> = { female: 'Kvinna', male: 'Man', other: 'Annat' };
export const NO_GENDER = 'Uppgift saknas';

const HEADERS = ['Anställningsnummer', 'Namn', 'Kön', 'Timmar', 'Första deltagande', 'Senaste deltagande', 'Period'];

export const reportPeriod = (period: { from: string; to: string }) => `${period.from} – ${period.to}`;

const totals = (participants: number, hours: number, period: string) => ['Summa', `${participants} deltagare`, null, hours, null, null, period];

/** The participant report as one sheet: a row per participant, then the totals (what ESF projects sent to SCB). */
export function participantTable(report: ParticipantReport): ExportTable {
  const period = reportPeriod(report.period);
  return {
    name: 'Deltagare',
    headers: HEADERS,
    rows: [
      ...report.rows.map((row) => [
        row.employeeNumber,
        row.name,
        row.gender ? GENDER_LABELS[row.gender] : NO_GENDER,
        row.hours,
        row.firstDate,
        row.lastDate,
        period,
      ]),
      totals(report.participants, report.hours, period),
    ],
  };
}

/**
 * The same sheet as CSV for Swedish Excel (the bytes `toCsv(participantTable(report))` gives), around the participant
 * lines PostgreSQL wrote (CostsRepository.participantReportLines).
 */
export function participantCsv(report: { period: { from: string; to: string }; lines: string; participants: number; hours: number }): Buffer {
  return Buffer.from(UTF8_BOM + csvLine(HEADERS) + report.lines + csvLine(totals(report.participants, report.hours, reportPeriod(report.period))));
}
