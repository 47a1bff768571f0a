import { Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { COMPETENCE_DIMENSIONS, CompetenceProfile, CompetenceTarget, DIGCOMP_PREFIX } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { remoteOnce } from '../core/remote';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { CompetenceLabels } from './competence-label';
import { ExportTable } from './export-table';
import { InsightsApi } from './insights-api';

const LEVELS = [1, 2, 3, 4] as const;

/**
 * HR's editor of competence profiles: per role title (and optionally one area) a target level per dimension and per
 * DigComp competence. Saving uses the profile's own id, so a retried save changes nothing.
 */
@Component({
  selector: 'k-competence-profiles',
  imports: [FormsModule, TranslatePipe, ExportTable],
  template: `
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{{ 'profiles.title' | t }}</h2>
      <p class="hint">{{ 'profiles.lead' | t }}</p>
      @if (profiles.problem(); as problem) {
        <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
      } @else if (profiles.value(); as list) {
        @if (list.length === 0) {
          <p>{{ 'profiles.none' | t }}</p>
        } @else {
          <k-export-table [caption]="'profiles.table' | t" [headers]="headers()" [rows]="rows(list)" fileName="kompetensprofiler" />
          <ul class="plain profile-actions no-print">
            @for (profile of list; track profile.id) {
              <li>
                <button type="button" class="link" (click)="edit(profile)">
                  {{ 'profiles.edit' | t }}<span class="visually-hidden">: {{ name(profile) }}</span>
                </button>
                ·
                <button type="button" class="link" (click)="remove(profile)">
                  {{ 'profiles.remove' | t }}<span class="visually-hidden">: {{ name(profile) }}</span>
                </button>
                {{ name(profile) }}
              </li>
            }
          </ul>
        }
      }
      @if (removed()) {
        <p class="ok" role="status">{{ 'profiles.removed' | t }}</p>
      }

      <form class="profile-form no-print" (submit)="save($event)" aria-labelledby="profile-form-heading">
        <h3 id="profile-form-heading">{{ (editingId() ? 'profiles.editing' : 'profiles.new') | t }}</h3>
        <div class="field">
          <label for="profile-title">{{ 'profiles.roleTitle' | t }}</label>
          <input
            id="profile-title"
            name="roleTitle"
            [ngModel]="roleTitle()"
            (ngModelChange)="roleTitle.set($event)"
            [attr.aria-describedby]="field('roleTitle') ? 'profile-title-error' : null"
          />
          @if (field('roleTitle'); as message) {
            <p id="profile-title-error" class="error">{{ message }}</p>
          }
        </div>
        <div class="field">
          <label for="profile-area">{{ 'profiles.area' | t }}</label>
          <select id="profile-area" name="area" [ngModel]="areaId()" (ngModelChange)="areaId.set($event)">
            <option value="">{{ 'profiles.wholeOrganisation' | t }}</option>
            @for (area of areas(); track area.id) {
              <option [value]="area.id">{{ area.name }}</option>
            }
          </select>
        </div>
        <fieldset>
          <legend>{{ 'profiles.dimensions' | t }}</legend>
          @for (dimension of dimensions; track dimension) {
            <div class="field">
              <label [for]="'profile-level-' + dimension">{{ labels.label(dimension) }}</label>
              <select
                [id]="'profile-level-' + dimension"
                [name]="'level-' + dimension"
                [ngModel]="levelOf(dimension)"
                (ngModelChange)="setLevel(dimension, $event)"
              >
                <option value="">{{ 'profiles.noTarget' | t }}</option>
                @for (level of levels; track level) {
                  <option [value]="'' + level">{{ levelWord(dimension, level) }}</option>
                }
              </select>
            </div>
          }
        </fieldset>
        <fieldset>
          <legend>{{ 'profiles.digComp' | t }}</legend>
          @if (digCompTargets().length > 0) {
            <ul class="plain">
              @for (target of digCompTargets(); track target.competence) {
                <li>
                  {{ labels.label(target.competence) }}: {{ levelWord(target.competence, target.level) }}
                  <button type="button" class="link" (click)="setLevel(target.competence, '')">
                    {{ 'profiles.remove' | t }}<span class="visually-hidden">: {{ labels.label(target.competence) }}</span>
                  </button>
                </li>
              }
            </ul>
          }
          <div class="field">
            <label for="profile-digcomp">{{ 'profiles.digCompChoose' | t }}</label>
            <select id="profile-digcomp" name="digcomp" [ngModel]="digCompCode()" (ngModelChange)="digCompCode.set($event)">
              <option value="">{{ 'common.choose' | t }}</option>
              @for (competence of digCompOptions(); track competence.code) {
                <option [value]="competence.code">{{ labels.label(prefix + competence.code) }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label for="profile-digcomp-level">{{ 'profiles.level' | t }}</label>
            <select id="profile-digcomp-level" name="digcompLevel" [ngModel]="digCompLevel()" (ngModelChange)="digCompLevel.set($event)">
              @for (level of levels; track level) {
                <option [value]="'' + level">{{ levelWord('digcomp', level) }}</option>
              }
            </select>
          </div>
          <button type="button" (click)="addDigComp()" [disabled]="!digCompCode()">{{ 'profiles.add' | t }}</button>
        </fieldset>
        @for (message of targetProblems(); track $index) {
          <p class="error">{{ message }}</p>
        }
        <button type="submit" [disabled]="busy()">{{ 'profiles.save' | t }}</button>
        @if (editingId()) {
          <button type="button" class="secondary" (click)="reset()">{{ 'profiles.cancel' | t }}</button>
        }
        @if (saved()) {
          <p class="ok" role="status">{{ 'profiles.saved' | t }}</p>
        }
        @if (problem(); as p) {
          @if (p.fields.length === 0) {
            <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
          }
        }
      </form>
    </section>
  `,
  styles: `
    .profile-form fieldset {
      margin: 1rem 0;
    }
    .profile-actions li {
      margin: 0.25rem 0;
    }
  `,
})
export class CompetenceProfiles {
  readonly areas = input.required<ReadonlyArray<{ id: string; name: string }>>();
  private readonly api = inject(InsightsApi);
  private readonly i18n = inject(I18n);
  protected readonly labels = inject(CompetenceLabels);
  protected readonly problemKey = problemKey;
  protected readonly dimensions = COMPETENCE_DIMENSIONS;
  protected readonly levels = LEVELS;
  protected readonly prefix = DIGCOMP_PREFIX;
  protected readonly profiles = remoteOnce<CompetenceProfile[]>(() => this.api.competenceProfiles());

  protected readonly editingId = signal<string | null>(null);
  protected readonly roleTitle = signal('');
  protected readonly areaId = signal('');
  protected readonly targets = signal<CompetenceTarget[]>([]);
  protected readonly digCompCode = signal('');
  protected readonly digCompLevel = signal('3');
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly removed = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected readonly digCompTargets = computed(() => this.targets().filter((t) => t.competence.startsWith(DIGCOMP_PREFIX)));
  protected readonly digCompOptions = computed(() => {
    const chosen = new Set(this.digCompTargets().map((t) => t.competence));
    return this.labels
      .digComp()
      .flatMap((area) => area.competences)
      .filter((c) => !chosen.has(DIGCOMP_PREFIX + c.code));
  });
  /** Target problems by element (targets[2].level) are shown together under the fieldsets. */
  protected readonly targetProblems = computed(() => (this.problem()?.fields ?? []).filter((f) => f.field.startsWith('targets')).map((f) => f.message));

  protected field(name: string): string | null {
    return fieldMessage(this.problem(), name);
  }

  protected name(profile: CompetenceProfile): string {
    return profile.area ? `${profile.roleTitle} (${profile.area.name})` : profile.roleTitle;
  }

  protected levelOf(competence: string): string {
    const target = this.targets().find((t) => t.competence === competence);
    return target ? String(target.level) : '';
  }

  protected levelWord(competence: string, level: number): string {
    const scale = competence === 'will' ? 'agreement' : 'selfRating';
    return `${level} – ${this.i18n.t(`checks.scale.${scale}.${level}` as TranslationKey)}`;
  }

  protected setLevel(competence: string, value: string): void {
    const rest = this.targets().filter((t) => t.competence !== competence);
    this.targets.set(value === '' ? rest : [...rest, { competence, level: Number(value) }]);
  }

  protected addDigComp(): void {
    if (!this.digCompCode()) return;
    this.setLevel(DIGCOMP_PREFIX + this.digCompCode(), this.digCompLevel());
    this.digCompCode.set('');
  }

  protected edit(profile: CompetenceProfile): void {
    this.editingId.set(profile.id);
    this.roleTitle.set(profile.roleTitle);
    this.areaId.set(profile.area?.id ?? '');
    this.targets.set(profile.targets.map((t) => ({ ...t })));
    this.saved.set(false);
    this.problem.set(null);
  }

  protected reset(): void {
    this.editingId.set(null);
    this.roleTitle.set('');
    this.areaId.set('');
    this.targets.set([]);
    this.problem.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.saved.set(false);
    this.removed.set(false);
    this.problem.set(null);
    try {
      const id = this.editingId() ?? crypto.randomUUID();
      await this.api.saveCompetenceProfile(id, { roleTitle: this.roleTitle(), areaId: this.areaId() || null, targets: this.targets() });
      this.reset();
      this.saved.set(true);
      this.profiles.reload();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(profile: CompetenceProfile): Promise<void> {
    this.saved.set(false);
    this.removed.set(false);
    try {
      await this.api.deleteCompetenceProfile(profile.id);
      if (this.editingId() === profile.id) this.reset();
      this.removed.set(true);
    } catch (error) {
      this.problem.set(problemOf(error));
    }
    this.profiles.reload();
  }

  protected headers(): string[] {
    return [this.i18n.t('profiles.roleTitle'), this.i18n.t('profiles.area'), this.i18n.t('profiles.targets')];
  }

  protected rows(list: CompetenceProfile[]): CellValue[][] {
    return list.map((p) => [
      p.roleTitle,
      p.area?.name ?? this.i18n.t('profiles.wholeOrganisation'),
      p.targets.map((t) => `${this.labels.label(t.competence)}: ${t.level}`).join('; '),
    ]);
  }
}
