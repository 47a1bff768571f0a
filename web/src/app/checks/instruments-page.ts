import { Component, inject, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { CheckItemKind, CompetenceDimension, CoreItem, InstrumentSummary } from '@kunna/contracts';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { fieldMessage, problemKey, problemOf, Problem } from '../core/problem';
import { dimensionKey } from './labels';
import { TranslatePipe } from '../i18n/i18n';
import { ChecksApi } from './checks-api';

/** The organisation's check instruments (HR, administrators) and the network's common core questions (coordinator). */
@Component({
  selector: 'k-instruments-page',
  imports: [TranslatePipe, FormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <p class="breadcrumb">
      <a routerLink="/matningar">{{ 'checks.page.title' | t }}</a>
    </p>
    <h1>{{ 'checks.instruments.title' | t }}</h1>
    @if (permissions.organisationWide()) {
      <ul class="plain">
        @for (instrument of instruments.value() ?? []; track instrument.id) {
          <li class="card">
            <a [routerLink]="['/matningar/instrument', instrument.id]">{{ instrument.title }}</a>
            <span class="badge">{{
              instrument.latestVersion ? ('checks.page.version' | t: { n: instrument.latestVersion }) : ('checks.instruments.notPublished' | t)
            }}</span>
            @if (instrument.hasDraft) {
              <span class="badge">{{ 'checks.instruments.draft' | t }}</span>
            }
          </li>
        } @empty {
          <li>{{ 'checks.instruments.empty' | t }}</li>
        }
      </ul>
      <form class="toolbar" (ngSubmit)="create()">
        <div class="field">
          <label for="instrument-title">{{ 'checks.instruments.newTitle' | t }}</label>
          <input id="instrument-title" name="title" [(ngModel)]="title" />
          @if (field('title'); as message) {
            <span class="error">{{ message }}</span>
          }
        </div>
        <div class="field">
          <button type="submit" [disabled]="busy()">{{ 'checks.instruments.create' | t }}</button>
        </div>
      </form>
    }

    <h2>{{ 'checks.core.title' | t }}</h2>
    <p class="hint">{{ 'checks.core.hint' | t }}</p>
    <ul>
      @for (item of core.value() ?? []; track item.id) {
        <li>
          {{ item.textSv }} <span class="badge">{{ dimensionKey(item.dimension) | t }}</span>
          @if (permissions.isCoordinator()) {
            <button type="button" class="secondary" (click)="retire(item)">{{ 'checks.core.retire' | t }}</button>
          }
        </li>
      } @empty {
        <li>{{ 'checks.core.empty' | t }}</li>
      }
    </ul>
    @if (permissions.isCoordinator()) {
      <form class="form-grid" (ngSubmit)="addCore()">
        <div class="field">
          <label for="core-text">{{ 'checks.editor.textSv' | t }}</label>
          <input id="core-text" name="coreText" [(ngModel)]="coreText" />
        </div>
        <div class="field">
          <label for="core-kind">{{ 'checks.editor.kind' | t }}</label>
          <select id="core-kind" name="coreKind" [(ngModel)]="coreKind">
            <option value="self_rating">{{ 'checks.itemKind.self_rating' | t }}</option>
            <option value="attitude">{{ 'checks.itemKind.attitude' | t }}</option>
          </select>
        </div>
        <div class="field">
          <label for="core-dimension">{{ 'checks.editor.dimension' | t }}</label>
          <select id="core-dimension" name="coreDimension" [(ngModel)]="coreDimension">
            @for (d of dimensions; track d) {
              <option [value]="d">{{ dimensionKey(d) | t }}</option>
            }
          </select>
        </div>
        <div class="actions">
          <button type="submit" [disabled]="busy()">{{ 'checks.core.add' | t }}</button>
        </div>
      </form>
    }
    @if (problem(); as p) {
      <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
    }
  `,
})
export class InstrumentsPage {
  protected readonly dimensionKey = dimensionKey;
  private readonly api = inject(ChecksApi);
  private readonly router = inject(Router);
  protected readonly permissions = inject(Permissions);
  /** Only HR and administrators (organisation-wide) have instruments; the coordinator sees the core alone. */
  protected readonly instruments = remote<true, InstrumentSummary[]>({
    params: () => (this.permissions.organisationWide() ? true : undefined),
    load: () => this.api.instruments(),
  });
  protected readonly core = remoteOnce<CoreItem[]>(() => this.api.coreItems());
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly problemKey = problemKey;
  protected readonly dimensions = Object.values(CompetenceDimension);
  protected title = '';
  protected coreText = '';
  protected coreKind: CheckItemKind = CheckItemKind.SelfRating;
  protected coreDimension: CompetenceDimension = CompetenceDimension.Skills;

  protected field(name: string): string | null {
    return fieldMessage(this.problem(), name);
  }

  protected async create(): Promise<void> {
    await this.act(async () => {
      const created = await this.api.createInstrument(this.title);
      await this.router.navigate(['/matningar/instrument', created.id]);
    });
  }

  protected async addCore(): Promise<void> {
    await this.act(async () => {
      await this.api.createCoreItem({
        kind: this.coreKind,
        textSv: this.coreText,
        textEn: null,
        dimension: this.coreDimension,
        digCompCode: null,
        thenOf: null,
        form: null,
        multiple: false,
        options: [],
        explanationSv: null,
        explanationEn: null,
      });
      this.coreText = '';
      this.core.reload();
    });
  }

  protected async retire(item: CoreItem): Promise<void> {
    await this.act(async () => {
      await this.api.retireCoreItem(item.id);
      // Off the list at once, so it cannot be retired twice while the list reloads.
      this.core.update((items) => (items ?? []).filter((entry) => entry.id !== item.id));
      this.core.reload();
    });
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
