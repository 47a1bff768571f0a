import { Module } from '@nestjs/common';
import { AmbassadorsListeners } from './ambassadors-listeners';
import { AmbassadorsPermitObjects } from './ambassadors-permit-objects';
import { AmbassadorsController } from './ambassadors.controller';
import { AmbassadorsRepository } from './ambassadors.repository';
import { AmbassadorsService } from './ambassadors.service';

/** Train-the-trainer: ambassador appointments, qualifications and coverage. */
@Module({
  controllers: [AmbassadorsController],
  providers: [AmbassadorsRepository, AmbassadorsService, AmbassadorsPermitObjects, AmbassadorsListeners],
})
export class AmbassadorsModule {}
