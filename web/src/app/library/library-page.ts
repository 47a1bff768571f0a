import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { CompetenceDimension, DigCompArea, ModuleFormat, ModuleListQuery, ModuleSummary, ModuleTargetGroup, Ownership } from '@kunna/contracts';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { problemKey } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';
import { DIMENSIONS, DURATION_CHOICES, FORMATS, TARGET_GROUPS, dimensionKey, formatKey, ownershipKey, targetGroupKey } from './library-labels';

/** The filters as they stand in the address (so a search can be bookmarked, shared and reloaded). */
interface LibraryFilters {
  q: string;
  ownership: string;
  format: string;
  targetGroup: string;
  dimension: string;
  digCompCode: string;
  maxMinutes: string;
  includeArchived: string;
}

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined => (allowed.includes(value as T) ? (value as T) : undefined);

/** The module library: search and filters (kept in the address), one card per module. */
@Component({
  selector: 'k-library-page',
  imports: [TranslatePipe, RouterLink],
  templateUrl: './library-page.html',
  styleUrl: './library.css',
})
export class LibraryPage {
  // Query parameters, bound by the router.
  readonly q = input<string>();
  readonly ownership = input<string>();
  readonly format = input<string>();
  readonly targetGroup = input<string>();
  readonly dimension = input<string>();
  readonly digCompCode = input<string>();
  readonly maxMinutes = input<string>();
  readonly includeArchived = input<string>();

  private readonly library = inject(LibraryApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly ownershipKey = ownershipKey;
  protected readonly formatKey = formatKey;
  protected readonly targetGroupKey = targetGroupKey;
  protected readonly dimensionKey = dimensionKey;
  protected readonly formats = FORMATS;
  protected readonly targetGroups = TARGET_GROUPS;
  protected readonly dimensions = DIMENSIONS;
  protected readonly durations = DURATION_CHOICES;
  protected readonly ownerships = [Ownership.Network, Ownership.Organisation];

  protected readonly digComp = remoteOnce<DigCompArea[]>(() => this.library.digComp());
  /** The search box's text before it is submitted. */
  protected readonly text = signal('');
  protected readonly editor = computed(() => this.permissions.isCoordinator() || this.permissions.organisationWide());

  protected readonly query = computed<ModuleListQuery>(() => ({
    q: this.q()?.trim() || undefined,
    ownership: pick(this.ownership(), [Ownership.Network, Ownership.Organisation]),
    format: pick(this.format(), FORMATS as ModuleFormat[]),
    targetGroup: pick(this.targetGroup(), TARGET_GROUPS as ModuleTargetGroup[]),
    dimension: pick(this.dimension(), DIMENSIONS as CompetenceDimension[]),
    digCompCode: /^[1-5]\.[1-6]$/.test(this.digCompCode() ?? '') ? this.digCompCode() : undefined,
    maxMinutes: DURATION_CHOICES.map(String).includes(this.maxMinutes() ?? '') ? this.maxMinutes() : undefined,
    includeArchived: this.includeArchived() === 'true' ? 'true' : undefined,
  }));
  protected readonly modules = remote<ModuleListQuery, ModuleSummary[]>({ params: this.query, load: (query) => this.library.modules(query) });
  protected readonly filtered = computed(() => Object.entries(this.query()).some(([, value]) => value !== undefined));
  protected readonly digCompNames = computed(() => {
    const names = new Map<string, string>();
    const english = this.i18n.language() === 'en';
    for (const area of this.digComp.value() ?? []) {
      for (const competence of area.competences) names.set(competence.code, english ? competence.nameEn : competence.nameSv);
    }
    return names;
  });

  constructor() {
    // The search box shows the submitted text again when the query changes (back, a link, clearing filters).
    effect(() => {
      const q = this.query().q;
      untracked(() => this.text.set(q ?? ''));
    });
  }

  protected areaName(area: DigCompArea): string {
    return this.i18n.language() === 'en' ? area.nameEn : area.nameSv;
  }

  protected competenceName(code: string): string {
    return this.digCompNames().get(code) ?? code;
  }

  /** Writes one filter into the address; the list follows the address. */
  protected set(name: keyof LibraryFilters, value: string | boolean): void {
    const current = this.query() as Record<string, string | undefined>;
    const next: Record<string, string | null> = {};
    for (const key of Object.keys(current)) next[key] = current[key] ?? null;
    next[name] = value === true ? 'true' : value === false || value === '' ? null : value;
    void this.router.navigate([], { queryParams: next, replaceUrl: true });
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.set('q', this.text().trim());
  }

  protected clear(): void {
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}
