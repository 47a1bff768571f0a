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
  routePath,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** Sessions, series and attendance (see api/src/sessions/README.md). */
@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly client = inject(ApiClient);

  list(query: { unitId?: string; from?: string; to?: string; includeCancelled?: boolean }): Promise<SessionSummary[]> {
    return this.client.get<SessionSummary[]>(ApiRoutes.sessions.list, { ...query, includeCancelled: query.includeCancelled ? 'true' : undefined });
  }

  mine(date?: string): Promise<SessionSummary[]> {
    return this.client.get<SessionSummary[]>(ApiRoutes.sessions.mine, { date });
  }

  detail(sessionId: string): Promise<SessionDetail> {
    return this.client.get<SessionDetail>(routePath(ApiRoutes.sessions.one, { sessionId }));
  }

  create(request: CreateSessionRequest): Promise<SessionDetail> {
    return this.client.post<SessionDetail>(ApiRoutes.sessions.list, request);
  }

  createSeries(request: CreateSeriesRequest): Promise<SessionSeries> {
    return this.client.post<SessionSeries>(ApiRoutes.sessions.series, request);
  }

  update(sessionId: string, request: UpdateSessionRequest): Promise<SessionDetail> {
    return this.client.patch<SessionDetail>(routePath(ApiRoutes.sessions.one, { sessionId }), request);
  }

  conflicts(request: SessionConflictCheckRequest): Promise<SessionConflict[]> {
    return this.client.post<SessionConflict[]>(ApiRoutes.sessions.conflictCheck, request);
  }

  attendance(sessionId: string): Promise<SessionAttendance> {
    return this.client.get<SessionAttendance>(routePath(ApiRoutes.sessions.attendance, { sessionId }));
  }

  recordAttendance(sessionId: string, request: AttendanceBatchRequest): Promise<AttendanceBatchResult> {
    return this.client.post<AttendanceBatchResult>(routePath(ApiRoutes.sessions.attendance, { sessionId }), request);
  }

  /** Clears one mark the server has (idempotent); `clearedAt` is this device's time, like a mark's. */
  clearMark(sessionId: string, markId: string, clearedAt: string): Promise<void> {
    const path = routePath(ApiRoutes.sessions.attendanceMark, { sessionId, markId });
    return this.client.delete(`${path}?clearedAt=${encodeURIComponent(clearedAt)}`);
  }

  walkInCandidates(sessionId: string, q: string): Promise<WalkInCandidate[]> {
    return this.client.get<WalkInCandidate[]>(routePath(ApiRoutes.sessions.walkInCandidates, { sessionId }), { q });
  }

  participation(unitId: string): Promise<ParticipationReport> {
    return this.client.get<ParticipationReport>(ApiRoutes.sessions.participation, { unitId });
  }

  updateSeries(seriesId: string, request: UpdateSeriesRequest): Promise<SessionSeries> {
    return this.client.patch<SessionSeries>(routePath(ApiRoutes.sessions.oneSeries, { seriesId }), request);
  }

  catchUp(unitId: string): Promise<CatchUpOverview> {
    return this.client.get<CatchUpOverview>(routePath(ApiRoutes.sessions.catchUp, { unitId }));
  }

  support(query: SupportListQuery): Promise<SupportEntry[]> {
    return this.client.get<SupportEntry[]>(ApiRoutes.sessions.support, { ...query });
  }

  logSupport(request: CreateSupportEntryRequest): Promise<SupportEntry> {
    return this.client.post<SupportEntry>(ApiRoutes.sessions.support, request);
  }

  modules(): Promise<ModuleSummary[]> {
    return this.client.get<ModuleSummary[]>(ApiRoutes.library.modules);
  }
}
