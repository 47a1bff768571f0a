import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { CheckItem, CheckItemInput, CheckItemKind, CheckKind, CompetenceDimension } from '@kunna/contracts';
import { loadDemoTranslations } from './demo-translations';
import { coreKey, withCoreItems } from './instruments/instrument-items';
import { formFor, itemsFor } from './scoring';
import { localDay } from '../database/local-day';

const base = { textEn: null, digCompCode: null, thenOf: null, form: null, multiple: false, options: [], explanationSv: null, explanationEn: null };
const rated = (
  key: string,
  kind: CheckItemKind,
  dimension: CompetenceDimension | null,
  textSv: string,
  extra: Partial<CheckItemInput> = {},
): CheckItemInput => ({
  ...base,
  key,
  kind,
  dimension,
  textSv,
  ...extra,
});

/** The network's common core: three questions every organisation asks unchanged (the source asks for 3–4). */
export const DEMO_CORE_ITEMS: CheckItemInput[] = [
  rated('core', CheckItemKind.SelfRating, CompetenceDimension.Knowledge, 'Jag vet var jag får hjälp när något digitalt krånglar på jobbet.', {
    textEn: 'I know where to get help when something digital goes wrong at work.',
    digCompCode: '5.1',
  }),
  rated('core', CheckItemKind.SelfRating, CompetenceDimension.Skills, 'Jag kan logga in och hitta det jag behöver i verksamhetssystemet.', {
    textEn: 'I can sign in and find what I need in the care records system.',
    digCompCode: '1.1',
  }),
  rated('core', CheckItemKind.Attitude, CompetenceDimension.Will, 'Digitala verktyg gör mitt arbete lättare.', {
    textEn: 'Digital tools make my work easier.',
  }),
];

/** The Swedish starter instrument: digital signing and everyday IT, with a then item, parallel knowledge forms and follow-up. */
export const STARTER_INSTRUMENT_ITEMS: CheckItemInput[] = [
  rated('signera', CheckItemKind.SelfRating, CompetenceDimension.Skills, 'Jag kan signera en läkemedelsrunda digitalt.', {
    textEn: 'I can sign a medication round digitally.',
  }),
  rated('teams', CheckItemKind.SelfRating, CompetenceDimension.Skills, 'Jag kan vara med i ett Teams-möte från en surfplatta.', {
    textEn: 'I can take part in a Teams meeting from a tablet.',
    digCompCode: '2.1',
  }),
  rated('losenord', CheckItemKind.SelfRating, CompetenceDimension.Ability, 'Jag kan avgöra om ett lösenord är säkert nog.', {
    textEn: 'I can tell whether a password is safe enough.',
    digCompCode: '4.1',
  }),
  rated('signera-innan', CheckItemKind.Then, CompetenceDimension.Skills, 'Tänk tillbaka: innan tillfället kunde jag signera en läkemedelsrunda digitalt.', {
    textEn: 'Looking back: before the session I could sign a medication round digitally.',
    thenOf: 'signera',
  }),
  rated('fraga', CheckItemKind.Attitude, CompetenceDimension.Will, 'Jag vågar fråga en kollega när jag inte förstår något digitalt.', {
    textEn: 'I dare to ask a colleague when I do not understand something digital.',
  }),
  rated('fel-signering', CheckItemKind.Knowledge, CompetenceDimension.Knowledge, 'Du har signerat fel läkemedel. Vad gör du?', {
    textEn: 'You have signed for the wrong medicine. What do you do?',
    form: 'A',
    options: [
      { key: 'a', textSv: 'Jag rättar signeringen direkt och säger till sjuksköterskan.', textEn: 'I correct it at once and tell the nurse.', correct: true },
      { key: 'b', textSv: 'Jag låter det vara, det märks ändå.', textEn: 'I leave it; someone will notice.', correct: false },
      { key: 'c', textSv: 'Jag tar bort hela listan och börjar om.', textEn: 'I delete the whole list and start again.', correct: false },
    ],
    explanationSv: 'Ett fel ska rättas direkt och sjuksköterskan ska veta om det, så att patienten får rätt läkemedel.',
    explanationEn: 'A mistake is corrected at once and the nurse is told, so the patient gets the right medicine.',
  }),
  rated('lurad', CheckItemKind.Knowledge, CompetenceDimension.Knowledge, 'Någon ringer, säger att de är från IT och ber om ditt lösenord. Vad gör du?', {
    textEn: 'Someone calls, says they are from IT and asks for your password. What do you do?',
    form: 'B',
    options: [
      { key: 'a', textSv: 'Jag säger nej och ringer själv till IT-supporten.', textEn: 'I say no and call the IT support myself.', correct: true },
      { key: 'b', textSv: 'Jag ger lösenordet om personen låter trovärdig.', textEn: 'I give it if the person sounds trustworthy.', correct: false },
      { key: 'c', textSv: 'Jag skickar lösenordet med sms i stället.', textEn: 'I send the password by text message instead.', correct: false },
    ],
    explanationSv: 'IT-supporten frågar aldrig efter ditt lösenord. Säg nej och ring själv upp supporten.',
    explanationEn: 'IT support never asks for your password. Say no and call the support yourself.',
  }),
  rated('nytt', CheckItemKind.PostSession, null, 'Lärde du dig något nytt?', { textEn: 'Did you learn something new?' }),
  rated('nytta', CheckItemKind.PostSession, null, 'Kommer du att ha nytta av det i arbetet?', { textEn: 'Will it be useful in your work?' }),
  rated('anvant', CheckItemKind.FollowUp, null, 'Har du använt det du lärde dig sedan tillfället?', {
    textEn: 'Have you used what you learned since the session?',
  }),
  rated('observera-signering', CheckItemKind.Observation, CompetenceDimension.Skills, 'Signerar en läkemedelsrunda digitalt utan hjälp (ombudet bedömer).', {
    textEn: 'Signs a medication round digitally without help (rated by the ambassador).',
  }),
];

