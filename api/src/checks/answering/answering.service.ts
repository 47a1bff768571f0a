import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  CheckCodePreview,
  CheckForm,
  CheckItem,
  CheckItemKind,
  CheckKind,
  COMPETENCE_DIMENSIONS,
  CompetenceDimension,
  DimensionProgress,
  KioskAnswerFinished,
  isStaffLanguage,
  KioskForm,
  KioskRoster,
  MyChecks,
  MyCheckResult,
  ObservationSaved,
  Role,
  SavedAnswer,
  SaveAnswerRequest,
  SaveObservationRequest,
  StaffLanguage,
  rolesOf,
} from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import { type Caller, callerCanSee, callerCovers } from '../../auth';
import { validationError } from '../../common/errors';
import { forbidden, notFound, stateConflict } from '../../common/http-errors';
import type { ResponseData } from '../aggregate';
import { InstrumentsRepository, VersionRow } from '../instruments/instruments.repository';
import { RoundRow, RoundsRepository } from '../rounds/rounds.repository';
import { positionOf } from '../rounds/rounds.service';
import { formFor, isCorrect, itemsFor, readAnswer, scorePerson, toQuestion } from '../scoring';
import { TranslationsService } from '../translations/translations.service';
import { AnsweringRepository, ResponseRow } from './answering.repository';

/** Who runs the kiosk tablet in a unit. */
const KIOSK_ROLES = rolesOf('checks.startKiosk');
/** The shape of an answer code as typed or scanned (the access guard's rule for `checks/answer/:code`). */
const ANSWER_CODE = /^[A-Za-z0-9]{6,12}$/;

/**
 * A person answering a check: through the link on their own phone, on the unit's kiosk tablet, or observed by an
 * ambassador; and what the person sees of their own answers afterwards.
 */
@Injectable()
export class AnsweringService {
  constructor(
    private readonly repository: AnsweringRepository,
    private readonly rounds: RoundsRepository,
    private readonly instruments: InstrumentsRepository,
    private readonly audit: AuditService,
    private readonly translations: TranslationsService,
  ) {}

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
  ): Promise<{ round: RoundRow; assignment: NonNullable<Awaited<ReturnType<RoundsRepository['assignment']>>>; version: VersionRow }> {
    const round = await this.rounds.roundByCode(code.toUpperCase());
    if (!round || round.organisationId !== caller.organisationId) throw notFound('Koden finns inte. Kontrollera den och försök igen.');
    const assignment = await this.rounds.assignment(round.assignmentId);
    const version = assignment && (await this.instruments.version(assignment.instrumentVersionId));
    if (!assignment || !version) throw notFound();
    const answered = await this.repository.responseOf(round.id, caller.personId);
    if (!answered && !(await this.rounds.isInvited(assignment.id, round.opensOn, caller.personId))) {
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
      people: await this.rounds.roster(assignment.id, round.opensOn),
    };
  }

  async startKiosk(caller: Caller, roundId: string, responseId: string, personId: string, asked?: string): Promise<KioskForm> {
    const { round, assignment, version } = await this.kioskRound(caller, roundId);
    if (!round.open) throw stateConflict('Mätningen är inte öppen just nu.', 'round_closed');
    if (!(await this.rounds.isInvited(assignment.id, round.opensOn, personId))) {
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
    if (!(await this.rounds.isInvited(assignment.id, round.opensOn, body.personId))) {
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
    const round = await this.rounds.round(roundId);
    const assignment = round && (await this.rounds.assignment(round.assignmentId));
    if (!round || !assignment || !callerCanSee(caller, roles, positionOf(assignment))) throw notFound();
    if (!callerCovers(caller, roles, positionOf(assignment))) throw forbidden();
    const version = await this.instruments.version(assignment.instrumentVersionId);
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
        const version = await this.instruments.version(r.versionId);
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
}

/** The language asked for, else the response's, else the person's own when it is a staff language, else Swedish. */
function answerLanguage(asked: string | undefined, current: string | null, preferred: string | undefined): StaffLanguage {
  if (isStaffLanguage(asked)) return asked;
  if (isStaffLanguage(current)) return current;
  return isStaffLanguage(preferred) ? preferred : 'sv';
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
