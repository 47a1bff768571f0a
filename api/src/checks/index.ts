export { pairElements, pairRecords, ratedInputs, type InvitedPerson, type LevelElement, type ResponseData } from './aggregate';
export { AnsweringRepository } from './answering/answering.repository';
export { AnsweringService } from './answering/answering.service';
export { ChecksModule } from './checks.module';
export { loadDemoChecks } from './demo-checks';
export { ResultsRepository } from './results/results.repository';
export { RoundsRepository } from './rounds/rounds.repository';
export { RoundsService } from './rounds/rounds.service';
