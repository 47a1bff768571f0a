// AuditService comes before the module: auth imports it while audit's controller is still loading auth (see auth/index.ts).
export { AuditService } from './audit.service';
export { AuditModule } from './audit.module';
