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
  PeriodQuery,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** Insight: team progress, plan and targets, costs, participation and the network comparison. */
@Injectable({ providedIn: 'root' })
export class InsightsApi {
  private readonly client = inject(ApiClient);

  team(unitId: string, period: PeriodQuery): Promise<TeamDashboard> {
    return this.client.call('GET', ApiRoutes.insights.team, { params: { unitId }, query: period });
  }

  plan(unitId: string): Promise<YearPlan> {
    return this.client.call('GET', ApiRoutes.insights.plan, { params: { unitId } });
  }

  createPlanEntry(unitId: string, request: CreatePlanEntryRequest): Promise<PlanEntry> {
    return this.client.call('POST', ApiRoutes.insights.planEntries, { params: { unitId }, body: request });
  }

  updatePlanEntry(unitId: string, entryId: string, request: UpdatePlanEntryRequest): Promise<PlanEntry> {
    return this.client.call('PATCH', ApiRoutes.insights.planEntry, { params: { unitId, entryId }, body: request });
  }

  deletePlanEntry(unitId: string, entryId: string): Promise<void> {
    return this.client.call('DELETE', ApiRoutes.insights.planEntry, { params: { unitId, entryId } });
  }

  createTarget(unitId: string, request: TargetRequest): Promise<TargetProgress> {
    return this.client.call('POST', ApiRoutes.insights.targets, { params: { unitId }, body: request });
  }

  deleteTarget(unitId: string, targetId: string): Promise<void> {
    return this.client.call('DELETE', ApiRoutes.insights.target, { params: { unitId, targetId } });
  }

  programs(): Promise<ProgramSummary[]> {
    return this.client.call('GET', ApiRoutes.library.programs);
  }

  costs(period: PeriodQuery): Promise<CostReport> {
    return this.client.call('GET', ApiRoutes.insights.costs, { query: period });
  }

  participation(query: InsightParticipationQuery): Promise<ParticipationBreakdown> {
    return this.client.call('GET', ApiRoutes.insights.participation, { query });
  }

  network(period: PeriodQuery): Promise<NetworkParticipation> {
    return this.client.call('GET', ApiRoutes.insights.networkParticipation, { query: period });
  }

  networkComparison(period: PeriodQuery): Promise<NetworkComparison> {
    return this.client.call('GET', ApiRoutes.insights.networkComparison, { query: period });
  }

  competence(query: CompetenceQuery): Promise<CompetenceBreakdown> {
    return this.client.call('GET', ApiRoutes.insights.competence, { query });
  }

  competenceTrend(query: CompetenceQuery): Promise<CompetenceTrend> {
    return this.client.call('GET', ApiRoutes.insights.competenceTrend, { query });
  }

  unitCompetence(unitId: string, period: PeriodQuery): Promise<UnitCompetence> {
    return this.client.call('GET', ApiRoutes.insights.unitCompetence, { params: { unitId }, query: period });
  }

  competenceProfiles(): Promise<CompetenceProfile[]> {
    return this.client.call('GET', ApiRoutes.insights.competenceProfiles);
  }

  /** Creates or replaces the profile under the given id (a retry changes nothing). */
  saveCompetenceProfile(profileId: string, request: CompetenceProfileRequest): Promise<CompetenceProfile> {
    return this.client.call('PUT', ApiRoutes.insights.competenceProfile, { params: { profileId }, body: request });
  }

  deleteCompetenceProfile(profileId: string): Promise<void> {
    return this.client.call('DELETE', ApiRoutes.insights.competenceProfile, { params: { profileId } });
  }

  unitCompetenceGap(unitId: string): Promise<UnitCompetenceGap> {
    return this.client.call('GET', ApiRoutes.insights.unitCompetenceGap, { params: { unitId } });
  }

  myCompetenceGap(): Promise<MyCompetenceGap> {
    return this.client.call('GET', ApiRoutes.insights.myCompetenceGap);
  }

  /** A download link for the funders' participant report (the browser sends the session cookie). */
  participantReportUrl(format: 'csv' | 'xlsx', period: PeriodQuery): string {
    return this.client.link(ApiRoutes.insights.participantReport, { query: { format, from: period.from, to: period.to } });
  }
}
