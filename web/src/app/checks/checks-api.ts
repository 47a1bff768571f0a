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
  KioskForm,
  KioskRoster,
  MyChecks,
  ResultsQuery,
  routePath,
  SavedAnswer,
  SaveAnswerRequest,
  SaveObservationRequest,
  SupportSignal,
  SetLanguageRequest,
  StaffLanguage,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** Before/after checks: instruments, assignments and rounds, answering (own phone and kiosk), own results, signals, aggregates. */
@Injectable({ providedIn: 'root' })
export class ChecksApi {
  private readonly client = inject(ApiClient);

  coreItems(): Promise<CoreItem[]> {
    return this.client.get(ApiRoutes.checks.coreItems);
  }
  createCoreItem(body: CreateCoreItemRequest): Promise<CoreItem> {
    return this.client.post(ApiRoutes.checks.coreItems, body);
  }
  retireCoreItem(coreItemId: string): Promise<void> {
    return this.client.post(routePath(ApiRoutes.checks.retireCoreItem, { coreItemId }));
  }

  instruments(): Promise<InstrumentSummary[]> {
    return this.client.get(ApiRoutes.checks.instruments);
  }
  createInstrument(title: string): Promise<InstrumentDetail> {
    return this.client.post(ApiRoutes.checks.instruments, { title });
  }
  instrument(instrumentId: string): Promise<InstrumentDetail> {
    return this.client.get(routePath(ApiRoutes.checks.instrument, { instrumentId }));
  }
  saveDraft(instrumentId: string, draft: InstrumentDraft): Promise<InstrumentDetail> {
    return this.client.put(routePath(ApiRoutes.checks.instrumentDraft, { instrumentId }), draft);
  }
  version(versionId: string): Promise<InstrumentVersion> {
    return this.client.get(routePath(ApiRoutes.checks.instrumentVersion, { versionId }));
  }
  publish(instrumentId: string): Promise<InstrumentVersion> {
    return this.client.post(routePath(ApiRoutes.checks.instrumentPublish, { instrumentId }));
  }

  assignments(unitId?: string): Promise<CheckAssignment[]> {
    return this.client.get(ApiRoutes.checks.assignments, { unitId });
  }
  createAssignment(body: CreateCheckAssignmentRequest): Promise<CheckAssignment> {
    return this.client.post(ApiRoutes.checks.assignments, body);
  }
  assignment(assignmentId: string): Promise<CheckAssignment> {
    return this.client.get(routePath(ApiRoutes.checks.assignment, { assignmentId }));
  }
  cancelAssignment(assignmentId: string, reason: string): Promise<CheckAssignment> {
    return this.client.post(routePath(ApiRoutes.checks.cancelAssignment, { assignmentId }), { reason });
  }
  openRound(assignmentId: string, kind: CheckKind): Promise<CheckAssignment> {
    return this.client.post(routePath(ApiRoutes.checks.rounds, { assignmentId }), { kind });
  }

  /** Turns this device into the round's locked kiosk (the answer's cookie replaces the session). */
  startKioskCredential(roundId: string): Promise<KioskCredential> {
    return this.client.post(routePath(ApiRoutes.checks.kioskCredential, { roundId }));
  }
  roster(roundId: string): Promise<KioskRoster> {
    return this.client.get(routePath(ApiRoutes.checks.kioskRoster, { roundId }));
  }
  startKiosk(roundId: string, personId: string, responseId: string): Promise<KioskForm> {
    return this.client.post(routePath(ApiRoutes.checks.kioskResponses, { roundId }), { personId, responseId });
  }
  saveKioskAnswer(responseId: string, itemKey: string, body: SaveAnswerRequest): Promise<SavedAnswer> {
    return this.client.put(routePath(ApiRoutes.checks.kioskItem, { responseId, itemKey }), body);
  }
  /** The answering person's language, kept on their account. */
  setKioskLanguage(responseId: string, language: StaffLanguage): Promise<void> {
    const request: SetLanguageRequest = { preferredLanguage: language };
    return this.client.put(routePath(ApiRoutes.checks.kioskLanguage, { responseId }), request);
  }
  finishKiosk(responseId: string, decline: boolean): Promise<{ status: string }> {
    return this.client.post(routePath(decline ? ApiRoutes.checks.kioskDecline : ApiRoutes.checks.kioskSubmit, { responseId }));
  }

  observe(roundId: string, body: SaveObservationRequest): Promise<{ saved: true }> {
    return this.client.put(routePath(ApiRoutes.checks.observations, { roundId }), body);
  }

  /** `language`: the questions in the page's language where the instrument has a translation shown to staff. */
  form(code: string, language?: StaffLanguage): Promise<CheckForm> {
    // A POST: the first open starts the person's response.
    const query = language ? `?language=${encodeURIComponent(language)}` : '';
    return this.client.post(routePath(ApiRoutes.checks.answer, { code }) + query);
  }
  saveAnswer(code: string, itemKey: string, body: SaveAnswerRequest): Promise<SavedAnswer> {
    return this.client.put(routePath(ApiRoutes.checks.answerItem, { code, itemKey }), body);
  }
  finish(code: string, decline: boolean): Promise<CheckForm> {
    return this.client.post(routePath(decline ? ApiRoutes.checks.answerDecline : ApiRoutes.checks.answerSubmit, { code }));
  }

  mine(): Promise<MyChecks> {
    return this.client.get(ApiRoutes.checks.mine);
  }
  supportSignals(unitId: string): Promise<SupportSignal[]> {
    return this.client.get(ApiRoutes.checks.supportSignals, { unitId });
  }
  results(query: ResultsQuery): Promise<CheckResults> {
    return this.client.get(ApiRoutes.checks.results, { ...query });
  }
}
