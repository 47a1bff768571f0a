export { AmbassadorsModule } from './ambassadors.module';
export { loadDemoLibraryAndAmbassadors } from './demo-ambassadors';
