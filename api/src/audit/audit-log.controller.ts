import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, AuditLogPage, AuditRetention, Role } from '@kunna/contracts';
import { Access, type Caller, CallerParam, OWN_ORGANISATION } from '../auth';
import { AuditLogService } from './audit-log.service';
import { AuditLogQueryDto, AuditRetentionDto } from './dto/audit.dto';

/** The organisation's audit log: searchable by its admins, never editable through the API. */
@ApiTags('audit')
@Controller()
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Access({ roles: [Role.OrgAdmin], target: OWN_ORGANISATION })
  @Get(ApiRoutes.audit.log)
  search(@CallerParam() caller: Caller, @Query() query: AuditLogQueryDto): Promise<AuditLogPage> {
    return this.auditLog.search(caller, query);
  }

  @Access({ roles: [Role.OrgAdmin], target: OWN_ORGANISATION })
  @Get(ApiRoutes.audit.retention)
  retention(@CallerParam() caller: Caller): Promise<AuditRetention> {
    return this.auditLog.retention(caller);
  }

  @Access({ roles: [Role.OrgAdmin], target: OWN_ORGANISATION })
  @Put(ApiRoutes.audit.retention)
  setRetention(@CallerParam() caller: Caller, @Body() body: AuditRetentionDto): Promise<AuditRetention> {
    return this.auditLog.setRetention(caller, body.retentionDays);
  }
}
