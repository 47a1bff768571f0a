import { Module } from '@nestjs/common';
import { CostsRepository } from './costs.repository';
import { InsightsController } from './insights.controller';
import { InsightsService } from './insights.service';
import { PlanRepository } from './plan.repository';
import { TeamRepository } from './team.repository';

/** Insight for managers, HR and coordinators: team progress, year plan and targets, costs, participation. */
@Module({
  controllers: [InsightsController],
  providers: [TeamRepository, PlanRepository, CostsRepository, InsightsService],
})
export class InsightsModule {}
