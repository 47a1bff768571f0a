import { computed, inject, resource } from '@angular/core';
import { Permissions } from '../core/permissions';
import { OrganisationApi } from '../organisation/organisation-api';

export interface ScopeOption {
  /** '' (the whole organisation), 'area:<id>' or 'unit:<id>'. */
  value: string;
  label: string;
  areaId?: string;
  unitId?: string;
}

/**
 * The areas and units the caller follows in Insight, from the organisation tree: everything for HR and
 * administrators, the areas (and their units) of an area manager, a manager's own units. The tree is read only
 * while `needed` says so. Call in an injection context.
 */
export function injectInsightScopes(needed: () => boolean = () => true) {
  const permissions = inject(Permissions);
  const organisation = inject(OrganisationApi);
  const tree = resource({ params: () => (needed() ? true : undefined), loader: () => organisation.tree() });

  const areas = computed(() => {
    if (!tree.hasValue()) return [];
    const all = tree.value().areas;
    if (permissions.organisationWide()) return all;
    return all
      .map((area) => ({
        ...area,
        units: area.units.filter((unit) => permissions.managedAreaIds().includes(area.id) || permissions.managedUnitIds().includes(unit.id)),
      }))
      .filter((area) => area.units.length > 0);
  });
  const units = computed(() => areas().flatMap((area) => area.units));
  /** The scope a page opens with: the organisation for HR, else the own area, else the own unit. */
  const defaultScope = computed(() => {
    if (permissions.organisationWide()) return '';
    const area = permissions.managedAreaIds()[0];
    if (area) return `area:${area}`;
    const unit = permissions.managedUnitIds()[0];
    return unit ? `unit:${unit}` : '';
  });
  const options = computed<ScopeOption[]>(() => [
    ...areas()
      .filter((area) => permissions.organisationWide() || permissions.managedAreaIds().includes(area.id))
      .map((area) => ({ value: `area:${area.id}`, label: area.name, areaId: area.id })),
    ...units().map((unit) => ({ value: `unit:${unit.id}`, label: unit.name, unitId: unit.id })),
  ]);
  return { tree, areas, units, options, defaultScope, organisationWide: permissions.organisationWide };
}

/** 'area:<id>' / 'unit:<id>' / '' as query filters. */
export function scopeFilter(scope: string): { areaId?: string; unitId?: string } {
  const [kind, id] = scope.split(':');
  if (kind === 'area' && id) return { areaId: id };
  if (kind === 'unit' && id) return { unitId: id };
  return {};
}
