import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  AttendanceBatchRequest,
  AttendanceBatchResult,
  CatchUpOverview,
  CreateSupportEntryRequest,
  CreateSeriesRequest,
  CreateSessionRequest,
  ModuleSummary,
  ParticipationReport,
  SessionAttendance,
  SessionConflict,
  SessionConflictCheckRequest,
  SessionDetail,
  SessionSeries,
  SessionSummary,
  SupportEntry,
  SupportListQuery,
  UpdateSeriesRequest,
  UpdateSessionRequest,
  WalkInCandidate,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** Sessions, series and attendance (see api/src/sessions/README.md). */
@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly client = inject(ApiClient);

  list(query: { unitId?: string; from?: string; to?: string; includeCancelled?: boolean }): Promise<SessionSummary[]> {
    return this.client.call('GET', ApiRoutes.sessions.list, { query: { ...query, includeCancelled: query.includeCancelled ? 'true' : undefined } });
  }

  mine(date?: string): Promise<SessionSummary[]> {
    return this.client.call('GET', ApiRoutes.sessions.mine, { query: { date } });
  }

  detail(sessionId: string): Promise<SessionDetail> {
    return this.client.call('GET', ApiRoutes.sessions.one, { params: { sessionId } });
  }

  create(request: CreateSessionRequest): Promise<SessionDetail> {
    return this.client.call('POST', ApiRoutes.sessions.list, { body: request });
  }

  createSeries(request: CreateSeriesRequest): Promise<SessionSeries> {
    return this.client.call('POST', ApiRoutes.sessions.series, { body: request });
  }

  update(sessionId: string, request: UpdateSessionRequest): Promise<SessionDetail> {
    return this.client.call('PATCH', ApiRoutes.sessions.one, { params: { sessionId }, body: request });
  }

  conflicts(request: SessionConflictCheckRequest): Promise<SessionConflict[]> {
    return this.client.call('POST', ApiRoutes.sessions.conflictCheck, { body: request });
  }

  attendance(sessionId: string): Promise<SessionAttendance> {
    return this.client.call('GET', ApiRoutes.sessions.attendance, { params: { sessionId } });
  }

  recordAttendance(sessionId: string, request: AttendanceBatchRequest): Promise<AttendanceBatchResult> {
    return this.client.call('POST', ApiRoutes.sessions.attendance, { params: { sessionId }, body: request });
  }

  /** Clears one mark the server has (idempotent); `clearedAt` is this device's time, like a mark's. */
  clearMark(sessionId: string, markId: string, clearedAt: string): Promise<void> {
    return this.client.call('DELETE', ApiRoutes.sessions.attendanceMark, { params: { sessionId, markId }, query: { clearedAt } });
  }

  walkInCandidates(sessionId: string, q: string): Promise<WalkInCandidate[]> {
    return this.client.call('GET', ApiRoutes.sessions.walkInCandidates, { params: { sessionId }, query: { q } });
  }

  participation(unitId: string): Promise<ParticipationReport> {
    return this.client.call('GET', ApiRoutes.sessions.participation, { query: { unitId } });
  }

  updateSeries(seriesId: string, request: UpdateSeriesRequest): Promise<SessionSeries> {
    return this.client.call('PATCH', ApiRoutes.sessions.oneSeries, { params: { seriesId }, body: request });
  }

  catchUp(unitId: string): Promise<CatchUpOverview> {
    return this.client.call('GET', ApiRoutes.sessions.catchUp, { params: { unitId } });
  }

  support(query: SupportListQuery): Promise<SupportEntry[]> {
    return this.client.call('GET', ApiRoutes.sessions.support, { query });
  }

  logSupport(request: CreateSupportEntryRequest): Promise<SupportEntry> {
    return this.client.call('POST', ApiRoutes.sessions.support, { body: request });
  }

  modules(): Promise<ModuleSummary[]> {
    return this.client.call('GET', ApiRoutes.library.modules);
  }
}
