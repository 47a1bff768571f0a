import { Module } from '@nestjs/common';
import { ChecksAccessGuard } from './checks-access.guard';
import { ChecksController } from './checks.controller';
import { ChecksRepository } from './checks.repository';
import { ChecksService } from './checks.service';

/** Before/after competence checks: instruments, assignments, answering, own results, support signals, aggregates. */
@Module({
  controllers: [ChecksController],
  providers: [ChecksRepository, ChecksService, ChecksAccessGuard],
  exports: [ChecksService, ChecksRepository],
})
export class ChecksModule {}
