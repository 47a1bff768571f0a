import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, AuditLogPage, AuditRetention } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { AuditLogService } from './audit-log.service';
import { AuditLogQueryDto, AuditRetentionDto } from './dto/audit.dto';

/** The organisation's audit log: searchable by its admins, never editable through the API. */
@ApiTags('audit')
@Controller()
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Permit('auditLog.search')
  @Get(ApiRoutes.audit.log)
  search(@CallerParam() caller: Caller, @Query() query: AuditLogQueryDto): Promise<AuditLogPage> {
    return this.auditLog.search(caller, query);
  }

  @Permit('auditLog.retention')
  @Get(ApiRoutes.audit.retention)
  retention(@CallerParam() caller: Caller): Promise<AuditRetention> {
    return this.auditLog.retention(caller);
  }

  @Permit('auditLog.setRetention')
  @Put(ApiRoutes.audit.retention)
  setRetention(@CallerParam() caller: Caller, @Body() body: AuditRetentionDto): Promise<AuditRetention> {
    return this.auditLog.setRetention(caller, body.retentionDays);
  }
}
