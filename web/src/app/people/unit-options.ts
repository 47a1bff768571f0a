import { AreaNode } from '@kunna/contracts';

/** Units grouped by area, for `<optgroup>` pickers. */
export interface UnitGroup {
  areaId: string;
  areaName: string;
  units: { id: string; name: string }[];
}

export function unitGroups(areas: AreaNode[]): UnitGroup[] {
  return areas
    .filter((area) => area.units.length > 0)
    .map((area) => ({ areaId: area.id, areaName: area.name, units: area.units.map((unit) => ({ id: unit.id, name: unit.name })) }));
}
