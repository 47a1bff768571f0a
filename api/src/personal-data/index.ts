export { PersonalDataService } from './personal-data.service';
export { PersonalDataModule } from './personal-data.module';
