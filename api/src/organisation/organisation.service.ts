import { ForbiddenException, Injectable } from '@nestjs/common';
import { AreaNode, NetworkOrganisation, OrganisationTree, Role, UnitDetail, UnitSummary, rolesOf } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { type Caller, scopeFilter } from '../auth';
import { CreateAreaDto, CreateUnitDto, UpdateAreaDto, UpdateUnitDto } from './dto/organisation.dto';
import { conflictError, notFound } from '../common/http-errors';
import { OrganisationRepository } from './organisation.repository';
import { seesNothing, visibilityFor } from './visibility';

/** Roles that may see (part of) the organisation tree and unit pages. */
export const TREE_ROLES = rolesOf('organisation.tree');

@Injectable()
export class OrganisationService {
  constructor(
    private readonly repository: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The caller's organisation as far as their grants reach: HR and administrators see all of it, an area
   * manager their areas, managers and ambassadors their units (with the areas that hold them).
   */
  async tree(caller: Caller): Promise<OrganisationTree> {
    const visibility = visibilityFor(caller, TREE_ROLES);
    if (seesNothing(visibility)) throw new ForbiddenException('Du har inte behörighet till detta.');
    const organisation = await this.repository.organisation(caller.organisationId);
    if (!organisation) throw notFound();
    const areas = await this.repository.visibleAreas(caller.organisationId, visibility);
    const units = await this.repository.visibleUnits(caller.organisationId, visibility);
    const staff = await this.repository.staffOfUnits(units.map((unit) => unit.id));
    return {
      organisation,
      areas: areas.map((area) => ({
        id: area.id,
        name: area.name,
        kind: area.kind,
        units: units.filter((unit) => unit.areaId === area.id),
        staffCount: staff.byArea.get(area.id) ?? 0,
      })),
      staffCount: staff.total,
    };
  }

  /** For network coordinators: the network's organisations with counts, never people. */
  networkOrganisations(caller: Caller): Promise<NetworkOrganisation[]> {
    const { networkIds } = scopeFilter(caller, [Role.NetworkCoordinator]);
    return this.repository.networkOrganisations(networkIds);
  }

  /** The access guard has checked that the caller's grants cover the unit. */
  async unitDetail(caller: Caller, unitId: string): Promise<UnitDetail> {
    const unit = await this.repository.unitSummary(unitId);
    const organisation = await this.repository.organisation(caller.organisationId);
    if (!unit || !organisation || unit.organisationId !== caller.organisationId) throw notFound();
    const areaName = await this.repository.areaName(unit.areaId);
    const staff = await this.repository.unitStaff(unitId);
    const joining = await this.repository.unitJoining(unitId);
    const ambassadors = await this.repository.unitRoleHolders(unitId, Role.Ambassador);
    return { unit, areaName, organisationName: organisation.name, staff, joining, ambassadors, managers: unit.managers };
  }

  async createArea(caller: Caller, body: CreateAreaDto): Promise<AreaNode> {
    if (await this.repository.areaNameTaken(caller.organisationId, body.name, null)) {
      throw conflictError('name', `Det finns redan ett område som heter ”${body.name}”.`);
    }
    const id = await this.repository.insertArea(caller.organisationId, body.name, body.kind);
    await this.audit.record({ action: 'area.created', targetType: 'area', targetId: id, details: { name: body.name, kind: body.kind } });
    return { id, name: body.name, kind: body.kind, units: [], staffCount: 0 };
  }

  async updateArea(caller: Caller, areaId: string, body: UpdateAreaDto): Promise<AreaNode> {
    const area = await this.repository.area(caller.organisationId, areaId);
    if (!area) throw notFound();
    if (body.name !== undefined && (await this.repository.areaNameTaken(caller.organisationId, body.name, areaId))) {
      throw conflictError('name', `Det finns redan ett område som heter ”${body.name}”.`);
    }
    await this.repository.updateArea(areaId, { name: body.name, kind: body.kind });
    const changed = changedFields(area, body);
    if (changed.length > 0) await this.audit.record({ action: 'area.updated', targetType: 'area', targetId: areaId, details: { changed } });
    const units = await this.repository.unitSummariesInArea(areaId);
    const staff = await this.repository.staffOfUnits(units.map((unit) => unit.id));
    return { id: areaId, name: body.name ?? area.name, kind: body.kind ?? area.kind, units, staffCount: staff.total };
  }

  async createUnit(caller: Caller, body: CreateUnitDto): Promise<UnitSummary> {
    // The access guard has placed the area in the caller's organisation; checked again as the tenant boundary.
    const area = await this.repository.area(caller.organisationId, body.areaId);
    if (!area) throw notFound();
    const code = body.code ?? null;
    await this.checkUnitUnique(caller.organisationId, area.id, body.name, code, null);
    const id = await this.repository.insertUnit(caller.organisationId, area.id, body.name, code);
    await this.audit.record({ action: 'unit.created', targetType: 'unit', targetId: id, details: { areaId: area.id, name: body.name, code } });
    const unit = await this.repository.unitSummary(id);
    if (!unit) throw notFound();
    return unit;
  }

  async updateUnit(caller: Caller, unitId: string, body: UpdateUnitDto): Promise<UnitSummary> {
    const unit = await this.repository.unit(caller.organisationId, unitId);
    if (!unit) throw notFound();
    if (body.areaId !== undefined && body.areaId !== unit.areaId) {
      // An id in the body is not checked by the guard: another organisation's area does not exist here.
      const area = await this.repository.area(caller.organisationId, body.areaId);
      if (!area) throw notFound();
    }
    const areaId = body.areaId ?? unit.areaId;
    const name = body.name ?? unit.name;
    const code = body.code !== undefined ? body.code : unit.code;
    await this.checkUnitUnique(caller.organisationId, areaId, name, code, unitId, {
      name: body.name !== undefined || areaId !== unit.areaId,
      code: body.code !== undefined,
    });
    await this.repository.updateUnit(unitId, { areaId: body.areaId, name: body.name, code: body.code });
    const changed = changedFields(unit, body);
    if (changed.length > 0) await this.audit.record({ action: 'unit.updated', targetType: 'unit', targetId: unitId, details: { changed } });
    const updated = await this.repository.unitSummary(unitId);
    if (!updated) throw notFound();
    return updated;
  }

  private async checkUnitUnique(
    organisationId: string,
    areaId: string,
    name: string,
    code: string | null,
    exceptId: string | null,
    check: { name: boolean; code: boolean } = { name: true, code: true },
  ): Promise<void> {
    if (check.code && code !== null && (await this.repository.unitCodeTaken(organisationId, code, exceptId))) {
      throw conflictError('code', `Enhetskoden ”${code}” används redan av en annan enhet i organisationen.`);
    }
    if (check.name && (await this.repository.unitNameTakenInArea(areaId, name, exceptId))) {
      throw conflictError('name', `Det finns redan en enhet som heter ”${name}” i området.`);
    }
  }
}

/** Names of the fields a partial update actually changes (values stay out of the audit log). */
export function changedFields<T extends object>(current: T, changes: Partial<Record<keyof T, unknown>>): string[] {
  return (Object.keys(changes) as Array<keyof T>).filter((key) => changes[key] !== undefined && key in current && changes[key] !== current[key]) as string[];
}