/**
 * Demo checks, in the demo loader's transaction: the network's core items (by the coordinator), the starter
 * instrument published in Älvstad (by HR), and a finished before/after check in Solgården answered by its staff
 * on the ambassador's tablet, so the manager's aggregate, the ambassador's support signals and the staff
 * member's own page all have something to show. Answers follow a fixed pattern, so the figures are the same on
 * every start.
 */
export async function loadDemoChecks(client: Client, networkId: string, today: Date): Promise<void> {
  const one = async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows[0] as T;
  const people = await client.query(
    `select o.id as organisation_id, u.id as unit_id,
            (select p.id from person p join role_assignment r on r.person_id = p.id and r.role = 'network_coordinator' limit 1) as coordinator_id,
            (select p.id from person p join role_assignment r on r.person_id = p.id and r.role = 'hr' and r.scope_id = o.id limit 1) as hr_id,
            (select p.id from person p join role_assignment r on r.person_id = p.id and r.role = 'ambassador' and r.scope_id = u.id limit 1) as ambassador_id
       from organisation o join unit u on u.organisation_id = o.id
      where o.network_id = $1 and u.code = 'AO-SOL'`,
    [networkId],
  );
  const context = people.rows[0] as { organisation_id: string; unit_id: string; coordinator_id: string; hr_id: string; ambassador_id: string } | undefined;
  if (!context) return;

  const cores: Array<{ id: string; item: CheckItemInput }> = [];
  for (const item of DEMO_CORE_ITEMS) {
    const { id } = await one<{ id: string }>(`insert into check_core_item (network_id, item, created_by) values ($1, $2, $3) returning id`, [
      networkId,
      JSON.stringify(item),
      context.coordinator_id,
    ]);
    cores.push({ id, item: { ...item, key: coreKey(id) } });
  }
  const items: CheckItem[] = withCoreItems(cores, STARTER_INSTRUMENT_ITEMS);
  const { id: instrumentId } = await one<{ id: string }>(
    `insert into check_instrument (organisation_id, title, created_by) values ($1, 'Digital vardag i omsorgen', $2) returning id`,
    [context.organisation_id, context.hr_id],
  );
  const { id: versionId } = await one<{ id: string }>(
    `insert into check_instrument_version (organisation_id, instrument_id, version, title, description_sv, support_threshold, items, published_by, published_at)
     values ($1, $2, 1, 'Digital vardag i omsorgen', $3, 2, $4, $5, $6) returning id`,
    [
      context.organisation_id,
      instrumentId,
      'Före och efter ett tillfälle om digital signering och vardags-IT. Tar ungefär tre minuter.',
      JSON.stringify(items),
      context.hr_id,
      localDay(today, -60),
    ],
  );

  await loadDemoTranslations(
    client,
    { networkId, organisationId: context.organisation_id, instrumentId, hrId: context.hr_id, coordinatorId: context.coordinator_id },
    items,
    cores.map((c) => c.item.key),
  );

  const assignmentId = randomUUID();
  await client.query(
    `insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title, follow_up_weeks, created_by, created_at)
     values ($1, $2, $3, $4, 'Tillfälle: digital signering', 10, $5, $6)`,
    [assignmentId, context.organisation_id, context.unit_id, versionId, context.ambassador_id, localDay(today, -30)],
  );
  const rounds: Record<CheckKind, string> = { before: '', after: '', follow_up: '' };
  const opens: Record<CheckKind, number> = { before: -30, after: -28, follow_up: -28 + 70 };
  // Codes are fixed so the demo is reproducible; real rounds get random ones.
  const codes: Record<CheckKind, string> = { before: 'SOLFORE1', after: 'SOLEFTER', follow_up: 'SOLUPPF1' };
  for (const kind of [CheckKind.Before, CheckKind.After, CheckKind.FollowUp]) {
    const row = await one<{ id: string }>(
      `insert into check_round (organisation_id, assignment_id, kind, code, opens_on, closes_on, created_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        context.organisation_id,
        assignmentId,
        kind,
        codes[kind],
        localDay(today, opens[kind]),
        kind === CheckKind.FollowUp ? null : localDay(today, opens[kind] + 1),
        context.ambassador_id,
      ],
    );
    rounds[kind] = row.id;
  }

  // Twelve of the staff answered before and ten of them after (two dropped out); the ambassador is not among them.
  const staff = await client.query(
    `select p.id from person p join unit_membership m on m.person_id = p.id
      where m.unit_id = $1 and p.id <> $2 and not exists (select 1 from role_assignment r where r.person_id = p.id)
      order by p.employee_number limit 12`,
    [context.unit_id, context.ambassador_id],
  );
  const ids = (staff.rows as Array<{ id: string }>).map((r) => r.id);
  for (const [index, personId] of ids.entries()) {
    // Baseline 1–3 (a few at the lowest step), after one step higher for most, the same for every third person;
    // the eleventh stays at the lowest step without an after answer: the ambassador's support signal.
    const baseline = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 1, 2][index];
    const gain = index % 3 === 2 ? 0 : 1;
    await answer(
      client,
      context.organisation_id,
      rounds.before,
      assignmentId,
      personId,
      items,
      CheckKind.Before,
      baseline,
      index % 4 !== 0,
      localDay(today, -30),
    );
    if (index < 10) {
      await answer(
        client,
        context.organisation_id,
        rounds.after,
        assignmentId,
        personId,
        items,
        CheckKind.After,
        Math.min(4, baseline + gain),
        true,
        localDay(today, -28),
        baseline,
      );
    }
  }

  for (const check of UNIT_CHECKS) {
    await loadUnitCheck(client, context, versionId, items, today, check);
  }
}

interface UnitCheck {
  unitCode: string;
  /** Prefix of the rounds' fixed codes (8 characters like real ones). */
  code: string;
  title: string;
  /** Days from today of the before and the after round. */
  beforeDay: number;
  afterDay: number;
  /** One baseline per answering staff member (1–4); the after round adds `gains` (cycled). */
  baselines: number[];
  gains: number[];
  /** Per dimension, steps added to every rating (clamped to 1–4), so the heat map's columns differ. */
  adjust: Partial<Record<CompetenceDimension, number>>;
  /** Only the first ones answer after. */
  afterCount: number;
  /** The language each answering staff member used, by position (Swedish for the rest). */
  languages?: string[];
}

/**
 * Earlier checks in other units of Älvstad, spread over the year, so HR's heat map and trend by quarter have rows and
 * points to show: Ekbacken and the two home-care units with enough pairs, Linden with three pairs (fewer than the
 * minimum of five: its figures are withheld). In Centrum's home care five answered in Arabic and two in Somali, so
 * HR's rates by answer language show Arabic and withhold Somali.
 */
const UNIT_CHECKS: UnitCheck[] = [
  {
    unitCode: 'AO-EKB',
    code: 'EKB',
    title: 'Tillfälle: trygg inloggning',
    beforeDay: -200,
    afterDay: -186,
    baselines: [2, 1, 2, 3, 2, 1, 2, 2, 3, 1, 2, 2],
    gains: [1, 1, 0, 1],
    adjust: { will: 1, ability: -1 },
    afterCount: 11,
  },
  {
    unitCode: 'HT-CEN',
    code: 'CEN',
    title: 'Tillfälle: digital signering i hemtjänsten',
    beforeDay: -120,
    afterDay: -104,
    baselines: [1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1],
    gains: [1, 2, 1, 1],
    adjust: { will: -1, knowledge: 1 },
    afterCount: 13,
    languages: ['ar', 'ar', 'ar', 'ar', 'ar', 'so', 'so'],
  },
  {
    unitCode: 'HT-NOR',
    code: 'NOR',
    title: 'Tillfälle: Teams på surfplattan',
    beforeDay: -75,
    afterDay: -61,
    baselines: [3, 2, 3, 2, 3, 3, 2, 3, 2, 3],
    gains: [0, 1],
    adjust: { knowledge: 1, skills: -1 },
    afterCount: 10,
  },
  { unitCode: 'FS-LIN', code: 'LIN', title: 'Tillfälle: lösenord', beforeDay: -45, afterDay: -40, baselines: [1, 2, 2], gains: [1], adjust: {}, afterCount: 3 },
];

async function loadUnitCheck(
  client: Client,
  context: { organisation_id: string; hr_id: string },
  versionId: string,
  items: CheckItem[],
  today: Date,
  check: UnitCheck,
): Promise<void> {
  const unit = await client.query(`select id from unit where organisation_id = $1 and code = $2`, [context.organisation_id, check.unitCode]);
  const unitId = (unit.rows[0] as { id: string } | undefined)?.id;
  if (!unitId) return;
  const assignmentId = randomUUID();
  await client.query(
    `insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title, follow_up_weeks, created_by, created_at)
     values ($1, $2, $3, $4, $5, 10, $6, $7)`,
    [assignmentId, context.organisation_id, unitId, versionId, check.title, context.hr_id, localDay(today, check.beforeDay - 1)],
  );
  const round = async (kind: CheckKind, day: number, code: string) =>
    (
      await client.query<{ id: string }>(
        `insert into check_round (organisation_id, assignment_id, kind, code, opens_on, closes_on, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [context.organisation_id, assignmentId, kind, code, localDay(today, day), localDay(today, day + 1), context.hr_id],
      )
    ).rows[0].id;
  const before = await round(CheckKind.Before, check.beforeDay, `${check.code}FORE2`);
  const after = await round(CheckKind.After, check.afterDay, `${check.code}EFTR2`);
  const staff = await client.query(
    `select p.id from person p join unit_membership m on m.person_id = p.id
      where m.unit_id = $1 and not exists (select 1 from role_assignment r where r.person_id = p.id)
      order by p.employee_number limit $2`,
    [unitId, check.baselines.length],
  );
  for (const [index, row] of (staff.rows as Array<{ id: string }>).entries()) {
    const baseline = check.baselines[index];
    const language = check.languages?.[index] ?? 'sv';
    await answer(
      client,
      context.organisation_id,
      before,
      assignmentId,
      row.id,
      items,
      CheckKind.Before,
      baseline,
      index % 3 !== 0,
      localDay(today, check.beforeDay),
      baseline,
      check.adjust,
      language,
    );
    if (index < check.afterCount) {
      const rating = Math.min(4, baseline + check.gains[index % check.gains.length]);
      await answer(
        client,
        context.organisation_id,
        after,
        assignmentId,
        row.id,
        items,
        CheckKind.After,
        rating,
        true,
        localDay(today, check.afterDay),
        baseline,
        check.adjust,
        language,
      );
    }
  }
}

