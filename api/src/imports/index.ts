export { ImportsModule } from './imports.module';
export { ImportsRepository } from './imports.repository';
