import { Injectable, OnModuleInit } from '@nestjs/common';
import type { PermissionRule } from '@kunna/contracts';
import { type Caller, PermitObjects } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { mayAppoint, maySeeAppointment, mayQualify } from './ambassador-policy';
import { AmbassadorsRepository } from './ambassadors.repository';

/**
 * The appointments and qualifications that permissions name (libs/contracts/src/permissions.ts): another
 * organisation's answer 404, one the caller may see but not change 403.
 */
@Injectable()
export class AmbassadorsPermitObjects implements OnModuleInit {
  constructor(
    private readonly objects: PermitObjects,
    private readonly repository: AmbassadorsRepository,
  ) {}

  onModuleInit(): void {
    this.objects.register('appointment', { resolve: (caller, id, rule) => this.appointment(caller, id, rule) });
    this.objects.register('qualification', { resolve: (caller, id, rule) => this.qualification(caller, id, rule) });
  }

  private async appointment(caller: Caller, id: string, rule: PermissionRule) {
    const appointment = await this.repository.appointmentRow(id);
    if (!appointment || appointment.organisationId !== caller.organisationId) throw notFound();
    const units = await this.repository.units(appointment.unitIds);
    if (!maySeeAppointment(caller, units, appointment.personId)) throw forbidden();
    if (rule.need === 'edit' && !appointment.unitIds.every((unitId) => mayAppoint(caller, unitId, appointment.personId))) {
      throw forbidden('Du får inte ändra det här uppdraget.');
    }
    return appointment;
  }

  private async qualification(caller: Caller, id: string, rule: PermissionRule) {
    const qualification = await this.repository.qualificationRow(id);
    if (!qualification || qualification.organisationId !== caller.organisationId) throw notFound();
    if (rule.need === 'edit' && !mayQualify(caller)) throw forbidden('Bara HR och administratörer ändrar behörigheter.');
    return qualification;
  }
}
