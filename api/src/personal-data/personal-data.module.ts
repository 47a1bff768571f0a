import { Module, OnModuleInit } from '@nestjs/common';
import { defineJobKind, JobRegistry } from '../jobs';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataService } from './personal-data.service';

/** Daily: pseudonymise people whose employment ended longer ago than their organisation's retention. */
export const PERSONAL_DATA_RETENTION = defineJobKind<Record<string, never>>('personal-data.retention');

@Module({
  controllers: [PersonalDataController],
  providers: [PersonalDataService, PersonalDataRepository],
})
export class PersonalDataModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly personalData: PersonalDataService,
  ) {}

  onModuleInit(): void {
    this.registry.registerRecurring(PERSONAL_DATA_RETENTION, '0 0 * * *', async () => {
      await this.personalData.applyRetention();
    });
  }
}
