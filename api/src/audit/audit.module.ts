import { Global, Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from '../database/audit.service';

@Global()
@Module({ controllers: [AuditLogController], providers: [AuditService, AuditRepository, AuditLogService], exports: [AuditService] })
export class AuditModule {}
