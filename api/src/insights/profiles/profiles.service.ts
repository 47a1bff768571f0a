import { Injectable } from '@nestjs/common';
import { CompetenceProfile, COMPETENCE_DIMENSIONS, DIGCOMP_PREFIX, ModuleSuggestion, MyCompetenceGap, UnitCompetenceGap } from '@kunna/contracts';
import { effectiveMinimum } from '@kunna/learning-gain';
import { AuditService } from '../../database/audit.service';
import type { Caller } from '../../auth';
import { validationError } from '../../common/errors';
import { conflictError, notFound, uniqueViolation } from '../../common/http-errors';
import { InsightsRepository } from '../shared/insights.repository';
import { largestGaps, latestLevels, parseTargets, personGap, profileFor, unitGap } from './profile-gaps';
import { CompetenceProfileDto } from './profiles.dto';
import { ProfilesRepository } from './profiles.repository';

/** How many of the largest gaps get module suggestions, and how many modules each. */
const SUGGESTED_COMPETENCES = 3;
const MODULES_PER_COMPETENCE = 5;

/** Competence profiles (HR) and the gaps to them: the unit's in aggregate, the person's own. See README.md. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly shared: InsightsRepository,
    private readonly audit: AuditService,
  ) {}

  list(caller: Caller): Promise<CompetenceProfile[]> {
    return this.profiles.list(caller.organisationId);
  }

  /** Create or replace under the client's id: a retry with the same body changes nothing. */
  async save(caller: Caller, id: string, body: CompetenceProfileDto): Promise<CompetenceProfile> {
    const areaId = body.areaId ?? null;
    if (areaId && (await this.profiles.areaOrganisation(areaId)) !== caller.organisationId) throw notFound();
    const parsed = parseTargets(body.targets, await this.profiles.digCompCodes());
    if (!parsed.ok) throw validationError(parsed.problems);
    if (await this.profiles.clash(caller.organisationId, id, body.roleTitle, areaId)) {
      throw conflictError('roleTitle', 'Det finns redan en profil för befattningen i det området.');
    }
    const existed = await this.profiles.exists(id);
    try {
      if (
        !(await this.profiles.save({
          id,
          organisationId: caller.organisationId,
          roleTitle: body.roleTitle,
          areaId,
          targets: parsed.targets,
          by: caller.personId,
        }))
      )
        throw notFound();
    } catch (error) {
      if (uniqueViolation(error) !== null) throw conflictError('roleTitle', 'Det finns redan en profil för befattningen i det området.');
      throw error;
    }
    await this.audit.record({
      action: existed ? 'insights.competence_profile.update' : 'insights.competence_profile.create',
      targetType: 'competence_profile',
      targetId: id,
      details: { roleTitle: body.roleTitle, areaId, targets: parsed.targets.length },
    });
    const saved = (await this.profiles.list(caller.organisationId)).find((p) => p.id === id);
    if (!saved) throw notFound();
    return saved;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.profiles.delete(id))) throw notFound();
    await this.audit.record({ action: 'insights.competence_profile.delete', targetType: 'competence_profile', targetId: id });
  }

  /** The caller's own gap: their profile by role title (and the areas they work in) against their latest answers. */
  async mine(caller: Caller): Promise<MyCompetenceGap> {
    const person = await this.profiles.person(caller.personId);
    const profiles = await this.profiles.list(caller.organisationId);
    const chosen = person
      ? profileFor(
          profiles.map((p) => ({ id: p.id, roleTitle: p.roleTitle, areaId: p.area?.id ?? null, targets: p.targets })),
          person.roleTitle,
          person.areaIds,
        )
      : null;
    if (!chosen) return { profile: null, competences: [] };
    const profile = profiles.find((p) => p.id === chosen.id);
    const levels = latestLevels(await this.profiles.responses([caller.personId]));
    return {
      profile: { roleTitle: chosen.roleTitle, areaName: profile?.area?.name ?? null },
      competences: personGap(chosen.targets, levels.get(caller.personId)),
    };
  }

  /** The unit's aggregate gap with suppression, and modules for the largest gaps. */
  /** Built from each member's levels (suppressed below the minimum group size); each read is in the audit log. */
  async unit(unitId: string): Promise<UnitCompetenceGap> {
    const unit = await this.shared.unit(unitId);
    if (!unit) throw notFound();
    await this.audit.record({ action: 'competence_gap.read', targetType: 'unit', targetId: unitId });
    const minimum = effectiveMinimum(await this.shared.minimumGroupSize(unit.organisationId));
    const profiles = await this.profiles.rows(unit.organisationId);
    const members = await this.profiles.unitMembers(unitId);
    const people = members.flatMap((member) => {
      const profile = profileFor(profiles, member.roleTitle, [unit.areaId]);
      return profile ? [{ personId: member.personId, targets: profile.targets }] : [];
    });
    const levels = latestLevels(await this.profiles.responses(people.map((p) => p.personId)));
    const figures = unitGap(people, levels, minimum);
    return {
      unit: { id: unit.id, name: unit.name },
      minimumGroupSize: minimum,
      measuredPeople: figures.measuredPeople,
      suppressed: figures.suppressed,
      competences: figures.competences,
      suggestions: await this.suggestions(unit.organisationId, largestGaps(figures.competences, SUGGESTED_COMPETENCES)),
    };
  }

  private async suggestions(organisationId: string, competences: string[]): Promise<ModuleSuggestion[]> {
    if (competences.length === 0) return [];
    const dimensions = competences.filter((c) => (COMPETENCE_DIMENSIONS as readonly string[]).includes(c));
    const codes = competences.filter((c) => c.startsWith(DIGCOMP_PREFIX)).map((c) => c.slice(DIGCOMP_PREFIX.length));
    const modules = await this.profiles.modulesFor(organisationId, dimensions, codes);
    return competences.map((competence) => ({
      competence,
      modules: modules
        .filter((m) =>
          competence.startsWith(DIGCOMP_PREFIX) ? m.digCompCodes.includes(competence.slice(DIGCOMP_PREFIX.length)) : m.dimensions.includes(competence),
        )
        .slice(0, MODULES_PER_COMPETENCE)
        .map((m) => ({ id: m.id, title: m.title })),
    }));
  }
}
