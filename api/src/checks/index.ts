export { ChecksModule } from './checks.module';
export { ChecksService } from './checks.service';
export { ChecksRepository } from './checks.repository';
