import { CostReport, ParticipantReport } from '@kunna/contracts';
import { ExportTable } from '@kunna/table-export';

/** Gender as the funders' form writes it. */
const GENDER: Record<string, string> = { female: 'Kvinna', male: 'Man', other: 'Annat' };

const CATEGORY: Record<string, string> = {
  workplace_learning: 'Lärande på arbetsplatsen',
  ambassador_training: 'Utbildning av ombud',
  web_course_follow_up: 'Webbkurs med uppföljning',
  individual_support: 'Individuellt stöd',
  try_out: 'Prova på',
  management_project: 'Ledning och projektarbete',
};

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

export function costTable(report: CostReport): ExportTable {
  return {
    name: 'Kostnader',
    headers: ['Aktivitet', 'Deltagartimmar', 'Undervisningstimmar', 'Personalkostnad (kr)', 'Ombudens tid (kr)', 'Externa kostnader (kr)', 'Summa (kr)'],
    rows: [
      ...report.categories.map((c) => [
        CATEGORY[c.category],
        c.participantHours,
        c.teachingHours,
        c.staffTimeCost,
        c.facilitatorCost,
        c.externalCost,
        c.totalCost,
      ]),
      ['Summa', report.participantHours, report.teachingHours, null, null, null, report.totalCost],
    ],
  };
}
