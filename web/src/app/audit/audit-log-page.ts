import { Component, computed, inject, linkedSignal, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AUDIT_RETENTION_MAX_DAYS, AUDIT_RETENTION_MIN_DAYS, AuditLogEntry, AuditLogQuery, AuditRetention, PersonSummary } from '@kunna/contracts';
import { remote, remoteOnce } from '../core/remote';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { ScrollRegion } from '../core/scroll-region';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { RetentionSettings } from '../personal-data/retention-settings';
import { PeopleApi } from '../people/people-api';
import { auditActionLabel } from './audit-actions';
import { AuditApi } from './audit-api';
import { DateInput } from '../i18n/date-input';

/** Administrators search who did what and when in their organisation, and set how long the log is kept. */
@Component({
  selector: 'k-audit-log-page',
  imports: [FormsModule, ScrollRegion, TranslatePipe, DateFormatPipe, RetentionSettings, DateInput],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <h1>{{ 'audit.title' | t }}</h1>
    <p>{{ 'audit.intro' | t }}</p>

    <form class="filters" (ngSubmit)="search()" aria-labelledby="audit-filter-heading">
      <h2 id="audit-filter-heading" class="visually-hidden">{{ 'audit.filters' | t }}</h2>
      <div class="field">
        <label for="audit-from">{{ 'audit.from' | t }}</label>
        <k-date-input inputId="audit-from" name="from" [(ngModel)]="from" />
      </div>
      <div class="field">
        <label for="audit-to">{{ 'audit.to' | t }}</label>
        <k-date-input inputId="audit-to" name="to" [(ngModel)]="to" />
      </div>
      <div class="field">
        <label for="audit-action">{{ 'audit.action' | t }}</label>
        <select id="audit-action" name="action" [(ngModel)]="action">
          <option value="">{{ 'audit.allActions' | t }}</option>
          @for (known of actionOptions(); track known.action) {
            <option [value]="known.action">{{ known.label }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="audit-person-search">{{ 'audit.personSearch' | t }}</label>
        <input
          id="audit-person-search"
          name="personSearch"
          type="search"
          autocomplete="off"
          [ngModel]="personSearch()"
          (ngModelChange)="findPeople($event)"
          aria-describedby="audit-person-hint"
        />
        <p id="audit-person-hint" class="hint">{{ 'audit.personHint' | t }}</p>
      </div>
      <div class="field">
        <label for="audit-person">{{ 'audit.person' | t }}</label>
        <select id="audit-person" name="personId" [(ngModel)]="personId">
          <option value="">{{ 'audit.allPeople' | t }}</option>
          @for (person of people(); track person.id) {
            <option [value]="person.id">{{ person.lastName }}, {{ person.firstName }} ({{ person.employeeNumber }})</option>
          }
        </select>
      </div>
      <button type="submit">{{ 'audit.search' | t }}</button>
    </form>

    @if (page.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    }
    <div class="table-wrap">
      <table class="stack">
        <caption class="visually-hidden">
          {{
            'audit.title' | t
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'audit.when' | t }}</th>
            <th scope="col">{{ 'audit.action' | t }}</th>
            <th scope="col">{{ 'audit.actor' | t }}</th>
            <th scope="col">{{ 'audit.target' | t }}</th>
            <th scope="col">{{ 'audit.ip' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of entries(); track entry.id) {
            <tr>
              <th scope="row">{{ entry.createdAt | kDate: true }}</th>
              <td [attr.data-label]="'audit.action' | t">{{ actionLabel(entry.action) }}</td>
              <td [attr.data-label]="'audit.actor' | t">{{ entry.actorName ?? ('audit.noActor' | t) }}</td>
              <td class="break" [attr.data-label]="'audit.target' | t">{{ target(entry) }}</td>
              <td [attr.data-label]="'audit.ip' | t">{{ entry.ip ?? '–' }}</td>
            </tr>
          } @empty {
            @if (!page.loading()) {
              <tr>
                <td colspan="5">{{ 'audit.empty' | t }}</td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>
    @if (page.loading()) {
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (nextBefore()) {
      <p>
        <button type="button" (click)="more()">{{ 'audit.older' | t }}</button>
      </p>
    }

    <section aria-labelledby="audit-retention-heading">
      <h2 id="audit-retention-heading">{{ 'audit.retentionTitle' | t }}</h2>
      <p>{{ 'audit.retentionIntro' | t }}</p>
      <form (ngSubmit)="saveRetention()">
        <label for="audit-retention-days">{{ 'audit.retentionDays' | t }}</label>
        <input
          id="audit-retention-days"
          name="retentionDays"
          type="number"
          inputmode="numeric"
          [min]="minDays"
          [max]="maxDays"
          [ngModel]="retentionDays()"
          (ngModelChange)="retentionDays.set($event)"
          [attr.aria-describedby]="retentionError() ? 'audit-retention-error audit-retention-hint' : 'audit-retention-hint'"
          [attr.aria-invalid]="retentionError() ? true : null"
        />
        <p id="audit-retention-hint" class="hint">{{ 'audit.retentionHint' | t }}</p>
        @if (retentionError(); as message) {
          <p id="audit-retention-error" class="error" role="alert">{{ message }}</p>
        }
        <button type="submit">{{ 'common.save' | t }}</button>
        @if (retentionSaved()) {
          <p role="status">{{ 'audit.retentionSaved' | t }}</p>
        }
      </form>
    </section>

    <k-retention-settings />
  `,
})
export class AuditLogPage {
  private readonly api = inject(AuditApi);
  private readonly peopleApi = inject(PeopleApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly minDays = AUDIT_RETENTION_MIN_DAYS;
  protected readonly maxDays = AUDIT_RETENTION_MAX_DAYS;

  protected from = '';
  protected to = '';
  protected action = '';
  protected personId = '';
  protected readonly personSearch = signal('');
  /** People matching the search, to filter on one: entries by them or about them. */
  protected readonly people = signal<PersonSummary[]>([]);
  // A signal: the app is zoneless, so a plain field set when the request answers would not be shown.
  private readonly retention = remoteOnce<AuditRetention>(() => this.api.retention());
  protected readonly retentionDays = linkedSignal<number | null>(() => this.retention.value()?.retentionDays ?? null);

  /** The page asked for: a new search starts from the newest entry, "older" continues before the last one shown. */
  private readonly request = signal<{ query: AuditLogQuery; sequence: number } | undefined>(undefined);
  private sequence = 0;
  protected readonly page = remote({
    params: this.request,
    load: async ({ query }, aborted) => {
      const result = await this.api.search(query);
      // An answer to a search that a newer one replaced must not add its rows.
      if (aborted.aborted) return result;
      this.entries.update((shown) => [...shown, ...result.entries]);
      this.actions.set(result.actions);
      this.nextBefore.set(result.nextBefore);
      return result;
    },
  });
  protected readonly entries = signal<AuditLogEntry[]>([]);
  protected readonly actions = signal<string[]>([]);
  /** The log's actions in words, in the language's alphabetical order. */
  protected readonly actionOptions = computed(() =>
    this.actions()
      .map((action) => ({ action, label: this.actionLabel(action) }))
      .sort((a, b) => a.label.localeCompare(b.label, this.i18n.locale())),
  );
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly retentionError = signal<string | null>(null);
  protected readonly retentionSaved = signal(false);

  constructor() {
    this.search();
  }

  protected search(): void {
    this.entries.set([]);
    this.load(undefined);
  }

  protected more(): void {
    this.load(this.nextBefore() ?? undefined);
  }

  private load(before: string | undefined): void {
    const query: AuditLogQuery = {
      from: this.from || undefined,
      to: this.to || undefined,
      action: this.action || undefined,
      personId: this.personId || undefined,
      before,
    };
    this.request.set({ query, sequence: ++this.sequence });
  }

  protected actionLabel(action: string): string {
    return auditActionLabel(this.i18n.uiLanguage(), action);
  }

  /** "Enhet: Solgården" where the reader may see the name, else only what kind of object it was. */
  protected target(entry: AuditLogEntry): string {
    if (!entry.targetType) return '–';
    const key = `audit.targetType.${entry.targetType}` as TranslationKey;
    const kind = this.i18n.t(key) === key ? this.i18n.t('audit.targetType.other') : this.i18n.t(key);
    return entry.targetName ? `${kind}: ${entry.targetName}` : kind;
  }

  protected async findPeople(text: string): Promise<void> {
    this.personSearch.set(text);
    const query = text.trim();
    if (query.length < 2) {
      this.people.set([]);
      return;
    }
    const page = await this.peopleApi.list({ q: query, includeEnded: true, limit: 20 });
    // A slower answer to an older search must not replace a newer one.
    if (this.personSearch() !== text) return;
    this.people.set(page.items);
    if (page.items.length === 1) this.personId = page.items[0].id;
  }

  protected async saveRetention(): Promise<void> {
    this.retentionSaved.set(false);
    this.retentionError.set(null);
    const current = this.retentionDays();
    const value = current === null || String(current) === '' ? null : Number(current);
    try {
      const saved = await this.api.setRetention(value);
      this.retentionDays.set(saved.retentionDays);
      this.retentionSaved.set(true);
    } catch (error) {
      const problem: Problem = problemOf(error);
      this.retentionError.set(fieldMessage(problem, 'retentionDays') ?? problem.serverMessage);
    }
  }
}
