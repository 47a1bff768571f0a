import { Injectable, inject } from '@angular/core';
import {
  AmbassadorAppointment,
  AmbassadorQualification,
  AmbassadorReach,
  AmbassadorWorkload,
  ApiRoutes,
  AppointmentListQuery,
  CoverageTotals,
  CreateAppointmentRequest,
  CreateQualificationRequest,
  MyAmbassadorOverview,
  NetworkCoverage,
  NetworkReach,
  QualificationListQuery,
  ReachQuery,
  RenewQualificationRequest,
  UnitCoverage,
  UpdateAppointmentRequest,
  WorkloadQuery,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** Appointments, qualifications and coverage of ambassadors (narrowed by the API to the caller's scope). */
@Injectable({ providedIn: 'root' })
export class AmbassadorsApi {
  private readonly client = inject(ApiClient);

  coverage(unitId?: string): Promise<UnitCoverage[]> {
    return this.client.call('GET', ApiRoutes.ambassadors.coverage, { query: { unitId } });
  }

  /** The units of `coverage(unitId)` together, each person once (not the sum of the units' staff). */
  coverageTotals(unitId?: string): Promise<CoverageTotals> {
    return this.client.call('GET', ApiRoutes.ambassadors.coverageTotals, { query: { unitId } });
  }

  networkCoverage(): Promise<NetworkCoverage[]> {
    return this.client.call('GET', ApiRoutes.ambassadors.networkCoverage);
  }

  networkReach(): Promise<NetworkReach[]> {
    return this.client.call('GET', ApiRoutes.ambassadors.networkReach);
  }

  appointments(query: AppointmentListQuery = {}): Promise<AmbassadorAppointment[]> {
    return this.client.call('GET', ApiRoutes.ambassadors.appointments, { query });
  }

  appoint(request: CreateAppointmentRequest): Promise<AmbassadorAppointment> {
    return this.client.call('POST', ApiRoutes.ambassadors.appointments, { body: request });
  }

  updateAppointment(appointmentId: string, request: UpdateAppointmentRequest): Promise<AmbassadorAppointment> {
    return this.client.call('PATCH', ApiRoutes.ambassadors.appointment, { params: { appointmentId }, body: request });
  }

  qualifications(query: QualificationListQuery = {}): Promise<AmbassadorQualification[]> {
    return this.client.call('GET', ApiRoutes.ambassadors.qualifications, { query });
  }

  qualify(request: CreateQualificationRequest): Promise<AmbassadorQualification> {
    return this.client.call('POST', ApiRoutes.ambassadors.qualifications, { body: request });
  }

  renew(qualificationId: string, request: RenewQualificationRequest): Promise<AmbassadorQualification> {
    return this.client.call('POST', ApiRoutes.ambassadors.renewQualification, { params: { qualificationId }, body: request });
  }

  revoke(qualificationId: string, reason: string): Promise<AmbassadorQualification> {
    return this.client.call('POST', ApiRoutes.ambassadors.revokeQualification, { params: { qualificationId }, body: { reason } });
  }

  reach(query: ReachQuery = {}): Promise<AmbassadorReach[]> {
    return this.client.call('GET', ApiRoutes.ambassadors.reach, { query });
  }

  workload(query: WorkloadQuery = {}): Promise<AmbassadorWorkload[]> {
    return this.client.call('GET', ApiRoutes.ambassadors.workload, { query });
  }

  mine(): Promise<MyAmbassadorOverview> {
    return this.client.call('GET', ApiRoutes.ambassadors.me);
  }
}
