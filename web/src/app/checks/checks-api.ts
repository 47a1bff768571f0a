import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CheckAssignment,
  CheckForm,
  CheckKind,
  CheckResults,
  CoreItem,
  CreateCheckAssignmentRequest,
  CreateCoreItemRequest,
  InstrumentDetail,
  InstrumentDraft,
  InstrumentSummary,
  InstrumentVersion,
  KioskCredential,
  KioskAnswerFinished,
  KioskForm,
  KioskRoster,
  MyChecks,
  ObservationSaved,
  ResultsQuery,
  SavedAnswer,
  SaveAnswerRequest,
  SaveObservationRequest,
  SupportSignal,
  StaffLanguage,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** Before/after checks: instruments, assignments and rounds, answering (own phone and kiosk), own results, signals, aggregates. */
@Injectable({ providedIn: 'root' })
export class ChecksApi {
  private readonly client = inject(ApiClient);

  coreItems(): Promise<CoreItem[]> {
    return this.client.call('GET', ApiRoutes.checks.coreItems);
  }
  createCoreItem(body: CreateCoreItemRequest): Promise<CoreItem> {
    return this.client.call('POST', ApiRoutes.checks.coreItems, { body });
  }
  retireCoreItem(coreItemId: string): Promise<void> {
    return this.client.call('POST', ApiRoutes.checks.retireCoreItem, { params: { coreItemId } });
  }

  instruments(): Promise<InstrumentSummary[]> {
    return this.client.call('GET', ApiRoutes.checks.instruments);
  }
  createInstrument(title: string): Promise<InstrumentDetail> {
    return this.client.call('POST', ApiRoutes.checks.instruments, { body: { title } });
  }
  instrument(instrumentId: string): Promise<InstrumentDetail> {
    return this.client.call('GET', ApiRoutes.checks.instrument, { params: { instrumentId } });
  }
  saveDraft(instrumentId: string, draft: InstrumentDraft): Promise<InstrumentDetail> {
    return this.client.call('PUT', ApiRoutes.checks.instrumentDraft, { params: { instrumentId }, body: draft });
  }
  version(versionId: string): Promise<InstrumentVersion> {
    return this.client.call('GET', ApiRoutes.checks.instrumentVersion, { params: { versionId } });
  }
  publish(instrumentId: string): Promise<InstrumentVersion> {
    return this.client.call('POST', ApiRoutes.checks.instrumentPublish, { params: { instrumentId } });
  }

  assignments(unitId?: string): Promise<CheckAssignment[]> {
    return this.client.call('GET', ApiRoutes.checks.assignments, { query: { unitId } });
  }
  createAssignment(body: CreateCheckAssignmentRequest): Promise<CheckAssignment> {
    return this.client.call('POST', ApiRoutes.checks.assignments, { body });
  }
  assignment(assignmentId: string): Promise<CheckAssignment> {
    return this.client.call('GET', ApiRoutes.checks.assignment, { params: { assignmentId } });
  }
  cancelAssignment(assignmentId: string, reason: string): Promise<CheckAssignment> {
    return this.client.call('POST', ApiRoutes.checks.cancelAssignment, { params: { assignmentId }, body: { reason } });
  }
  openRound(assignmentId: string, kind: CheckKind): Promise<CheckAssignment> {
    return this.client.call('POST', ApiRoutes.checks.rounds, { params: { assignmentId }, body: { kind } });
  }

  /** Turns this device into the round's locked kiosk (the answer's cookie replaces the session). */
  startKioskCredential(roundId: string): Promise<KioskCredential> {
    return this.client.call('POST', ApiRoutes.checks.kioskCredential, { params: { roundId } });
  }
  roster(roundId: string): Promise<KioskRoster> {
    return this.client.call('GET', ApiRoutes.checks.kioskRoster, { params: { roundId } });
  }
  startKiosk(roundId: string, personId: string, responseId: string): Promise<KioskForm> {
    return this.client.call('POST', ApiRoutes.checks.kioskResponses, { params: { roundId }, body: { personId, responseId } });
  }
  saveKioskAnswer(responseId: string, itemKey: string, body: SaveAnswerRequest): Promise<SavedAnswer> {
    return this.client.call('PUT', ApiRoutes.checks.kioskItem, { params: { responseId, itemKey }, body });
  }
  /** The answering person's language, kept on their account. */
  setKioskLanguage(responseId: string, language: StaffLanguage): Promise<void> {
    return this.client.call('PUT', ApiRoutes.checks.kioskLanguage, { params: { responseId }, body: { preferredLanguage: language } });
  }
  finishKiosk(responseId: string, decline: boolean): Promise<KioskAnswerFinished> {
    const params = { responseId };
    return decline ? this.client.call('POST', ApiRoutes.checks.kioskDecline, { params }) : this.client.call('POST', ApiRoutes.checks.kioskSubmit, { params });
  }

  observe(roundId: string, body: SaveObservationRequest): Promise<ObservationSaved> {
    return this.client.call('PUT', ApiRoutes.checks.observations, { params: { roundId }, body });
  }

  /** `language`: the questions in the page's language where the instrument has a translation shown to staff. */
  form(code: string, language?: StaffLanguage): Promise<CheckForm> {
    // A POST: the first open starts the person's response.
    return this.client.call('POST', ApiRoutes.checks.answer, { params: { code }, query: { language } });
  }
  saveAnswer(code: string, itemKey: string, body: SaveAnswerRequest): Promise<SavedAnswer> {
    return this.client.call('PUT', ApiRoutes.checks.answerItem, { params: { code, itemKey }, body });
  }
  finish(code: string, decline: boolean): Promise<CheckForm> {
    const params = { code };
    return decline ? this.client.call('POST', ApiRoutes.checks.answerDecline, { params }) : this.client.call('POST', ApiRoutes.checks.answerSubmit, { params });
  }

  mine(): Promise<MyChecks> {
    return this.client.call('GET', ApiRoutes.checks.mine);
  }
  supportSignals(unitId: string): Promise<SupportSignal[]> {
    return this.client.call('GET', ApiRoutes.checks.supportSignals, { query: { unitId } });
  }
  results(query: ResultsQuery): Promise<CheckResults> {
    return this.client.call('GET', ApiRoutes.checks.results, { query });
  }
}
