import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AmbassadorAppointment,
  AmbassadorQualification,
  AmbassadorReach,
  AmbassadorWorkload,
  ApiRoutes,
  CoverageTotals,
  MyAmbassadorOverview,
  NetworkCoverage,
  NetworkReach,
  UnitCoverage,
} from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { AmbassadorsService } from './ambassadors.service';
import {
  AppointmentListQueryDto,
  CoverageQueryDto,
  CreateAppointmentDto,
  CreateQualificationDto,
  QualificationListQueryDto,
  RenewQualificationDto,
  RevokeQualificationDto,
  UpdateAppointmentDto,
  WorkloadQueryDto,
} from './dto/ambassadors.dto';

@ApiTags('ambassadors')
@Controller()
export class AmbassadorsController {
  constructor(private readonly ambassadors: AmbassadorsService) {}

  @Permit('ambassadors.appointments', { unit: 'query.unitId' })
  @Get(ApiRoutes.ambassadors.appointments)
  appointments(@CallerParam() caller: Caller, @Query() query: AppointmentListQueryDto): Promise<AmbassadorAppointment[]> {
    return this.ambassadors.appointments(caller, query);
  }

  /** Managers appoint for their own units, HR and administrators for any unit; the person must be in their scope. */
  @Permit('ambassadors.appoint', { person: 'body.personId' })
  @Post(ApiRoutes.ambassadors.appointments)
  appoint(@CallerParam() caller: Caller, @Body() body: CreateAppointmentDto): Promise<AmbassadorAppointment> {
    return this.ambassadors.appoint(caller, body);
  }

  @Permit('ambassadors.appointment', { appointment: 'appointmentId' })
  @Get(ApiRoutes.ambassadors.appointment)
  appointment(@Param('appointmentId') appointmentId: string): Promise<AmbassadorAppointment> {
    return this.ambassadors.appointment(appointmentId);
  }

  @Permit('ambassadors.updateAppointment', { appointment: 'appointmentId' })
  @Patch(ApiRoutes.ambassadors.appointment)
  updateAppointment(
    @CallerParam() caller: Caller,
    @Param('appointmentId') appointmentId: string,
    @Body() body: UpdateAppointmentDto,
  ): Promise<AmbassadorAppointment> {
    return this.ambassadors.updateAppointment(caller, appointmentId, body);
  }

  @Permit('ambassadors.qualifications', { unit: 'query.unitId' })
  @Get(ApiRoutes.ambassadors.qualifications)
  qualifications(@CallerParam() caller: Caller, @Query() query: QualificationListQueryDto): Promise<AmbassadorQualification[]> {
    return this.ambassadors.qualifications(caller, query);
  }

  @Permit('ambassadors.qualify', { person: 'body.personId' })
  @Post(ApiRoutes.ambassadors.qualifications)
  qualify(@CallerParam() caller: Caller, @Body() body: CreateQualificationDto): Promise<AmbassadorQualification> {
    return this.ambassadors.qualify(caller, body);
  }

  @Permit('ambassadors.renew', { qualification: 'qualificationId' })
  @Post(ApiRoutes.ambassadors.renewQualification)
  renew(
    @CallerParam() caller: Caller,
    @Param('qualificationId') qualificationId: string,
    @Body() body: RenewQualificationDto,
  ): Promise<AmbassadorQualification> {
    return this.ambassadors.renew(caller, qualificationId, body);
  }

  @Permit('ambassadors.revoke', { qualification: 'qualificationId' })
  @Post(ApiRoutes.ambassadors.revokeQualification)
  @HttpCode(200)
  revoke(
    @CallerParam() caller: Caller,
    @Param('qualificationId') qualificationId: string,
    @Body() body: RevokeQualificationDto,
  ): Promise<AmbassadorQualification> {
    return this.ambassadors.revoke(caller, qualificationId, body.reason);
  }

  /** Each visible unit: active ambassadors, staff per ambassador and the flags for its manager and HR. */
  @Permit('ambassadors.coverage', { unit: 'query.unitId' })
  @Get(ApiRoutes.ambassadors.coverage)
  coverage(@CallerParam() caller: Caller, @Query() query: CoverageQueryDto): Promise<UnitCoverage[]> {
    return this.ambassadors.coverage(caller, query.unitId ?? null);
  }

  /** The same units together, each person once (not the sum of the units' counts: a person may work in two). */
  @Permit('ambassadors.coverageTotals', { unit: 'query.unitId' })
  @Get(ApiRoutes.ambassadors.coverageTotals)
  coverageTotals(@CallerParam() caller: Caller, @Query() query: CoverageQueryDto): Promise<CoverageTotals> {
    return this.ambassadors.coverageTotals(caller, query.unitId ?? null);
  }

  /** Who trained each ambassador and how far the training spread (counts only: no colleague is named). */
  @Permit('ambassadors.reach', { unit: 'query.unitId' })
  @Get(ApiRoutes.ambassadors.reach)
  reach(@CallerParam() caller: Caller, @Query() query: CoverageQueryDto): Promise<AmbassadorReach[]> {
    return this.ambassadors.reach(caller, query.unitId ?? null);
  }

  @Permit('ambassadors.workload', { unit: 'query.unitId' })
  @Get(ApiRoutes.ambassadors.workload)
  workload(@CallerParam() caller: Caller, @Query() query: WorkloadQueryDto): Promise<AmbassadorWorkload[]> {
    return this.ambassadors.workload(caller, query.unitId ?? null, query.month ?? null);
  }

  @Permit('ambassadors.networkCoverage')
  @Get(ApiRoutes.ambassadors.networkCoverage)
  networkCoverage(@CallerParam() caller: Caller): Promise<NetworkCoverage[]> {
    return this.ambassadors.networkCoverage(caller);
  }

  /** The cascade per organisation of the coordinator's networks: counts only, so no personal data crosses organisations. */
  @Permit('ambassadors.networkReach')
  @Get(ApiRoutes.ambassadors.networkReach)
  networkReach(@CallerParam() caller: Caller): Promise<NetworkReach[]> {
    return this.ambassadors.networkReach(caller);
  }

  @Permit('ambassadors.mine')
  @Get(ApiRoutes.ambassadors.me)
  mine(@CallerParam() caller: Caller): Promise<MyAmbassadorOverview> {
    return this.ambassadors.mine(caller);
  }
}
