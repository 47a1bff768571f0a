import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks';
import { ImportsModule } from '../imports';
import { InsightsModule } from '../insights';
import { SessionsModule } from '../sessions';
import { TodayController } from './today.controller';
import { TodayRepository } from './today.repository';
import { TodayService } from './today.service';

/** The start page's "what do I do now" for every role (README.md in this folder). */
@Module({
  imports: [SessionsModule, ChecksModule, InsightsModule, ImportsModule],
  controllers: [TodayController],
  providers: [TodayRepository, TodayService],
})
export class TodayModule {}
