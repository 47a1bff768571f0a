import { Module, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../jobs';
import { KeptViews } from '../snapshots';
import { ChecksModule } from '../checks';
import { CompetenceController } from './competence/competence.controller';
import { CompetenceRepository } from './competence/competence.repository';
import { CompetenceService, KEPT_BREAKDOWN, KEPT_TREND } from './competence/competence.service';
import { CostsController } from './costs/costs.controller';
import { CostsRepository } from './costs/costs.repository';
import { CostsService, KEPT_COSTS, KEPT_PARTICIPATION, SETTLE_PARTICIPATION_YEARS } from './costs/costs.service';
import { NetworkController } from './network/network.controller';
import { NetworkRepository } from './network/network.repository';
import { NetworkService } from './network/network.service';
import { PlansController } from './plans/plans.controller';
import { PlansRepository } from './plans/plans.repository';
import { PlansService } from './plans/plans.service';
import { ProfilesController } from './profiles/profiles.controller';
import { ProfilesRepository } from './profiles/profiles.repository';
import { ProfilesService } from './profiles/profiles.service';
import { InsightsRepository } from './shared/insights.repository';
import { ParticipationQueryDto, PeriodQueryDto } from './shared/query.dto';
import { TeamController } from './team/team.controller';
import { TeamRepository } from './team/team.repository';
import { TeamService } from './team/team.service';

/**
 * Insight for managers, HR and coordinators, one folder per job (README.md): team progress, year plan and targets,
 * costs and participation, competence, competence profiles, the network's views.
 */
@Module({
  imports: [ChecksModule],
  controllers: [TeamController, PlansController, CostsController, NetworkController, CompetenceController, ProfilesController],
  providers: [
    InsightsRepository,
    TeamRepository,
    TeamService,
    PlansRepository,
    PlansService,
    CostsRepository,
    CostsService,
    CompetenceRepository,
    CompetenceService,
    ProfilesRepository,
    ProfilesService,
    NetworkRepository,
    NetworkService,
  ],
  exports: [TeamService],
})
export class InsightsModule implements OnModuleInit {
  constructor(
    private readonly keptViews: KeptViews,
    private readonly costs: CostsService,
    private readonly competence: CompetenceService,
    private readonly registry: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerRecurring(SETTLE_PARTICIPATION_YEARS, '*/5 * * * *', async () => {
      await this.costs.settleParticipationYears();
    });
    this.keptViews.define(KEPT_PARTICIPATION, (caller, query: ParticipationQueryDto) => this.costs.computeParticipation(caller, query));
    this.keptViews.define(KEPT_COSTS, (caller, query: PeriodQueryDto) => this.costs.computeCostReport(caller, query));
    this.keptViews.define(KEPT_BREAKDOWN, (caller, query: ParticipationQueryDto) => this.competence.computeBreakdown(caller, query));
    this.keptViews.define(KEPT_TREND, (caller, query: ParticipationQueryDto) => this.competence.computeTrend(caller, query));
  }
}
