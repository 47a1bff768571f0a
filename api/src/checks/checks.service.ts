import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import {
  CheckCodePreview,
  CheckAssignment,
  CheckForm,
  CheckItem,
  CheckItemKind,
  CheckKind,
  CheckResults,
  COMPETENCE_DIMENSIONS,
  CompetenceDimension,
  CoreItem,
  CreateCheckAssignmentRequest,
  CreateCoreItemRequest,
  DimensionProgress,
  InstrumentDetail,
  InstrumentDraft,
  InstrumentSummary,
  InstrumentVersion,
  KioskAnswerFinished,
  isStaffLanguage,
  KioskForm,
  KioskRoster,
  MyChecks,
  MyCheckResult,
  ObservationSaved,
  ResultsQuery,
  Role,
  SavedAnswer,
  SaveAnswerRequest,
  SaveObservationRequest,
  StaffLanguage,
  SupportSignal,
  rolesOf,
} from '@kunna/contracts';
import { effectiveMinimum } from '@kunna/learning-gain';
import { AuditService } from '../database/audit.service';
import { defineJobKind, JobQueue, PermanentJobError } from '../jobs';
import { type Caller, callerCanSee, callerCovers, ScopePosition } from '../auth';
import { validationError } from '../common/errors';
import { forbidden, notFound, stateConflict } from '../common/http-errors';
import { PrivacyGate, valueElements, type GateElement } from '../privacy';
import { KeptViews } from '../snapshots';
import { analyseGroup, groupInputs, KNOWLEDGE_KEY, pairElements, pairRecords, ResponseData, suppressedResult } from './aggregate';
import { ChecksRepository, InstrumentRow, ResponseRow, RoundRow, VersionRow } from './checks.repository';
import { coreKey, parseItems, withCoreItems } from './instrument-items';
import { TranslationsService } from './translations/translations.service';
import { formFor, isCorrect, itemsFor, needsSupport, readAnswer, scorePerson, toQuestion } from './scoring';

