import { Component, computed, inject, signal } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AreaNode, OrganisationTree } from '@kunna/contracts';
import { Permissions } from '../core/permissions';
import { AreaForm } from './area-form';
import { UnitForm } from './unit-form';
import { remoteOnce } from '../core/remote';
import { problemKey } from '../core/problem';
import { NumberFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { areaKindKey } from '../i18n/labels';
import { OrganisationApi } from './organisation-api';

/** What an administrator is editing: a new area, an area, or a new unit in an area. */
type Editing = { kind: 'newArea' } | { kind: 'area'; areaId: string } | { kind: 'newUnit'; areaId: string } | null;

interface AreaView {
  area: AreaNode;
  staff: number;
}

/** Areas → units with staff counts and managers, as far as the caller's roles reach. */
@Component({
  selector: 'k-organisation-page',
  imports: [ScrollRegion, TranslatePipe, RouterLink, FormsModule, NumberFormatPipe, AreaForm, UnitForm],
  templateUrl: './organisation-page.html',
})
export class OrganisationPage {
  protected readonly problemKey = problemKey;
  protected readonly areaKindKey = areaKindKey;
  protected readonly filter = signal('');
  protected readonly permissions = inject(Permissions);
  private readonly api = inject(OrganisationApi);
  protected readonly tree = remoteOnce<OrganisationTree>(() => this.api.tree());
  protected readonly editing = signal<Editing>(null);
  protected readonly message = signal<string | null>(null);
  private readonly i18n = inject(I18n);

  protected readonly areas = computed<AreaView[]>(() => {
    const needle = this.filter().trim().toLocaleLowerCase('sv');
    return (this.tree.value()?.areas ?? [])
      .map((area) => {
        const areaMatches = !needle || area.name.toLocaleLowerCase('sv').includes(needle);
        const units = areaMatches
          ? area.units
          : area.units.filter((unit) =>
              [unit.name, unit.code ?? '', ...unit.managers.map((manager) => manager.name)].some((text) => text.toLocaleLowerCase('sv').includes(needle)),
            );
        // The API counts the area's staff each person once; a filtered list can only add up the units it shows.
        const staff = units.length === area.units.length ? area.staffCount : units.reduce((total, unit) => total + unit.staffCount, 0);
        return { area: { ...area, units }, staff };
      })
      .filter((view) => !needle || view.area.units.length > 0 || view.area.name.toLocaleLowerCase('sv').includes(needle));
  });
  protected readonly totalStaff = computed(() =>
    this.filter().trim() ? this.areas().reduce((total, view) => total + view.staff, 0) : (this.tree.value()?.staffCount ?? 0),
  );
  protected readonly totalUnits = computed(() => this.areas().reduce((total, view) => total + view.area.units.length, 0));

  protected edit(editing: Editing): void {
    this.message.set(null);
    this.editing.set(editing);
  }

  protected isEditing(kind: 'area' | 'newUnit', areaId: string): boolean {
    const editing = this.editing();
    return editing !== null && editing.kind === kind && editing.areaId === areaId;
  }

  protected saved(name: string): void {
    this.editing.set(null);
    this.tree.reload();
    this.message.set(this.i18n.t('structure.saved', { name }));
  }
}
