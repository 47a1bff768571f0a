import { DOCUMENT } from '@angular/common';
import { Component, computed, inject, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CheckAssignment, CheckKind, InstrumentSummary, OrganisationTree, SupportSignal, UnitSummary } from '@kunna/contracts';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { fieldMessage, problemKey, problemOf, Problem } from '../core/problem';
import { Session } from '../core/session';
import { checkKindKey } from './labels';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { OrganisationApi } from '../organisation/organisation-api';
import { ChecksApi } from './checks-api';
import { KioskStart } from './kiosk-start';
import { QrCode } from './qr-code';

/**
 * Före/efter-mätningar for the people who run them: assign a published instrument to a unit (for a session or a
 * program), open the before, after and follow-up rounds, show the short link and code, start the kiosk tablet,
 * and — for the unit's ambassadors — who may need support.
 */
@Component({
  selector: 'k-checks-page',
  imports: [TranslatePipe, FormsModule, RouterLink, QrCode, KioskStart],
  template: `
    <h1>{{ 'checks.page.title' | t }}</h1>
    <p class="lead">{{ 'checks.page.lead' | t }}</p>
    <p class="actions">
      @if (permissions.organisationWide()) {
        <a routerLink="/matningar/instrument">{{ 'checks.page.instruments' | t }}</a>
      }
      @if (seesResults()) {
        <a routerLink="/matningar/resultat">{{ 'checks.page.results' | t }}</a>
      }
    </p>

    @for (group of signals(); track group.unit.id) {
      <section class="panel" [attr.aria-labelledby]="'signals-' + group.unit.id">
        <h2 [id]="'signals-' + group.unit.id">{{ 'checks.signals.title' | t: { unit: group.unit.name } }}</h2>
        <p class="hint">{{ 'checks.signals.hint' | t }}</p>
        <ul>
          @for (signal of group.signals; track signal.personId + signal.assignmentId) {
            <li>
              {{ signal.name }} <span class="muted">({{ signal.assignmentTitle }})</span>
            </li>
          } @empty {
            <li>{{ 'checks.signals.none' | t }}</li>
          }
        </ul>
      </section>
    }

    <section class="panel" aria-labelledby="new-check">
      <h2 id="new-check">{{ 'checks.page.newTitle' | t }}</h2>
      <form (ngSubmit)="create()" class="form-grid">
        <div class="field">
          <label for="check-title">{{ 'checks.page.checkTitle' | t }}</label>
          <input id="check-title" name="title" [(ngModel)]="title" [attr.aria-invalid]="field('title') ? true : null" aria-describedby="check-title-error" />
          @if (field('title'); as message) {
            <span id="check-title-error" class="error">{{ message }}</span>
          }
        </div>
        <div class="field">
          <label for="check-unit">{{ 'checks.page.unit' | t }}</label>
          <select id="check-unit" name="unitId" [(ngModel)]="unitId">
            @for (unit of units(); track unit.id) {
              <option [value]="unit.id">{{ unit.name }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="check-instrument">{{ 'checks.page.instrument' | t }}</label>
          <select id="check-instrument" name="versionId" [(ngModel)]="versionId">
            @for (instrument of publishedInstruments(); track instrument.id) {
              <option [value]="instrument.latestVersionId">
                {{ instrument.title }} ({{ 'checks.page.version' | t: { n: instrument.latestVersion ?? 0 } }})
              </option>
            }
          </select>
        </div>
        <div class="field">
          <label for="check-weeks">{{ 'checks.page.followUpWeeks' | t }}</label>
          <input id="check-weeks" name="weeks" type="number" min="1" max="52" [(ngModel)]="followUpWeeks" />
        </div>
        <div class="actions">
          <button type="submit" [disabled]="busy()">{{ 'checks.page.create' | t }}</button>
        </div>
      </form>
      @if (createProblem(); as p) {
        <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
      }
    </section>

    <h2>{{ 'checks.page.listTitle' | t }}</h2>
    @if (assignments.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    }
    <ul class="plain">
      @for (assignment of assignments.value() ?? []; track assignment.id) {
        <li class="card assignment">
          <h3>{{ assignment.title }}</h3>
          <p class="muted">{{ assignment.unitName }} · {{ assignment.instrumentTitle }} ({{ 'checks.page.version' | t: { n: assignment.version } }})</p>
          @if (assignment.cancelledAt) {
            <p class="muted">{{ 'checks.page.cancelled' | t }}</p>
          }
          <ul class="plain rounds">
            @for (round of assignment.rounds; track round.id) {
              <li class="round">
                <k-qr-code [url]="linkFor(round.code)" [code]="round.code" />
                <div>
                  <strong>{{ checkKindKey(round.kind) | t }}</strong>
                  · {{ 'checks.page.answered' | t: { answered: round.answered, invited: round.invited } }}
                  <br />
                  <span
                    >{{ 'checks.page.linkLabel' | t }} <a [href]="linkFor(round.code)" class="code-link">{{ linkFor(round.code) }}</a></span
                  >
                  <span class="code" [attr.aria-label]="'checks.page.codeAria' | t: { code: spelled(round.code) }">{{ round.code }}</span>
                  <div class="actions">
                    @if (runsKiosk(assignment.unitId)) {
                      <k-kiosk-start [roundId]="round.id" />
                    }
                    @if (observes(assignment.unitId)) {
                      <a class="button secondary" [routerLink]="['/matningar/observation', assignment.id, round.id]">{{ 'checks.page.observe' | t }}</a>
                    }
                  </div>
                </div>
              </li>
            }
          </ul>
          @if (assignment.followUpDueOn) {
            <p>{{ 'checks.page.followUpDue' | t: { date: assignment.followUpDueOn } }}</p>
          }
          @if (!assignment.cancelledAt) {
            <div class="actions">
              @if (!hasRound(assignment, 'before')) {
                <button type="button" [disabled]="busy()" (click)="open(assignment, 'before')">{{ 'checks.page.openBefore' | t }}</button>
              } @else if (!hasRound(assignment, 'after')) {
                <button type="button" [disabled]="busy()" (click)="open(assignment, 'after')">{{ 'checks.page.openAfter' | t }}</button>
              }
            </div>
            <details class="cancel">
              <summary>{{ 'checks.page.cancel' | t }}</summary>
              <form (ngSubmit)="cancel(assignment)" class="field">
                <label [for]="'cancel-' + assignment.id">{{ 'checks.page.cancelReason' | t }}</label>
                <input
                  [id]="'cancel-' + assignment.id"
                  name="reason"
                  [(ngModel)]="cancelReasons[assignment.id]"
                  maxlength="500"
                  [attr.aria-invalid]="cancelError(assignment.id) ? true : null"
                  [attr.aria-describedby]="'cancel-error-' + assignment.id"
                />
                @if (cancelError(assignment.id); as message) {
                  <span [id]="'cancel-error-' + assignment.id" class="error">{{ message }}</span>
                }
                <div class="actions">
                  <button type="submit" class="secondary" [disabled]="busy()">{{ 'checks.page.cancelSubmit' | t }}</button>
                </div>
              </form>
            </details>
          }
        </li>
      } @empty {
        <li>{{ 'checks.page.empty' | t }}</li>
      }
    </ul>
  `,
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .assignment {
      margin-bottom: 1rem;
    }
    .assignment h3 {
      margin: 0 0 0.25rem;
    }
    .rounds li {
      padding: 0.5rem 0;
      border-top: 1px solid #e3e7ea;
    }
    .cancel {
      margin-top: 0.5rem;
    }
    .round {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-start;
    }
    .code {
      display: inline-block;
      font-family: monospace;
      font-size: 1.4rem;
      letter-spacing: 0.15em;
      margin: 0 0.75rem;
    }
    .code-link {
      word-break: break-all;
    }
  `,
})
export class ChecksPage {
  protected readonly checkKindKey = checkKindKey;
  private readonly api = inject(ChecksApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);
  protected readonly permissions = inject(Permissions);
  private readonly origin = inject(DOCUMENT).location.origin;
  protected readonly assignments = remoteOnce<CheckAssignment[]>(() => this.api.assignments());
  /** The units to choose from; the first one is chosen when they arrive. */
  protected readonly tree = remoteOnce<OrganisationTree>(async () => {
    const tree = await this.organisation.tree();
    this.unitId = tree.areas.flatMap((a) => a.units)[0]?.id ?? '';
    return tree;
  });
  /** The instruments to choose from; the first published version is chosen when they arrive. */
  protected readonly instruments = remoteOnce<InstrumentSummary[]>(async () => {
    const instruments = await this.api.instruments();
    this.versionId = instruments.find((i) => i.latestVersionId)?.latestVersionId ?? '';
    return instruments;
  });
  protected readonly busy = signal(false);
  protected readonly createProblem = signal<Problem | null>(null);
  protected readonly problemKey = problemKey;
  protected title = '';
  protected unitId = '';
  protected versionId = '';
  protected followUpWeeks = 10;
  /** The reason typed for cancelling each check, by assignment id. */
  protected cancelReasons: Record<string, string> = {};
  private readonly cancelProblem = signal<{ assignmentId: string; problem: Problem } | null>(null);

  protected readonly units = computed(() => (this.tree.value()?.areas ?? []).flatMap((area) => area.units));
  protected readonly publishedInstruments = computed(() => (this.instruments.value() ?? []).filter((i) => i.latestVersionId !== null));
  protected readonly seesResults = computed(() => this.session.may('checks.results'));
  /** Support signals of the units the caller is an ambassador of, once the tree names them. */
  private readonly supportSignals = remote<UnitSummary[], Array<{ unit: UnitSummary; signals: SupportSignal[] }>>({
    params: () => {
      const ambassadorUnits = this.permissions.ambassadorUnitIds();
      const units = this.units().filter((unit) => ambassadorUnits.includes(unit.id));
      return units.length ? units : undefined;
    },
    load: (units) => Promise.all(units.map(async (unit) => ({ unit, signals: await this.api.supportSignals(unit.id) }))),
  });
  protected readonly signals = computed(() => this.supportSignals.value() ?? []);

  protected field(name: string): string | null {
    return fieldMessage(this.createProblem(), name);
  }

  protected runsKiosk(unitId: string): boolean {
    return this.permissions.ambassadorUnitIds().includes(unitId) || this.permissions.managedUnitIds().includes(unitId);
  }

  /** Observations are rated by the unit's ambassadors (the API allows no one else). */
  protected observes(unitId: string): boolean {
    return this.permissions.ambassadorUnitIds().includes(unitId);
  }

  protected hasRound(assignment: CheckAssignment, kind: string): boolean {
    return assignment.rounds.some((r) => r.kind === kind);
  }

  protected linkFor(code: string): string {
    return `${this.origin}/m/${code}`;
  }

  /** Letter by letter, so a screen reader reads the code out as characters. */
  protected spelled(code: string): string {
    return code.split('').join(' ');
  }

  protected async create(): Promise<void> {
    this.busy.set(true);
    this.createProblem.set(null);
    try {
      const created = await this.api.createAssignment({
        id: crypto.randomUUID(),
        unitId: this.unitId,
        instrumentVersionId: this.versionId,
        title: this.title,
        followUpWeeks: Number(this.followUpWeeks),
      });
      this.assignments.update((list) => [created, ...(list ?? [])]);
      this.title = '';
    } catch (error) {
      this.createProblem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected cancelError(assignmentId: string): string | null {
    const current = this.cancelProblem();
    if (current?.assignmentId !== assignmentId) return null;
    return fieldMessage(current.problem, 'reason') ?? current.problem.serverMessage ?? this.i18n.t(problemKey(current.problem));
  }

  protected async cancel(assignment: CheckAssignment): Promise<void> {
    this.busy.set(true);
    this.cancelProblem.set(null);
    try {
      const updated = await this.api.cancelAssignment(assignment.id, this.cancelReasons[assignment.id] ?? '');
      this.assignments.update((list) => (list ?? []).map((a) => (a.id === updated.id ? updated : a)));
    } catch (error) {
      this.cancelProblem.set({ assignmentId: assignment.id, problem: problemOf(error) });
    } finally {
      this.busy.set(false);
    }
  }

  protected async open(assignment: CheckAssignment, kind: 'before' | 'after'): Promise<void> {
    this.busy.set(true);
    try {
      const updated = await this.api.openRound(assignment.id, kind as CheckKind);
      this.assignments.update((list) => (list ?? []).map((a) => (a.id === updated.id ? updated : a)));
    } catch (error) {
      this.createProblem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
