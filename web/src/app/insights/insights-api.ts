import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CreatePlanEntryRequest,
  PlanEntry,
  UpdatePlanEntryRequest,
  CompetenceBreakdown,
  CompetenceProfile,
  CompetenceProfileRequest,
  CompetenceQuery,
  CompetenceTrend,
  CostReport,
  InsightParticipationQuery,
  MyCompetenceGap,
  NetworkComparison,
  NetworkParticipation,
  ParticipationBreakdown,
  ProgramSummary,
  TargetProgress,
  TargetRequest,
  TeamDashboard,
  UnitCompetence,
  UnitCompetenceGap,
  YearPlan,
  routePath,
} from '@kunna/contracts';
import { api, ApiClient, Query } from '../core/api-client';

/** Insight: team progress, plan and targets, costs, participation and the network comparison. */
@Injectable({ providedIn: 'root' })
export class InsightsApi {
  private readonly client = inject(ApiClient);

  team(unitId: string, period: Query): Promise<TeamDashboard> {
    return this.client.get<TeamDashboard>(routePath(ApiRoutes.insights.team, { unitId }), period);
  }

  plan(unitId: string): Promise<YearPlan> {
    return this.client.get<YearPlan>(routePath(ApiRoutes.insights.plan, { unitId }));
  }

  createPlanEntry(unitId: string, request: CreatePlanEntryRequest): Promise<PlanEntry> {
    return this.client.post<PlanEntry>(routePath(ApiRoutes.insights.planEntries, { unitId }), request);
  }

  updatePlanEntry(unitId: string, entryId: string, request: UpdatePlanEntryRequest): Promise<PlanEntry> {
    return this.client.patch<PlanEntry>(routePath(ApiRoutes.insights.planEntry, { unitId, entryId }), request);
  }

  deletePlanEntry(unitId: string, entryId: string): Promise<void> {
    return this.client.delete(routePath(ApiRoutes.insights.planEntry, { unitId, entryId }));
  }

  createTarget(unitId: string, request: TargetRequest): Promise<TargetProgress> {
    return this.client.post<TargetProgress>(routePath(ApiRoutes.insights.targets, { unitId }), request);
  }

  deleteTarget(unitId: string, targetId: string): Promise<void> {
    return this.client.delete(routePath(ApiRoutes.insights.target, { unitId, targetId }));
  }

  programs(): Promise<ProgramSummary[]> {
    return this.client.get<ProgramSummary[]>(ApiRoutes.library.programs);
  }

  costs(period: Query): Promise<CostReport> {
    return this.client.get<CostReport>(ApiRoutes.insights.costs, period);
  }

  participation(query: InsightParticipationQuery): Promise<ParticipationBreakdown> {
    return this.client.get<ParticipationBreakdown>(ApiRoutes.insights.participation, { ...query });
  }

  network(period: Query): Promise<NetworkParticipation> {
    return this.client.get<NetworkParticipation>(ApiRoutes.insights.networkParticipation, period);
  }

  networkComparison(period: Query): Promise<NetworkComparison> {
    return this.client.get<NetworkComparison>(ApiRoutes.insights.networkComparison, period);
  }

  competence(query: CompetenceQuery): Promise<CompetenceBreakdown> {
    return this.client.get<CompetenceBreakdown>(ApiRoutes.insights.competence, { ...query });
  }

  competenceTrend(query: CompetenceQuery): Promise<CompetenceTrend> {
    return this.client.get<CompetenceTrend>(ApiRoutes.insights.competenceTrend, { ...query });
  }

  unitCompetence(unitId: string, period: Query): Promise<UnitCompetence> {
    return this.client.get<UnitCompetence>(routePath(ApiRoutes.insights.unitCompetence, { unitId }), period);
  }

  competenceProfiles(): Promise<CompetenceProfile[]> {
    return this.client.get<CompetenceProfile[]>(ApiRoutes.insights.competenceProfiles);
  }

  /** Creates or replaces the profile under the given id (a retry changes nothing). */
  saveCompetenceProfile(profileId: string, request: CompetenceProfileRequest): Promise<CompetenceProfile> {
    return this.client.put<CompetenceProfile>(routePath(ApiRoutes.insights.competenceProfile, { profileId }), request);
  }

  deleteCompetenceProfile(profileId: string): Promise<void> {
    return this.client.delete(routePath(ApiRoutes.insights.competenceProfile, { profileId }));
  }

  unitCompetenceGap(unitId: string): Promise<UnitCompetenceGap> {
    return this.client.get<UnitCompetenceGap>(routePath(ApiRoutes.insights.unitCompetenceGap, { unitId }));
  }

  myCompetenceGap(): Promise<MyCompetenceGap> {
    return this.client.get<MyCompetenceGap>(ApiRoutes.insights.myCompetenceGap);
  }

  /** A download link for the funders' participant report (the browser sends the session cookie). */
  participantReportUrl(format: 'csv' | 'xlsx', period: { from?: string; to?: string }): string {
    const query = new URLSearchParams({ format, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });
    return `${api(ApiRoutes.insights.participantReport)}?${query.toString()}`;
  }
}
