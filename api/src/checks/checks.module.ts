import { Module, OnModuleInit } from '@nestjs/common';
import type { ResultsQuery } from '@kunna/contracts';
import { JobRegistry } from '../jobs';
import { KeptViews } from '../snapshots';
import { AnsweringController } from './answering/answering.controller';
import { AnsweringRepository } from './answering/answering.repository';
import { AnsweringService } from './answering/answering.service';
import { ChecksListeners } from './checks-listeners';
import { ChecksPermitObjects } from './checks-permit-objects';
import { InstrumentsController } from './instruments/instruments.controller';
import { InstrumentsRepository } from './instruments/instruments.repository';
import { InstrumentsService } from './instruments/instruments.service';
import { ResultsController } from './results/results.controller';
import { ResultsRepository } from './results/results.repository';
import { KEPT_RESULTS, ResultsService } from './results/results.service';
import { RoundsController } from './rounds/rounds.controller';
import { RoundsRepository } from './rounds/rounds.repository';
import { FOLLOW_UP_CHECK, RoundsService } from './rounds/rounds.service';
import { TranslationsController } from './translations/translations.controller';
import { TranslationsRepository } from './translations/translations.repository';
import { TranslationsService } from './translations/translations.service';

/**
 * Before/after competence checks: instruments, assignments, answering, own results, support signals, aggregates.
 * Individual answers go to one place only: the person who gave them; ambassadors get names in support signals, never
 * answers; managers, HR and administrators get protected aggregates. The controllers keep this order: it is the order
 * of the routes and of the API document.
 */
@Module({
  controllers: [InstrumentsController, RoundsController, AnsweringController, ResultsController, TranslationsController],
  providers: [
    InstrumentsRepository,
    InstrumentsService,
    RoundsRepository,
    RoundsService,
    AnsweringRepository,
    AnsweringService,
    ResultsRepository,
    ResultsService,
    ChecksPermitObjects,
    ChecksListeners,
    TranslationsRepository,
    TranslationsService,
  ],
  exports: [RoundsService, RoundsRepository, AnsweringService, AnsweringRepository, ResultsRepository],
})
export class ChecksModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly rounds: RoundsService,
    private readonly results: ResultsService,
    private readonly keptViews: KeptViews,
  ) {}

  onModuleInit(): void {
    this.registry.register(FOLLOW_UP_CHECK, (payload) => this.rounds.openFollowUp(payload.assignmentId));
    this.keptViews.define(KEPT_RESULTS, (caller, query: ResultsQuery) => this.results.computeResults(caller, query));
  }
}
