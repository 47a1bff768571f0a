import { Global, Module } from '@nestjs/common';
import { PrivacyGate } from './privacy-gate.service';
import { PrivacyRepository } from './privacy.repository';

/** The one privacy gate every aggregate passes (see privacy-gate.service.ts). */
@Global()
@Module({
  providers: [PrivacyRepository, PrivacyGate],
  exports: [PrivacyGate],
})
export class PrivacyModule {}
