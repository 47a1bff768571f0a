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
  routePath,
} from '@kunna/contracts';
import { ApiClient, Query } from '../core/api-client';

/** Appointments, qualifications and coverage of ambassadors (narrowed by the API to the caller's scope). */
@Injectable({ providedIn: 'root' })
export class AmbassadorsApi {
  private readonly client = inject(ApiClient);

  coverage(unitId?: string): Promise<UnitCoverage[]> {
    return this.client.get<UnitCoverage[]>(ApiRoutes.ambassadors.coverage, { unitId });
  }

  /** The units of `coverage(unitId)` together, each person once (not the sum of the units' staff). */
  coverageTotals(unitId?: string): Promise<CoverageTotals> {
    return this.client.get<CoverageTotals>(ApiRoutes.ambassadors.coverageTotals, { unitId });
  }

  networkCoverage(): Promise<NetworkCoverage[]> {
    return this.client.get<NetworkCoverage[]>(ApiRoutes.ambassadors.networkCoverage);
  }

  networkReach(): Promise<NetworkReach[]> {
    return this.client.get<NetworkReach[]>(ApiRoutes.ambassadors.networkReach);
  }

  appointments(query: AppointmentListQuery = {}): Promise<AmbassadorAppointment[]> {
    return this.client.get<AmbassadorAppointment[]>(ApiRoutes.ambassadors.appointments, query as Query);
  }

  appoint(request: CreateAppointmentRequest): Promise<AmbassadorAppointment> {
    return this.client.post<AmbassadorAppointment>(ApiRoutes.ambassadors.appointments, request);
  }

  updateAppointment(appointmentId: string, request: UpdateAppointmentRequest): Promise<AmbassadorAppointment> {
    return this.client.patch<AmbassadorAppointment>(routePath(ApiRoutes.ambassadors.appointment, { appointmentId }), request);
  }

  qualifications(query: QualificationListQuery = {}): Promise<AmbassadorQualification[]> {
    return this.client.get<AmbassadorQualification[]>(ApiRoutes.ambassadors.qualifications, query as Query);
  }

  qualify(request: CreateQualificationRequest): Promise<AmbassadorQualification> {
    return this.client.post<AmbassadorQualification>(ApiRoutes.ambassadors.qualifications, request);
  }

  renew(qualificationId: string, request: RenewQualificationRequest): Promise<AmbassadorQualification> {
    return this.client.post<AmbassadorQualification>(routePath(ApiRoutes.ambassadors.renewQualification, { qualificationId }), request);
  }

  revoke(qualificationId: string, reason: string): Promise<AmbassadorQualification> {
    return this.client.post<AmbassadorQualification>(routePath(ApiRoutes.ambassadors.revokeQualification, { qualificationId }), { reason });
  }

  reach(query: ReachQuery = {}): Promise<AmbassadorReach[]> {
    return this.client.get<AmbassadorReach[]>(ApiRoutes.ambassadors.reach, query as Query);
  }

  workload(query: WorkloadQuery = {}): Promise<AmbassadorWorkload[]> {
    return this.client.get<AmbassadorWorkload[]>(ApiRoutes.ambassadors.workload, query as Query);
  }

  mine(): Promise<MyAmbassadorOverview> {
    return this.client.get<MyAmbassadorOverview>(ApiRoutes.ambassadors.me);
  }
}
