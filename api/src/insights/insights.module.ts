import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks';
import { CompetenceController } from './competence.controller';
import { CompetenceRepository } from './competence.repository';
import { CompetenceService } from './competence.service';
import { CostsRepository } from './costs.repository';
import { InsightsController } from './insights.controller';
import { InsightsService } from './insights.service';
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
  providers: [TeamRepository, PlanRepository, CostsRepository, CompetenceRepository, InsightsService, CompetenceService, ProfilesRepository, ProfilesService, NetworkRepository, NetworkService],
  exports: [InsightsService],
})
export class InsightsModule {}
