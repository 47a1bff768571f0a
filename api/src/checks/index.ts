export { pairElements, pairRecords, ratedInputs, type InvitedPerson, type LevelElement, type ResponseData } from './aggregate';
export { ChecksRepository } from './checks.repository';
export { ChecksService, KIOSK_ROLES } from './checks.service';
export { ChecksModule } from './checks.module';
export { loadDemoChecks } from './demo-checks';
