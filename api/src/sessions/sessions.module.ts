import { Module } from '@nestjs/common';
import { AmbassadorsModule } from '../ambassadors/ambassadors.module';
import { SessionsAccessGuard } from './sessions-access.guard';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Workplace sessions (tillfällen): scheduling, series, conflicts, attendance, catch-up, individual support, hours. */
@Module({
  imports: [AmbassadorsModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, SessionsService, SessionsAccessGuard],
  exports: [SessionsService, SessionsRepository],
})
export class SessionsModule {}
