import { Module, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../jobs';
import { ChecksListeners } from './checks-listeners';
import { ChecksPermitObjects } from './checks-permit-objects';
import { ChecksController } from './checks.controller';
import { ChecksRepository } from './checks.repository';
import { ChecksService, FOLLOW_UP_CHECK, KEPT_RESULTS } from './checks.service';
import { KeptViews } from '../snapshots';
import type { ResultsQuery } from '@kunna/contracts';
import { TranslationsController } from './translations/translations.controller';
import { TranslationsRepository } from './translations/translations.repository';
import { TranslationsService } from './translations/translations.service';

/** Before/after competence checks: instruments, assignments, answering, own results, support signals, aggregates. */
@Module({
  controllers: [ChecksController, TranslationsController],
  providers: [ChecksRepository, ChecksService, ChecksPermitObjects, ChecksListeners, TranslationsRepository, TranslationsService],
  exports: [ChecksService, ChecksRepository],
})
export class ChecksModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly checks: ChecksService,
    private readonly keptViews: KeptViews,
  ) {}

  onModuleInit(): void {
    this.registry.register(FOLLOW_UP_CHECK, (payload) => this.checks.openFollowUp(payload.assignmentId));
    this.keptViews.define(KEPT_RESULTS, (caller, query: ResultsQuery) => this.checks.computeResults(caller, query));
  }
}