/** Who edits instruments: HR and administrators of the organisation. */
export const INSTRUMENT_EDITORS = rolesOf('checks.createInstrument');
/** Who reads instruments (to choose one when assigning a check). */
export const INSTRUMENT_READERS = rolesOf('checks.instruments');
/** Who assigns checks to a unit and opens rounds. */
export const ASSIGNERS = rolesOf('checks.createAssignment');
/** Who runs the kiosk tablet in a unit. */
export const KIOSK_ROLES = rolesOf('checks.startKiosk');
/** Who sees aggregates (never individual answers). */
export const RESULT_ROLES = rolesOf('checks.results');
/** The kept view of an instrument's organisation-wide results (api/src/snapshots). */
export const KEPT_RESULTS = 'checks.results';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** The shape of an answer code as typed or scanned (the access guard's rule for `checks/answer/:code`). */
const ANSWER_CODE = /^[A-Za-z0-9]{6,12}$/;
const DAY_MS = 86_400_000;

/** Opens an assignment's follow-up round when it is due (scheduled when the after round opens). */
export type FollowUpPayload = { assignmentId: string };
export const FOLLOW_UP_CHECK = defineJobKind<FollowUpPayload>('checks.follow-up', { maxAttempts: 5 });
/** One follow-up job per assignment: a retried request or a second click schedules nothing more. */
export const followUpKey = (assignmentId: string) => `assignment:${assignmentId}:follow-up`;
const DEFAULT_SUPPORT_THRESHOLD = 2;

@Injectable()
export class ChecksService {
  constructor(
    private readonly repository: ChecksRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly gate: PrivacyGate,
    private readonly translations: TranslationsService,
    private readonly keptViews: KeptViews,
  ) {}

  // --- common core items (network coordinator) ---

  coreItems(caller: Caller): Promise<CoreItem[]> {
    return this.repository.coreItems(caller.networkId);
  }

  async createCoreItem(caller: Caller, body: CreateCoreItemRequest): Promise<CoreItem> {
    const networkId = this.coordinatorNetwork(caller);
    const parsed = parseItems([{ ...body, key: 'core' }], await this.repository.digCompCodes(), 'item');
    if (!parsed.ok) throw validationError(parsed.problems.map((p) => ({ ...p, field: p.field.replace(/^item\[0\]\./, '') })));
    const item = parsed.items[0];
    if (item.kind === CheckItemKind.Then || item.kind === CheckItemKind.Observation) {
      throw validationError([{ field: 'kind', message: 'Gemensamma frågor är självskattning, attityd, kunskap eller uppföljning.' }]);
    }
    const active = await this.repository.coreItems(networkId);
    if (active.length >= 4) throw stateConflict('Nätverket har redan fyra gemensamma frågor. Ta bort en först.', 'core_items_full');
    const id = await this.repository.insertCoreItem(networkId, { ...item, key: 'core' }, caller.personId);
    await this.audit.record({ action: 'checks.core_item.create', organisationId: caller.organisationId, targetType: 'check_core_item', targetId: id });
    const created = (await this.repository.coreItems(networkId)).find((c) => c.id === id);
    if (!created) throw notFound();
    return created;
  }

  async retireCoreItem(caller: Caller, id: string): Promise<void> {
    const networkId = await this.repository.coreItemNetwork(id);
    if (!networkId || networkId !== this.coordinatorNetwork(caller)) throw notFound();
    await this.repository.retireCoreItem(id);
    await this.audit.record({ action: 'checks.core_item.retire', organisationId: caller.organisationId, targetType: 'check_core_item', targetId: id });
  }

  private coordinatorNetwork(caller: Caller): string {
    if (!callerCovers(caller, [Role.NetworkCoordinator], { networkId: caller.networkId, organisationId: '', areaIds: [], unitIds: [] })) {
      throw forbidden('Bara nätverkets samordnare bestämmer de gemensamma frågorna.');
    }
    return caller.networkId;
  }

  // --- instruments ---

  instruments(caller: Caller): Promise<InstrumentSummary[]> {
    return this.repository.instruments(caller.organisationId);
  }

  async createInstrument(caller: Caller, title: string): Promise<InstrumentDetail> {
    const draft: InstrumentRow['draft'] = { title, descriptionSv: null, supportThreshold: DEFAULT_SUPPORT_THRESHOLD, items: [] };
    const id = await this.repository.insertInstrument(caller.organisationId, title, draft, caller.personId);
    await this.audit.record({ action: 'checks.instrument.create', targetType: 'check_instrument', targetId: id });
    return this.instrument(caller, id);
  }

  async instrument(caller: Caller, id: string): Promise<InstrumentDetail> {
    const instrument = await this.ownInstrument(caller, id);
    const core = await this.repository.coreItems(caller.networkId);
    const coreInputs = core.map((c) => ({ id: c.id, item: toInput(c) }));
    return {
      id: instrument.id,
      organisationId: instrument.organisationId,
      title: instrument.title,
      draft: instrument.draft ? { ...instrument.draft, items: withCoreItems(coreInputs, instrument.draft.items) } : null,
      versions: await this.repository.versions(id),
      coreItems: core,
    };
  }

  async saveDraft(caller: Caller, id: string, body: InstrumentDraft): Promise<InstrumentDetail> {
    const instrument = await this.ownInstrument(caller, id);
    // Core items come from the network, never from the editor: an edited copy sent back is dropped.
    const own = (Array.isArray(body.items) ? body.items : []).filter(
      (item: unknown) =>
        !(
          typeof item === 'object' &&
          item !== null &&
          typeof (item as { key?: unknown }).key === 'string' &&
          (item as { key: string }).key.startsWith('core-')
        ),
    );
    const withoutCoreField = own.map((item: unknown) => {
      if (typeof item !== 'object' || item === null) return item;
      const { coreItemId: _ignored, ...rest } = item as Record<string, unknown>;
      return rest;
    });
    const parsed = parseItems(withoutCoreField, await this.repository.digCompCodes());
    if (!parsed.ok) throw validationError(parsed.problems);
    await this.repository.saveDraft(instrument.id, body.title, {
      title: body.title,
      descriptionSv: body.descriptionSv ?? null,
      supportThreshold: body.supportThreshold,
      items: parsed.items,
    });
    await this.audit.record({ action: 'checks.instrument.draft', targetType: 'check_instrument', targetId: id });
    return this.instrument(caller, id);
  }

  async publish(caller: Caller, id: string): Promise<InstrumentVersion> {
    const instrument = await this.ownInstrument(caller, id);
    if (!instrument.draft) throw stateConflict('Det finns inget utkast att publicera.', 'no_draft');
    const core = await this.repository.coreItems(caller.networkId);
    const items = withCoreItems(
      core.map((c) => ({ id: c.id, item: toInput(c) })),
      instrument.draft.items,
    );
    if (!items.some((item) => item.kind !== CheckItemKind.Observation)) {
      throw validationError([{ field: 'items', message: 'Lägg till minst en fråga som medarbetaren svarar på.' }]);
    }
    const versionId = await this.repository.publish(instrument, items, caller.personId);
    await this.audit.record({ action: 'checks.instrument.publish', targetType: 'check_instrument_version', targetId: versionId });
    return this.version(caller, versionId);
  }

  async version(caller: Caller, versionId: string): Promise<InstrumentVersion> {
    const version = await this.repository.version(versionId);
    if (!version || version.organisationId !== caller.organisationId) throw notFound();
    return {
      id: version.id,
      instrumentId: version.instrumentId,
      version: version.version,
      title: version.title,
      descriptionSv: version.descriptionSv,
      supportThreshold: version.supportThreshold,
      items: version.items,
      publishedAt: version.publishedAt,
    };
  }

  private async ownInstrument(caller: Caller, id: string): Promise<InstrumentRow> {
    const instrument = await this.repository.instrument(id);
    if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
    return instrument;
  }

  // --- assignments and rounds ---

  async assignments(caller: Caller, unitId: string | undefined): Promise<CheckAssignment[]> {
    if (unitId) {
      await this.unitFor(caller, unitId, ASSIGNERS);
      return this.withRounds(await this.repository.assignments(caller.organisationId, [unitId]));
    }
    const all = await this.repository.assignments(caller.organisationId, null);
    const visible = all.filter((a) => callerCovers(caller, ASSIGNERS, positionOf(a)));
    return this.withRounds(visible);
  }

  async assignment(caller: Caller, id: string): Promise<CheckAssignment> {
    const row = await this.repository.assignment(id);
    if (!row || !callerCanSee(caller, ASSIGNERS, positionOf(row))) throw notFound();
    if (!callerCovers(caller, ASSIGNERS, positionOf(row))) throw forbidden();
    return (await this.withRounds([row]))[0];
  }

  async createAssignment(caller: Caller, body: CreateCheckAssignmentRequest): Promise<CheckAssignment> {
    const unit = await this.unitFor(caller, body.unitId, ASSIGNERS);
    const existing = await this.repository.assignment(body.id);
    if (existing) {
      // A retried create: the same assignment again; an id reused for something else is a conflict.
      if (existing.unitId !== body.unitId || existing.instrumentVersionId !== body.instrumentVersionId) {
        throw stateConflict('Id:t används redan.', 'id_taken');
      }
      return this.assignment(caller, body.id);
    }
    const version = await this.repository.version(body.instrumentVersionId);
    if (!version || version.organisationId !== unit.organisationId) {
      throw validationError([{ field: 'instrumentVersionId', message: 'Välj en publicerad mätning i organisationen.' }]);
    }
    if (body.sessionId) {
      const session = await this.repository.sessionUnit(body.sessionId);
      if (!session || session.unitId !== body.unitId) {
        throw validationError([{ field: 'sessionId', message: 'Välj ett tillfälle i samma enhet.' }]);
      }
    }
    if (body.programId) {
      const program = await this.repository.programOrganisation(body.programId);
      if (!program || (program.organisationId !== null ? program.organisationId !== unit.organisationId : program.networkId !== unit.networkId)) {
        throw validationError([{ field: 'programId', message: 'Programmet finns inte.' }]);
      }
    }
    await this.repository.insertAssignment({
      id: body.id,
      organisationId: unit.organisationId,
      unitId: body.unitId,
      instrumentVersionId: body.instrumentVersionId,
      title: body.title,
      sessionId: body.sessionId ?? null,
      programId: body.programId ?? null,
      followUpWeeks: body.followUpWeeks ?? 10,
      createdBy: caller.personId,
    });
    await this.audit.record({ action: 'checks.assignment.create', targetType: 'check_assignment', targetId: body.id });
    return this.assignment(caller, body.id);
  }

  /**
   * Opens a round (idempotent per kind). Opening the after round schedules the follow-up through the job queue:
   * it opens `followUpWeeks` later (see `openFollowUp`), once, however often the request is retried. Opening the
   * follow-up by hand earlier makes the scheduled one unnecessary.
   */
  async openRound(caller: Caller, assignmentId: string, kind: CheckKind): Promise<CheckAssignment> {
    const assignment = await this.assignment(caller, assignmentId);
    if (assignment.cancelledAt) throw stateConflict('Mätningen är avbruten.', 'assignment_cancelled');
    if (kind === CheckKind.FollowUp && !(await this.repository.roundOf(assignmentId, CheckKind.After))) {
      throw stateConflict('Öppna efter-mätningen först; uppföljningen kommer veckor efter den.', 'after_first');
    }
    await this.insertRound(caller.organisationId, assignment.id, kind, isoDay(new Date()), caller.personId);
    if (kind === CheckKind.After) {
      await this.jobs.enqueue(
        FOLLOW_UP_CHECK,
        { assignmentId },
        {
          runAt: new Date(Date.now() + assignment.followUpWeeks * 7 * DAY_MS),
          uniqueKey: followUpKey(assignmentId),
          organisationId: caller.organisationId,
        },
      );
    } else if (kind === CheckKind.FollowUp) {
      await this.jobs.cancel(FOLLOW_UP_CHECK, followUpKey(assignmentId));
    }
    await this.audit.record({ action: 'checks.round.open', targetType: 'check_assignment', targetId: assignmentId, details: { kind } });
    return this.assignment(caller, assignmentId);
  }

  /** Cancels a check: its rounds close, no more can be opened and the scheduled follow-up is cancelled. Idempotent. */
  async cancelAssignment(caller: Caller, assignmentId: string, reason: string): Promise<CheckAssignment> {
    const assignment = await this.assignment(caller, assignmentId);
    if (!assignment.cancelledAt) {
      await this.repository.cancelAssignment(assignmentId);
      await this.jobs.cancel(FOLLOW_UP_CHECK, followUpKey(assignmentId));
      await this.audit.record({ action: 'checks.assignment.cancel', targetType: 'check_assignment', targetId: assignmentId, details: { reason } });
    }
    return this.assignment(caller, assignmentId);
  }

  /**
   * The job handler: opens the follow-up round for the participants (it appears among their open checks and on
   * "Min utveckling"). Runs in the assignment's organisation. A check or session cancelled meanwhile opens nothing.
   */
  async openFollowUp(assignmentId: string): Promise<void> {
    const assignment = await this.repository.assignment(assignmentId);
    if (!assignment) throw new PermanentJobError(`check assignment ${assignmentId} not found`);
    if (assignment.cancelledAt || assignment.sessionCancelled) return;
    if (await this.repository.roundOf(assignmentId, CheckKind.FollowUp)) return;
    await this.insertRound(assignment.organisationId, assignmentId, CheckKind.FollowUp, isoDay(new Date()), null);
    await this.audit.record({
      action: 'checks.round.open',
      organisationId: assignment.organisationId,
      targetType: 'check_assignment',
      targetId: assignmentId,
      details: { kind: CheckKind.FollowUp, scheduled: true },
    });
  }

  /**
   * Sessions were cancelled or restored (the sessions feature's SessionsStatusChanged, heard by ChecksListeners): the
   * follow-up of their checks is cancelled, or scheduled again (from the after round's day) if the after round is
   * open and no follow-up is.
   */
  async sessionsStatusChanged(sessionIds: string[], cancelled: boolean): Promise<void> {
    if (sessionIds.length === 0) return;
    for (const id of await this.repository.assignmentIdsOfSessions(sessionIds)) {
      if (cancelled) {
        await this.jobs.cancel(FOLLOW_UP_CHECK, followUpKey(id));
        continue;
      }
      const assignment = await this.repository.assignment(id);
      const after = await this.repository.roundOf(id, CheckKind.After);
      if (!assignment || assignment.cancelledAt || !after || (await this.repository.roundOf(id, CheckKind.FollowUp))) continue;
      const due = Date.parse(`${after.opensOn}T00:00:00Z`) + assignment.followUpWeeks * 7 * DAY_MS;
      await this.jobs.enqueue(
        FOLLOW_UP_CHECK,
        { assignmentId: id },
        {
          runAt: new Date(Math.max(due, Date.now())),
          uniqueKey: followUpKey(id),
          onConflict: 'replace',
          organisationId: assignment.organisationId,
        },
      );
    }
  }

  private async insertRound(organisationId: string, assignmentId: string, kind: CheckKind, opensOn: string, createdBy: string | null): Promise<void> {
    if (await this.repository.roundOf(assignmentId, kind)) return;
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      const inserted = await this.repository.insertRound({ organisationId, assignmentId, kind, code, opensOn, createdBy });
      if (inserted || (await this.repository.roundOf(assignmentId, kind))) return;
    }
    throw new Error('could not find a free check code');
  }

  private async withRounds(rows: Awaited<ReturnType<ChecksRepository['assignments']>>): Promise<CheckAssignment[]> {
    // One after the other: the queries share the request's transaction and so its connection.
    const assignments: CheckAssignment[] = [];
    for (const row of rows) {
      const rounds = await this.repository.rounds(row.id);
      const scheduled = rounds.some((r) => r.kind === CheckKind.FollowUp) ? null : await this.jobs.find(FOLLOW_UP_CHECK, followUpKey(row.id));
      assignments.push({
        id: row.id,
        title: row.title,
        unitId: row.unitId,
        unitName: row.unitName,
        instrumentId: row.instrumentId,
        instrumentVersionId: row.instrumentVersionId,
        instrumentTitle: row.instrumentTitle,
        version: row.version,
        sessionId: row.sessionId,
        programId: row.programId,
        followUpWeeks: row.followUpWeeks,
        followUpDueOn: scheduled?.status === 'pending' ? isoDay(scheduled.runAt) : null,
        cancelledAt: row.cancelledAt,
        createdAt: row.createdAt,
        rounds,
      });
    }
    return assignments;
  }

  // --- answering through the link (signed in as oneself) ---

  async openForm(caller: Caller, code: string, asked?: string): Promise<CheckForm> {
    const { round, assignment, version } = await this.roundForCode(caller, code);
    let response = await this.repository.responseOf(round.id, caller.personId);
    if (!response) {
      if (!round.open) throw stateConflict('Mätningen är inte öppen just nu.', 'round_closed');
      response = await this.repository.startResponse({
        id: randomUUID(),
        organisationId: round.organisationId,
        roundId: round.id,
        personId: caller.personId,
        form: formFor(caller.personId, assignment.id, round.kind),
        via: 'link',
        language: answerLanguage(asked, null, caller.preferredLanguage),
      });
    }
    response = await this.followLanguage(response, asked);
    const items = itemsFor(version.items, round.kind, response.form);
    const answers = await this.repository.answers(response.id);
    return {
      roundId: round.id,
      responseId: response.id,
      kind: round.kind,
      title: assignment.title,
      status: response.status,
      language: response.language,
      questions: await this.translations.localize(items.map(toQuestion), version.instrumentId, caller.networkId, response.language as StaffLanguage),
      answers: answers.filter((a) => items.some((i) => i.key === a.itemKey)).map((a) => savedAnswer(version.items, a)),
    };
  }

  async saveOwnAnswer(caller: Caller, code: string, itemKey: string, body: SaveAnswerRequest): Promise<SavedAnswer> {
    const form = await this.openForm(caller, code);
    const { version, round } = await this.roundForCode(caller, code);
    const response = await this.repository.response(form.responseId);
    if (!response) throw notFound();
    return this.saveAnswer(response, round, version, itemKey, body);
  }

  async finishOwn(caller: Caller, code: string, status: 'submitted' | 'declined'): Promise<CheckForm> {
    const form = await this.openForm(caller, code);
    if (form.status === 'in_progress') await this.repository.finishResponse(form.responseId, status);
    return this.openForm(caller, code);
  }

  /** A response still being answered switches to the language asked for; its later answers are recorded in it. */
  private async followLanguage(response: ResponseRow, asked: string | undefined): Promise<ResponseRow> {
    if (!isStaffLanguage(asked) || asked === response.language || response.status !== 'in_progress') return response;
    await this.repository.setResponseLanguage(response.id, asked);
    return { ...response, language: asked };
  }

  private async roundForCode(
    caller: Caller,
    code: string,
  ): Promise<{ round: RoundRow; assignment: NonNullable<Awaited<ReturnType<ChecksRepository['assignment']>>>; version: VersionRow }> {
    const round = await this.repository.roundByCode(code.toUpperCase());
    if (!round || round.organisationId !== caller.organisationId) throw notFound('Koden finns inte. Kontrollera den och försök igen.');
    const assignment = await this.repository.assignment(round.assignmentId);
    const version = assignment && (await this.repository.version(assignment.instrumentVersionId));
    if (!assignment || !version) throw notFound();
    const answered = await this.repository.responseOf(round.id, caller.personId);
    if (!answered && !(await this.repository.isInvited(assignment.id, round.opensOn, caller.personId))) {
      throw forbidden('Mätningen gäller en annan enhet än din.');
    }
    return { round, assignment, version };
  }

  private async saveAnswer(response: ResponseRow, round: RoundRow, version: VersionRow, itemKey: string, body: SaveAnswerRequest): Promise<SavedAnswer> {
    if (response.status !== 'in_progress') throw stateConflict('Svaren är redan skickade.', 'response_finished');
    const item = itemsFor(version.items, round.kind, response.form).find((i) => i.key === itemKey);
    if (!item) throw notFound('Frågan finns inte i den här mätningen.');
    let value = null;
    if (body.declined !== true) {
      const read = readAnswer(item, body.value);
      if (!read.ok) throw validationError([{ field: 'value', message: read.message }]);
      value = read.value;
    } else if (body.value !== undefined && body.value !== null) {
      throw validationError([{ field: 'value', message: 'Ett avböjt svar har inget värde.' }]);
    }
    await this.repository.saveAnswer(response, item.key, value, null);
    return savedAnswer(version.items, { itemKey: item.key, declined: value === null, value });
  }

  // --- kiosk (a passed-around tablet; write-only) ---

  async roster(caller: Caller, roundId: string): Promise<KioskRoster> {
    const { round, assignment } = await this.kioskRound(caller, roundId);
    return {
      roundId: round.id,
      kind: round.kind,
      title: assignment.title,
      unitName: assignment.unitName,
      people: await this.repository.roster(assignment.id, round.opensOn),
    };
  }

  async startKiosk(caller: Caller, roundId: string, responseId: string, personId: string, asked?: string): Promise<KioskForm> {
    const { round, assignment, version } = await this.kioskRound(caller, roundId);
    if (!round.open) throw stateConflict('Mätningen är inte öppen just nu.', 'round_closed');
    if (!(await this.repository.isInvited(assignment.id, round.opensOn, personId))) {
      throw validationError([{ field: 'personId', message: 'Personen hör inte till enheten.' }]);
    }
    const existing = await this.repository.responseOf(round.id, personId);
    const preferred = (await this.repository.personLanguage(personId)) ?? undefined;
    if (existing && existing.id !== responseId && existing.status !== 'in_progress') {
      throw stateConflict('Du har redan svarat på den här mätningen.', 'already_answered');
    }
    const response =
      existing ??
      (await this.repository.startResponse({
        id: responseId,
        organisationId: round.organisationId,
        roundId: round.id,
        personId,
        form: formFor(personId, assignment.id, round.kind),
        via: 'kiosk',
        language: answerLanguage(asked, null, preferred),
      }));
    // The tablet is shared: the language is the one chosen on it for this person (else their own account's, which
    // they may have picked on the tablet before), never the signed-in ambassador's.
    const answering = await this.followLanguage(response, asked ?? preferred);
    return {
      responseId: answering.id,
      kind: round.kind,
      title: assignment.title,
      language: answerLanguage(answering.language, null, undefined),
      questions: await this.translations.localize(
        itemsFor(version.items, round.kind, answering.form).map(toQuestion),
        version.instrumentId,
        caller.networkId,
        answering.language as StaffLanguage,
        answering.id,
      ),
    };
  }

  /** The answering person's language, chosen during their turn on the kiosk (only while the answer is open). */
  async setKioskLanguage(caller: Caller, responseId: string, language: StaffLanguage): Promise<void> {
    const { response } = await this.kioskResponse(caller, responseId);
    if (response.status !== 'in_progress') throw stateConflict('Svaren är redan skickade.', 'response_finished');
    // The rest of this turn's answers are given in it too.
    await this.followLanguage(response, language);
    if (await this.repository.setPersonLanguage(response.personId, language)) {
      await this.audit.record({
        action: 'person.updated',
        targetType: 'person',
        targetId: response.personId,
        details: { changed: ['preferredLanguage'], via: 'kiosk' },
      });
    }
  }

  async saveKioskAnswer(caller: Caller, responseId: string, itemKey: string, body: SaveAnswerRequest): Promise<SavedAnswer> {
    const { response, round, version } = await this.kioskResponse(caller, responseId);
    return this.saveAnswer(response, round, version, itemKey, body);
  }

  async finishKiosk(caller: Caller, responseId: string, status: 'submitted' | 'declined'): Promise<KioskAnswerFinished> {
    const { response } = await this.kioskResponse(caller, responseId);
    if (response.status === 'in_progress') await this.repository.finishResponse(response.id, status);
    // Nothing of the answers comes back: the tablet is cleared for the next person.
    return { status: response.status === 'in_progress' ? status : response.status };
  }

  async observe(caller: Caller, roundId: string, body: SaveObservationRequest): Promise<ObservationSaved> {
    const { round, assignment, version } = await this.kioskRound(caller, roundId, [Role.Ambassador]);
    const item = version.items.find((i) => i.key === body.itemKey && i.kind === CheckItemKind.Observation);
    if (!item) throw validationError([{ field: 'itemKey', message: 'Välj en observationsfråga i mätningen.' }]);
    if (body.personId === caller.personId) throw validationError([{ field: 'personId', message: 'Du kan inte observera dig själv.' }]);
    if (!(await this.repository.isInvited(assignment.id, round.opensOn, body.personId))) {
      throw validationError([{ field: 'personId', message: 'Personen hör inte till enheten.' }]);
    }
    const response =
      (await this.repository.responseOf(round.id, body.personId)) ??
      (await this.repository.startResponse({
        id: randomUUID(),
        organisationId: round.organisationId,
        roundId: round.id,
        personId: body.personId,
        form: formFor(body.personId, assignment.id, round.kind),
        via: 'kiosk',
      }));
    await this.repository.saveAnswer(response, item.key, { rating: body.rating }, caller.personId);
    await this.audit.record({ action: 'checks.observation.save', targetType: 'person', targetId: body.personId, details: { roundId } });
    return { saved: true };
  }

  /** The round a kiosk credential may be issued for (api/src/kiosk): covered by the caller's kiosk roles, and open now. */
  async openKioskRound(caller: Caller, roundId: string): Promise<RoundRow> {
    const { round } = await this.kioskRound(caller, roundId);
    if (!round.open) throw stateConflict('Mätningen är inte öppen just nu.', 'round_closed');
    return round;
  }

  /** What an answer code is for, shown on the sign-in page of a QR link: the check's title and workplace only. */
  async codePreview(code: string): Promise<CheckCodePreview> {
    const preview = ANSWER_CODE.test(code) ? await this.repository.codePreview(code) : null;
    if (!preview) throw notFound('Koden finns inte. Kontrollera den och försök igen.');
    return preview;
  }

  private async kioskRound(caller: Caller, roundId: string, roles = KIOSK_ROLES) {
    const round = await this.repository.round(roundId);
    const assignment = round && (await this.repository.assignment(round.assignmentId));
    if (!round || !assignment || !callerCanSee(caller, roles, positionOf(assignment))) throw notFound();
    if (!callerCovers(caller, roles, positionOf(assignment))) throw forbidden();
    const version = await this.repository.version(assignment.instrumentVersionId);
    if (!version) throw notFound();
    return { round, assignment, version };
  }

  private async kioskResponse(caller: Caller, responseId: string) {
    const response = await this.repository.response(responseId);
    if (!response || response.organisationId !== caller.organisationId || response.via !== 'kiosk') throw notFound();
    const context = await this.kioskRound(caller, response.roundId);
    return { response, ...context };
  }

  // --- the person's own results ---

  async mine(caller: Caller): Promise<MyChecks> {
    const responses = await this.repository.myResponses(caller.personId);
    const versions = new Map<string, VersionRow>();
    for (const r of responses) {
      if (!versions.has(r.versionId)) {
        const version = await this.repository.version(r.versionId);
        if (version) versions.set(r.versionId, version);
      }
    }
    const results = new Map<string, MyCheckResult>();
    for (const r of responses) {
      const version = versions.get(r.versionId);
      // An ambassador's observations count whether or not the person has answered the check themselves.
      if (!version || (r.status !== 'submitted' && !hasObservation(version.items, r.answers))) continue;
      const result = results.get(r.assignmentId) ?? {
        assignmentId: r.assignmentId,
        title: r.title,
        unitName: r.unitName,
        dimensions: [],
        knowledge: { before: null, after: null, followUp: null },
        observed: [],
      };
      const scores = scorePerson(version.items, r.answers);
      const side = r.kind === CheckKind.Before ? 'before' : r.kind === CheckKind.After ? 'after' : 'followUp';
      if (r.status === 'submitted') {
        addProgress(result.dimensions, scores.dimensions, side);
        result.knowledge[side] = scores.knowledge;
      }
      addProgress(result.observed, scores.observation, side);
      results.set(r.assignmentId, result);
    }
    // A check answered with nothing but "Vill inte svara" has no result to show.
    const shown = [...results.values()].filter(
      (r) => r.dimensions.length > 0 || r.observed.length > 0 || Object.values(r.knowledge).some((value) => value !== null),
    );
    if (shown.length) {
      await this.audit.record({ action: 'checks.results.read_own', targetType: 'person', targetId: caller.personId });
    }
    return { pending: await this.repository.pendingRounds(caller.personId), results: shown };
  }

  // --- support signals (the unit's ambassadors) ---

  /**
   * People whose latest finished check in the unit crossed the instrument's threshold. Only the name and the
   * check are given, never answers or scores; every read is written to the audit log.
   */
  async supportSignals(caller: Caller, unitId: string): Promise<SupportSignal[]> {
    await this.unitFor(caller, unitId, [Role.Ambassador]);
    const responses = await this.repository.unitResponses(unitId);
    const latest = new Map<string, (typeof responses)[number]>();
    const order = { [CheckKind.Before]: 0, [CheckKind.After]: 1, [CheckKind.FollowUp]: 2 };
    for (const r of responses) {
      const key = `${r.assignmentId}:${r.personId}`;
      const current = latest.get(key);
      if (!current || order[r.kind] >= order[current.kind]) latest.set(key, r);
    }
    const signals: SupportSignal[] = [];
    const versions = new Map<string, VersionRow | null>();
    for (const r of latest.values()) {
      if (!versions.has(r.versionId)) versions.set(r.versionId, await this.repository.version(r.versionId));
      const version = versions.get(r.versionId);
      if (!version) continue;
      if (needsSupport(scorePerson(version.items, r.answers), version.supportThreshold)) {
        signals.push({ personId: r.personId, name: r.name, assignmentId: r.assignmentId, assignmentTitle: r.title, kind: r.kind });
      }
    }
    await this.audit.record({
      action: 'checks.support_signals.read',
      targetType: 'unit',
      targetId: unitId,
      details: { people: signals.map((s) => s.personId) },
    });
    return signals;
  }

  // --- aggregates (managers, HR, administrators) ---

  /**
   * An instrument's results for a unit, an area or the whole organisation. The organisation's are kept between reads
   * (api/src/snapshots): every reader of them sees the same figures, and computing them reads every answer.
   */
  async results(caller: Caller, query: ResultsQuery): Promise<CheckResults> {
    const organisationWide = !query.unitId && !query.areaId;
    const result = organisationWide
      ? await this.keptViews.read<ResultsQuery, CheckResults>(caller, KEPT_RESULTS, query)
      : await this.computeResults(caller, query);
    if (!result.suppressed) {
      await this.audit.record({
        action: 'checks.results.read',
        targetType: 'check_instrument',
        targetId: query.instrumentId,
        details: { groupKey: resultsGroupKey(query) },
      });
    }
    return result;
  }

  /** The results computed from every answer, through the privacy gate (a refresh of the kept view calls this too). */
  async computeResults(caller: Caller, query: ResultsQuery): Promise<CheckResults> {
    const instrument = await this.repository.instrument(query.instrumentId);
    if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
    let unitIds: string[] | null = null;
    if (query.unitId) {
      await this.unitFor(caller, query.unitId, RESULT_ROLES);
      unitIds = [query.unitId];
    } else if (query.areaId) {
      const area = await this.repository.areaPosition(query.areaId);
      if (!area || !callerCanSee(caller, RESULT_ROLES, area)) throw notFound();
      if (!callerCovers(caller, RESULT_ROLES, area)) throw forbidden();
    } else if (!callerCovers(caller, RESULT_ROLES, { networkId: caller.networkId, organisationId: caller.organisationId, areaIds: [], unitIds: [] })) {
      throw forbidden('Välj en enhet eller ett område som du ansvarar för.');
    }
    const minimum = effectiveMinimum(await this.repository.minimumGroupSize(caller.organisationId));
    const filter = {
      organisationId: caller.organisationId,
      instrumentId: instrument.id,
      unitIds,
      areaId: query.areaId ?? null,
      roleTitle: query.roleTitle ?? null,
      employmentType: query.employmentType ?? null,
    };
    const assignments = await this.repository.groupAssignments(filter);
    const ids = assignments.map((a) => a.id);
    // One after the other: the queries share the request's transaction and so its connection.
    const invited = ids.length ? await this.repository.groupInvited(ids, filter) : [];
    const responses = ids.length ? await this.repository.groupResponses(ids, filter) : [];
    const groupKey = resultsGroupKey(query);
    const distinctInvited = new Set(invited.map((p) => p.personId)).size;
    if (distinctInvited < minimum) {
      await this.audit.record({
        action: 'checks.results.suppressed',
        targetType: 'check_instrument',
        targetId: instrument.id,
        details: { groupKey, reason: 'belowMinimum' },
      });
      return { minimumGroupSize: minimum, suppressed: true, reason: 'belowMinimum', dimensions: [] };
    }
    // Answers of one instrument's versions pair up by item key; the latest version's items describe them.
    const versionRows: Array<VersionRow | null> = [];
    for (const id of new Set(assignments.map((a) => a.versionId))) versionRows.push(await this.repository.version(id));
    const items = mergeItems(versionRows.filter((v): v is VersionRow => v !== null));
    // A filtered view is also checked against its complement in the unit, area or organisation chosen.
    // Each dimension's means before and after are two groups of values (family rating:<dimension>, named like the
    // competence breakdown and trend name them, so no view can be subtracted from another); the knowledge score is
    // the instrument's own.
    const gateGroups = (groupInvited: typeof invited, groupResponses: typeof responses) =>
      groupInputs(items, groupInvited, groupResponses).flatMap(({ key, inputs }) => {
        if (key === KNOWLEDGE_KEY) return [{ key, family: `checks:${instrument.id}:${key}`, group: valueElements(inputs) }];
        const { before, after } = pairElements(items, pairRecords(groupInvited, groupResponses), key);
        return [
          { key, family: `rating:${key}`, group: before },
          { key, family: `rating:${key}`, group: after },
        ];
      });
    let scope: GateElement[][] | null = null;
    if (filter.roleTitle !== null || filter.employmentType !== null) {
      const unfiltered = { ...filter, roleTitle: null, employmentType: null };
      const scopeInvited = await this.repository.groupInvited(ids, unfiltered);
      const scopeResponses = await this.repository.groupResponses(ids, unfiltered);
      scope = gateGroups(scopeInvited, scopeResponses).map((g) => g.group);
    }
    const groups = gateGroups(invited, responses);
    const releases = groups
      .map(({ key, family, group }, index) => ({
        key,
        context: { organisationId: caller.organisationId, family, minimum },
        group,
        // The scope's groups come in the same order (the same items, so the same keys and sides).
        scope: scope ? (scope.length === groups.length ? scope[index] : []) : undefined,
      }))
      .filter((release) => release.group.length > 0);
    // A result whose answers come from fewer than the minimum is blanked on its own; any other refusal (a
    // complement or a difference of too few people, or a combination that isolates someone) withholds everything.
    const tooFew = new Set<string>();
    for (const release of releases) {
      const refusal = await this.gate.refusal(release.context, release.group, release.scope);
      if (refusal === null) continue;
      if (refusal === 'belowMinimum') {
        tooFew.add(release.key);
        continue;
      }
      await this.audit.record({
        action: 'checks.results.suppressed',
        targetType: 'check_instrument',
        targetId: instrument.id,
        details: { groupKey, reason: refusal },
      });
      return { minimumGroupSize: minimum, suppressed: true, reason: 'differencing', dimensions: [] };
    }
    const analysed = analyseGroup(items, invited, responses, minimum);
    const result = { ...analysed, dimensions: analysed.dimensions.map((d) => (tooFew.has(d.key) ? suppressedResult(d.key) : d)) };
    for (const release of releases) if (!tooFew.has(release.key)) await this.gate.record(release.context, release.group);
    return result;
  }

  private async unitFor(caller: Caller, unitId: string, roles: Role[]): Promise<ScopePosition & { name: string }> {
    const unit = await this.repository.unitPosition(unitId);
    if (!unit || !callerCanSee(caller, roles, unit)) throw notFound();
    if (!callerCovers(caller, roles, unit)) throw forbidden();
    return unit;
  }
}

