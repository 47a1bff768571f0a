import { Module } from '@nestjs/common';
import { AmbassadorsPermitObjects } from './ambassadors-permit-objects';
import { AmbassadorsController } from './ambassadors.controller';
import { AmbassadorsRepository } from './ambassadors.repository';
import { AmbassadorsService } from './ambassadors.service';

/** Train-the-trainer: ambassador appointments, qualifications and coverage. */
@Module({
  controllers: [AmbassadorsController],
  providers: [AmbassadorsRepository, AmbassadorsService, AmbassadorsPermitObjects],
  exports: [AmbassadorsService],
})
export class AmbassadorsModule {}
