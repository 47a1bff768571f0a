import { Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { COVERAGE_LEAVING_DAYS, CoverageTotals, UnitCoverage } from '@kunna/contracts';
import { DateFormatPipe, NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { coverageFlagKey } from '../library/library-labels';

interface AreaGroup {
  areaId: string;
  areaName: string;
  units: UnitCoverage[];
}

/** Coverage of the units shown: the totals, the units that need attention, and a table per area. */
@Component({
  selector: 'k-coverage-section',
  imports: [TranslatePipe, RouterLink, DateFormatPipe, NumberFormatPipe],
  templateUrl: './coverage-section.html',
  styleUrl: './ambassadors.css',
})
export class CoverageSection {
  readonly coverage = input<UnitCoverage[]>();
  /** Staff and ambassadors of the units shown, each person once (a person may work in two units). */
  readonly people = input<CoverageTotals>();
  readonly loading = input(false);
  protected readonly coverageFlagKey = coverageFlagKey;
  protected readonly leavingDays = COVERAGE_LEAVING_DAYS;

  protected readonly areas = computed<AreaGroup[]>(() => {
    const groups = new Map<string, AreaGroup>();
    for (const unit of this.coverage() ?? []) {
      const group = groups.get(unit.areaId) ?? { areaId: unit.areaId, areaName: unit.areaName, units: [] };
      group.units.push(unit);
      groups.set(unit.areaId, group);
    }
    return [...groups.values()];
  });
  protected readonly totals = computed(() => {
    const units = this.coverage() ?? [];
    const people = this.people();
    return {
      units: units.length,
      flagged: units.filter((unit) => unit.flags.length > 0).length,
      ambassadors: people?.activeAmbassadors ?? null,
      staff: people?.staffCount ?? null,
      staffPerAmbassador: people?.staffPerAmbassador ?? null,
    };
  });
  protected readonly flaggedUnits = computed(() => (this.coverage() ?? []).filter((unit) => unit.flags.length > 0));
}