/** The language asked for, else the response's, else the person's own when it is a staff language, else Swedish. */
function answerLanguage(asked: string | undefined, current: string | null, preferred: string | undefined): StaffLanguage {
  if (isStaffLanguage(asked)) return asked;
  if (isStaffLanguage(current)) return current;
  return isStaffLanguage(preferred) ? preferred : 'sv';
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function hasObservation(items: readonly CheckItem[], answers: ResponseData['answers']): boolean {
  return answers.some((a) => items.some((i) => i.key === a.itemKey && i.kind === CheckItemKind.Observation));
}

/** Puts one check's means per dimension into the progress list, in the dimensions' display order. */
function addProgress(list: DimensionProgress[], means: Partial<Record<CompetenceDimension, number>>, side: 'before' | 'after' | 'followUp'): void {
  for (const dimension of COMPETENCE_DIMENSIONS) {
    const value = means[dimension];
    if (value === undefined) continue;
    let entry = list.find((d) => d.dimension === dimension);
    if (!entry) {
      entry = { dimension, before: null, after: null, followUp: null };
      list.push(entry);
    }
    entry[side] = value;
  }
  list.sort((a, b) => COMPETENCE_DIMENSIONS.indexOf(a.dimension) - COMPETENCE_DIMENSIONS.indexOf(b.dimension));
}

function positionOf(row: { networkId: string; organisationId: string; areaId: string; unitId: string }): ScopePosition {
  return { networkId: row.networkId, organisationId: row.organisationId, areaIds: [row.areaId], unitIds: [row.unitId] };
}

function toInput(core: CoreItem) {
  const { id: _id, networkId: _networkId, retiredAt: _retiredAt, createdAt: _createdAt, ...item } = core;
  return { ...item, key: coreKey(core.id) };
}

function savedAnswer(items: readonly CheckItem[], answer: { itemKey: string; declined: boolean; value: SavedAnswer['value'] }): SavedAnswer {
  const item = items.find((i) => i.key === answer.itemKey);
  const knowledge = item?.kind === CheckItemKind.Knowledge;
  return {
    itemKey: answer.itemKey,
    declined: answer.declined,
    value: answer.value,
    correct: knowledge && answer.value ? isCorrect(item, answer.value) : null,
    correctOptions: knowledge ? item.options.filter((o) => o.correct).map((o) => o.key) : null,
    explanationSv: knowledge ? item.explanationSv : null,
    explanationEn: knowledge ? item.explanationEn : null,
  };
}

/** Which group a results read was about, as the audit trail names it. */
function resultsGroupKey(query: ResultsQuery): string {
  return JSON.stringify([query.unitId ?? null, query.areaId ?? null, query.roleTitle ?? null, query.employmentType ?? null]);
}

/** Items of every version in the group, by key; a key keeps its latest version's definition. */
function mergeItems(versions: VersionRow[]): CheckItem[] {
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  const byKey = new Map<string, CheckItem>();
  for (const version of ordered) for (const item of version.items) if (!byKey.has(item.key)) byKey.set(item.key, item);
  return [...byKey.values()];
}
