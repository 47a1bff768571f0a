import { Module, OnModuleInit } from '@nestjs/common';
import { KeptViews } from '../snapshots';
import { ChecksModule } from '../checks';
import { CompetenceController } from './competence.controller';
import { CompetenceRepository } from './competence.repository';
import { CompetenceService, KEPT_BREAKDOWN, KEPT_TREND } from './competence.service';
import { ParticipationQueryDto, PeriodQueryDto } from './dto/insights.dto';
import { CostsRepository } from './costs.repository';
import { InsightsController } from './insights.controller';
import { InsightsService, KEPT_COSTS, KEPT_PARTICIPATION } from './insights.service';
import { NetworkController } from './network.controller';
import { NetworkRepository } from './network.repository';
import { NetworkService } from './network.service';
import { PlanRepository } from './plan.repository';
import { ProfilesController } from './profiles.controller';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesService } from './profiles.service';
import { TeamRepository } from './team.repository';

/** Insight for managers, HR and coordinators: team progress, year plan and targets, costs, participation, competence. */
@Module({
  imports: [ChecksModule],
  controllers: [InsightsController, CompetenceController, ProfilesController, NetworkController],
  providers: [
    TeamRepository,
    PlanRepository,
    CostsRepository,
    CompetenceRepository,
    InsightsService,
    CompetenceService,
    ProfilesRepository,
    ProfilesService,
    NetworkRepository,
    NetworkService,
  ],
  exports: [InsightsService],
})
export class InsightsModule implements OnModuleInit {
  constructor(
    private readonly keptViews: KeptViews,
    private readonly insights: InsightsService,
    private readonly competence: CompetenceService,
  ) {}

  onModuleInit(): void {
    this.keptViews.define(KEPT_PARTICIPATION, (caller, query: ParticipationQueryDto) => this.insights.computeParticipation(caller, query));
    this.keptViews.define(KEPT_COSTS, (caller, query: PeriodQueryDto) => this.insights.computeCostReport(caller, query));
    this.keptViews.define(KEPT_BREAKDOWN, (caller, query: ParticipationQueryDto) => this.competence.computeBreakdown(caller, query));
    this.keptViews.define(KEPT_TREND, (caller, query: ParticipationQueryDto) => this.competence.computeTrend(caller, query));
  }
}