async function answer(
  client: Client,
  organisationId: string,
  roundId: string,
  assignmentId: string,
  personId: string,
  items: CheckItem[],
  kind: CheckKind,
  rating: number,
  knowledgeRight: boolean,
  day: string,
  thenRating = rating,
  adjust: Partial<Record<CompetenceDimension, number>> = {},
  language = 'sv',
): Promise<void> {
  const form = formFor(personId, assignmentId, kind);
  const responseId = randomUUID();
  await client.query(
    `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, started_at, finished_at, language)
     values ($1, $2, $3, $4, 'submitted', $5, 'kiosk', $6, $6, $7)`,
    [responseId, organisationId, roundId, personId, form, `${day}T10:00:00Z`, language],
  );
  for (const item of itemsFor(items, kind, form)) {
    let value: object;
    if (item.kind === CheckItemKind.Knowledge) value = { options: [knowledgeRight ? 'a' : 'b'] };
    else if (item.kind === CheckItemKind.PostSession || item.kind === CheckItemKind.FollowUp) value = { choice: 'yes' };
    else if (item.kind === CheckItemKind.Then) value = { rating: thenRating };
    else value = { rating: Math.min(4, Math.max(1, rating + (item.dimension ? (adjust[item.dimension] ?? 0) : 0))) };
    await client.query(`insert into check_answer (response_id, item_key, organisation_id, value, answered_at, language) values ($1, $2, $3, $4, $5, $6)`, [
      responseId,
      item.key,
      organisationId,
      JSON.stringify(value),
      `${day}T10:00:00Z`,
      language,
    ]);
  }
}
