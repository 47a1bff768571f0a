import { ParticipantReport } from '@kunna/contracts';
import { ExportTable } from '@kunna/table-export';

/** Gender as the funders' form writes it. */
const GENDER: Record<string, string> = { female: 'Kvinna', male: 'Man', other: 'Annat' };

/** The participant report as one sheet: a row per participant, then the totals (what ESF projects sent to SCB). */
export function participantTable(report: ParticipantReport): ExportTable {
  const period = `${report.period.from} – ${report.period.to}`;
  return {
    name: 'Deltagare',
    headers: ['Anställningsnummer', 'Namn', 'Kön', 'Timmar', 'Första deltagande', 'Senaste deltagande', 'Period'],
    rows: [
      ...report.rows.map((row) => [
        row.employeeNumber,
        row.name,
        row.gender ? GENDER[row.gender] : 'Uppgift saknas',
        row.hours,
        row.firstDate,
        row.lastDate,
        period,
      ]),
      ['Summa', `${report.participants} deltagare`, null, report.hours, null, null, period],
    ],
  };
}
