import { Component, computed, inject, input, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ApiRoutes, CheckItem, CheckItemInput, CheckItemKind, CompetenceDimension, DigCompArea, InstrumentDetail } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';
import { remote, remoteOnce } from '../core/remote';
import { fieldMessage, problemKey, problemOf, Problem } from '../core/problem';
import { dimensionKey, itemKindKey } from './labels';
import { TranslatePipe } from '../i18n/i18n';
import { ChecksApi } from './checks-api';

/**
 * Editing an instrument's draft: the network's common core questions come first, shown locked; the
 * organisation's own questions can be added, changed and removed. Publishing makes an immutable version that
 * checks are assigned from.
 */
@Component({
  selector: 'k-instrument-editor',
  imports: [TranslatePipe, FormsModule, RouterLink],
  template: `
    <p class="breadcrumb">
      <a routerLink="/matningar/instrument">{{ 'checks.instruments.title' | t }}</a>
    </p>
    @if (detail.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    } @else if (detail.value(); as d) {
      <h1>{{ d.title }}</h1>
      <p>
        @for (v of d.versions; track v.id) {
          <span class="badge">{{ 'checks.page.version' | t: { n: v.version } }}</span>
        } @empty {
          <span class="muted">{{ 'checks.instruments.notPublished' | t }}</span>
        }
      </p>
      <p>
        <a [routerLink]="['/matningar/instrument', instrumentId(), 'oversattningar']">{{ 'checkTranslations.open' | t }}</a>
      </p>
      <form (ngSubmit)="save()">
        <div class="form-grid">
          <div class="field">
            <label for="draft-title">{{ 'checks.editor.title' | t }}</label>
            <input id="draft-title" name="title" [(ngModel)]="title" />
            @if (field('title'); as m) {
              <span class="error">{{ m }}</span>
            }
          </div>
          <div class="field">
            <label for="draft-threshold">{{ 'checks.editor.threshold' | t }}</label>
            <input id="draft-threshold" name="threshold" type="number" min="1" max="4" step="0.25" [(ngModel)]="threshold" aria-describedby="threshold-hint" />
            <span id="threshold-hint" class="hint">{{ 'checks.editor.thresholdHint' | t }}</span>
          </div>
        </div>
        <div class="field">
          <label for="draft-description">{{ 'checks.editor.description' | t }}</label>
          <textarea id="draft-description" name="description" [(ngModel)]="description"></textarea>
        </div>

        <h2>{{ 'checks.editor.items' | t }}</h2>
        <ol class="items">
          @for (item of coreItems(); track item.key) {
            <li class="card locked">
              <p>
                <span class="badge">{{ 'checks.editor.locked' | t }}</span> {{ itemKindKey(item.kind) | t }}
              </p>
              <p class="item-text">{{ item.textSv }}</p>
            </li>
          }
          @for (item of items(); track $index; let i = $index) {
            <li class="card">
              <fieldset>
                <legend>{{ 'checks.editor.question' | t: { n: i + 1 } }}</legend>
                <div class="form-grid">
                  <div class="field">
                    <label [for]="'kind-' + i">{{ 'checks.editor.kind' | t }}</label>
                    <select [id]="'kind-' + i" [name]="'kind-' + i" [(ngModel)]="item.kind">
                      @for (kind of kinds; track kind) {
                        <option [value]="kind">{{ itemKindKey(kind) | t }}</option>
                      }
                    </select>
                  </div>
                  <div class="field">
                    <label [for]="'dimension-' + i">{{ 'checks.editor.dimension' | t }}</label>
                    <select [id]="'dimension-' + i" [name]="'dimension-' + i" [(ngModel)]="item.dimension">
                      <option [ngValue]="null">{{ 'checks.editor.none' | t }}</option>
                      @for (d of dimensions; track d) {
                        <option [ngValue]="d">{{ dimensionKey(d) | t }}</option>
                      }
                    </select>
                    @if (field('items[' + i + '].dimension'); as m) {
                      <span class="error">{{ m }}</span>
                    }
                  </div>
                  <div class="field">
                    <label [for]="'digcomp-' + i">{{ 'checks.editor.digComp' | t }}</label>
                    <select [id]="'digcomp-' + i" [name]="'digcomp-' + i" [(ngModel)]="item.digCompCode">
                      <option [ngValue]="null">{{ 'checks.editor.none' | t }}</option>
                      @for (c of competences(); track c.code) {
                        <option [ngValue]="c.code">{{ c.code }} {{ c.nameSv }}</option>
                      }
                    </select>
                  </div>
                  @if (item.kind === 'then') {
                    <div class="field">
                      <label [for]="'then-' + i">{{ 'checks.editor.thenOf' | t }}</label>
                      <select [id]="'then-' + i" [name]="'then-' + i" [(ngModel)]="item.thenOf">
                        @for (other of selfRatings(); track other.key) {
                          <option [ngValue]="other.key">{{ other.textSv }}</option>
                        }
                      </select>
                      @if (field('items[' + i + '].thenOf'); as m) {
                        <span class="error">{{ m }}</span>
                      }
                    </div>
                  }
                  @if (item.kind === 'knowledge') {
                    <div class="field">
                      <label [for]="'form-' + i">{{ 'checks.editor.form' | t }}</label>
                      <select [id]="'form-' + i" [name]="'form-' + i" [(ngModel)]="item.form">
                        <option [ngValue]="null">{{ 'checks.editor.formBoth' | t }}</option>
                        <option ngValue="A">A</option>
                        <option ngValue="B">B</option>
                      </select>
                    </div>
                  }
                </div>
                <div class="field">
                  <label [for]="'text-' + i">{{ 'checks.editor.textSv' | t }}</label>
                  <input [id]="'text-' + i" [name]="'text-' + i" [(ngModel)]="item.textSv" />
                  @if (field('items[' + i + '].textSv'); as m) {
                    <span class="error">{{ m }}</span>
                  }
                </div>
                <div class="field">
                  <label [for]="'text-en-' + i">{{ 'checks.editor.textEn' | t }}</label>
                  <input [id]="'text-en-' + i" [name]="'text-en-' + i" [(ngModel)]="item.textEn" />
                </div>
                @if (item.kind === 'knowledge') {
                  <fieldset>
                    <legend>{{ 'checks.editor.options' | t }}</legend>
                    @for (option of item.options; track $index; let o = $index) {
                      <div class="option">
                        <label class="visually-hidden" [for]="'option-' + i + '-' + o">{{ 'checks.editor.option' | t: { n: o + 1 } }}</label>
                        <input [id]="'option-' + i + '-' + o" [name]="'option-' + i + '-' + o" [(ngModel)]="option.textSv" />
                        <label class="check"
                          ><input type="checkbox" [name]="'correct-' + i + '-' + o" [(ngModel)]="option.correct" /> {{ 'checks.editor.correct' | t }}</label
                        >
                      </div>
                    }
                    <button type="button" class="secondary" (click)="addOption(item)">{{ 'checks.editor.addOption' | t }}</button>
                    @if (field('items[' + i + '].options'); as m) {
                      <p class="error">{{ m }}</p>
                    }
                  </fieldset>
                  <div class="field">
                    <label [for]="'explanation-' + i">{{ 'checks.editor.explanation' | t }}</label>
                    <input [id]="'explanation-' + i" [name]="'explanation-' + i" [(ngModel)]="item.explanationSv" />
                  </div>
                }
                <button type="button" class="secondary" (click)="remove(i)">{{ 'checks.editor.remove' | t }}</button>
              </fieldset>
            </li>
          }
        </ol>
        <div class="actions">
          <button type="button" class="secondary" (click)="add()">{{ 'checks.editor.add' | t }}</button>
          <button type="submit" [disabled]="busy()">{{ 'checks.editor.save' | t }}</button>
          <button type="button" [disabled]="busy() || !d.draft" (click)="publish()">{{ 'checks.editor.publish' | t }}</button>
        </div>
      </form>
      @if (problem(); as p) {
        <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
      }
      @if (message(); as m) {
        <p class="ok" role="status">{{ m | t }}</p>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .items {
      padding-left: 1.25rem;
    }
    .items > li {
      margin-bottom: 0.75rem;
    }
    .locked {
      background: #f3f5f7;
    }
    .item-text {
      font-weight: 600;
    }
    .option {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.5rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    legend {
      font-weight: 700;
    }
  `,
})
export class InstrumentEditor {
  protected readonly dimensionKey = dimensionKey;
  protected readonly itemKindKey = itemKindKey;
  private readonly api = inject(ChecksApi);
  private readonly client = inject(ApiClient);
  readonly instrumentId = input.required<string>();
  /** The instrument, shown once the form holds its draft (or latest version). */
  protected readonly detail = remote<string, InstrumentDetail>({
    params: this.instrumentId,
    load: async (instrumentId) => {
      const detail = await this.api.instrument(instrumentId);
      await this.fill(detail);
      return detail;
    },
  });
  protected readonly digComp = remoteOnce<DigCompArea[]>(() => this.client.call('GET', ApiRoutes.library.digComp));
  protected readonly items = signal<CheckItemInput[]>([]);
  protected readonly coreItems = signal<CheckItem[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly message = signal<'checks.editor.saved' | 'checks.editor.published' | null>(null);
  protected readonly problemKey = problemKey;
  protected readonly kinds = Object.values(CheckItemKind);
  protected readonly dimensions = Object.values(CompetenceDimension);
  protected readonly competences = computed(() => (this.digComp.value() ?? []).flatMap((area) => area.competences));
  protected title = '';
  protected description = '';
  protected threshold = 2;

  protected selfRatings(): CheckItemInput[] {
    return this.items().filter((item) => item.kind === CheckItemKind.SelfRating);
  }

  protected field(name: string): string | null {
    return fieldMessage(this.problem(), name);
  }

  protected add(): void {
    const used = new Set(this.items().map((i) => i.key));
    let n = this.items().length + 1;
    while (used.has(`fraga-${n}`)) n++;
    this.items.update((list) => [
      ...list,
      {
        key: `fraga-${n}`,
        kind: CheckItemKind.SelfRating,
        textSv: '',
        textEn: null,
        dimension: CompetenceDimension.Skills,
        digCompCode: null,
        thenOf: null,
        form: null,
        multiple: false,
        options: [],
        explanationSv: null,
        explanationEn: null,
      },
    ]);
  }

  protected addOption(item: CheckItemInput): void {
    item.options = [...item.options, { key: String.fromCharCode(97 + item.options.length), textSv: '', textEn: null, correct: false }];
  }

  protected remove(index: number): void {
    this.items.update((list) => list.filter((_, i) => i !== index));
  }

  protected async save(): Promise<void> {
    await this.act(async () => {
      await this.apply(await this.api.saveDraft(this.instrumentId(), this.draft()));
      this.message.set('checks.editor.saved');
    });
  }

  protected async publish(): Promise<void> {
    await this.act(async () => {
      await this.api.saveDraft(this.instrumentId(), this.draft());
      await this.api.publish(this.instrumentId());
      await this.apply(await this.api.instrument(this.instrumentId()));
      this.message.set('checks.editor.published');
    });
  }

  private draft() {
    const items = this.items().map((item) => ({
      ...item,
      textEn: item.textEn || null,
      options: item.kind === CheckItemKind.Knowledge ? item.options : [],
      multiple: item.kind === CheckItemKind.Knowledge && item.options.filter((o) => o.correct).length > 1,
      thenOf: item.kind === CheckItemKind.Then ? item.thenOf : null,
      form: item.kind === CheckItemKind.Knowledge ? item.form : null,
      explanationSv: item.kind === CheckItemKind.Knowledge ? item.explanationSv || null : null,
      explanationEn: item.kind === CheckItemKind.Knowledge ? item.explanationEn : null,
    }));
    return { title: this.title, descriptionSv: this.description || null, supportThreshold: Number(this.threshold), items };
  }

  /** Shows the instrument a save answered with, and its draft in the form. */
  private async apply(detail: InstrumentDetail): Promise<void> {
    this.detail.set(detail);
    await this.fill(detail);
  }

  private async fill(detail: InstrumentDetail): Promise<void> {
    // Without a draft the editor starts from the latest published version: saving makes the next draft.
    const latest = !detail.draft && detail.versions[0] ? await this.api.version(detail.versions[0].id) : null;
    const source =
      detail.draft ?? (latest && { title: latest.title, descriptionSv: latest.descriptionSv, supportThreshold: latest.supportThreshold, items: latest.items });
    this.title = source?.title ?? detail.title;
    this.description = source?.descriptionSv ?? '';
    this.threshold = source?.supportThreshold ?? 2;
    const items = source?.items ?? [];
    this.coreItems.set(detail.draft ? items.filter((i) => i.coreItemId) : detail.coreItems.map((c) => ({ ...c, coreItemId: c.id })));
    this.items.set(items.filter((i) => !i.coreItemId).map(({ coreItemId: _core, ...rest }) => ({ ...rest, options: rest.options.map((o) => ({ ...o })) })));
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.message.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
