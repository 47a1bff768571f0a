import { Module } from '@nestjs/common';
import { AmbassadorsAccessGuard } from './ambassadors-access.guard';
import { AmbassadorsController } from './ambassadors.controller';
import { AmbassadorsRepository } from './ambassadors.repository';
import { AmbassadorsService } from './ambassadors.service';

/** Train-the-trainer: ambassador appointments, qualifications and coverage. */
@Module({
  controllers: [AmbassadorsController],
  providers: [AmbassadorsRepository, AmbassadorsService, AmbassadorsAccessGuard],
  exports: [AmbassadorsService],
})
export class AmbassadorsModule {}
