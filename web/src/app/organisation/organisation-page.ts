import { Component, computed, inject, signal } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AreaNode, OrganisationTree } from '@kunna/contracts';
import { Loader } from '../core/loader';
import { problemKey } from '../core/problem';
import { NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { areaKindKey } from '../i18n/labels';
import { OrganisationApi } from './organisation-api';

interface AreaView {
  area: AreaNode;
  staff: number;
}

/** Areas → units with staff counts and managers, as far as the caller's roles reach. */
@Component({
  selector: 'k-organisation-page',
  imports: [ScrollRegion, TranslatePipe, RouterLink, FormsModule, NumberFormatPipe],
  templateUrl: './organisation-page.html',
})
export class OrganisationPage {
  protected readonly tree = new Loader<OrganisationTree>();
  protected readonly problemKey = problemKey;
  protected readonly areaKindKey = areaKindKey;
  protected readonly filter = signal('');

  protected readonly areas = computed<AreaView[]>(() => {
    const needle = this.filter().trim().toLocaleLowerCase('sv');
    return (this.tree.value()?.areas ?? [])
      .map((area) => {
        const areaMatches = !needle || area.name.toLocaleLowerCase('sv').includes(needle);
        const units = areaMatches
          ? area.units
          : area.units.filter((unit) =>
              [unit.name, unit.code ?? '', ...unit.managers.map((manager) => manager.name)].some((text) =>
                text.toLocaleLowerCase('sv').includes(needle),
              ),
            );
        return { area: { ...area, units }, staff: units.reduce((total, unit) => total + unit.staffCount, 0) };
      })
      .filter((view) => !needle || view.area.units.length > 0 || view.area.name.toLocaleLowerCase('sv').includes(needle));
  });
  protected readonly totalStaff = computed(() => this.areas().reduce((total, view) => total + view.staff, 0));
  protected readonly totalUnits = computed(() => this.areas().reduce((total, view) => total + view.area.units.length, 0));

  constructor() {
    const api = inject(OrganisationApi);
    void this.tree.run(() => api.tree());
  }
}
