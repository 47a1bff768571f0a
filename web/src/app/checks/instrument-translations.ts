import { Component, computed, inject, input, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  ApiRoutes,
  CreateTranslationRequest,
  InstrumentTranslations,
  ItemTranslation,
  RTL_LANGUAGES,
  STAFF_LANGUAGE_NAMES,
  STAFF_LANGUAGES,
  StaffLanguage,
  TranslatableItem,
  TranslationSource,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';
import { remote } from '../core/remote';
import { problemKey, problemOf, Problem } from '../core/problem';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe, TranslationKey } from '../i18n/i18n';
import { itemKindKey } from './labels';

/** What the owner is writing for one item in the chosen language. */
interface Editing {
  text: string;
  options: Record<string, string>;
  source: TranslationSource;
}

/**
 * The instrument owner's translations (HR, administrators): per language, each question's translation with who made
 * it and who reviewed it; a new or changed text is a draft until someone marks it reviewed. Whether staff see drafts
 * is the owner's choice. A recording per question and language can be uploaded.
 */
@Component({
  selector: 'k-instrument-translations',
  imports: [TranslatePipe, FormsModule, RouterLink, DateFormatPipe],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <p class="breadcrumb">
      <a [routerLink]="['/matningar/instrument', instrumentId()]">{{ 'checks.instruments.title' | t }}</a>
    </p>
    <h1>{{ 'checkTranslations.title' | t }}</h1>
    <p>{{ 'checkTranslations.intro' | t }}</p>
    @if (list.problem(); as p) {
      <p class="error" role="alert">{{ problemKey(p) | t }}</p>
    } @else if (list.value(); as l) {
      <div class="field check">
        <input
          id="allow-drafts"
          type="checkbox"
          [checked]="l.allowDraftTranslations"
          (change)="setAllowDrafts($any($event.target).checked)"
          aria-describedby="allow-drafts-hint"
        />
        <label for="allow-drafts">{{ 'checkTranslations.allowDrafts' | t }}</label>
      </div>
      <p id="allow-drafts-hint" class="hint">{{ 'checkTranslations.allowDraftsHint' | t }}</p>
      <div class="field">
        <label for="translation-language">{{ 'checkTranslations.language' | t }}</label>
        <select id="translation-language" name="language" [ngModel]="language()" (ngModelChange)="choose($event)">
          @for (code of languages; track code) {
            <option [value]="code">{{ names[code] }}</option>
          }
        </select>
      </div>
      @if (l.items.length === 0) {
        <p>{{ 'checkTranslations.notPublished' | t }}</p>
      }
      <ol class="items">
        @for (item of l.items; track item.key; let i = $index) {
          <li class="card">
            <p class="muted">{{ itemKindKey(item.kind) | t }}</p>
            <p class="item-text">
              <span class="visually-hidden">{{ 'checkTranslations.swedish' | t }}: </span>{{ item.textSv }}
            </p>
            @if (shownFor(item); as tr) {
              <div class="translation" [attr.lang]="tr.language" [attr.dir]="dir()">
                <p>{{ tr.text }}</p>
                @for (option of item.options; track option.key) {
                  @if (tr.options[option.key]) {
                    <p class="option-text">{{ tr.options[option.key] }}</p>
                  }
                }
              </div>
              <p class="badges">
                <span class="badge">{{ (tr.status === 'reviewed' ? 'checkTranslations.reviewedBadge' : 'checkTranslations.draft') | t }}</span>
                <span class="badge">{{ (tr.source === 'machine' ? 'checkTranslations.machine' : 'checkTranslations.human') | t }}</span>
                @if (tr.shared) {
                  <span class="badge">{{ 'checkTranslations.shared' | t }}</span>
                }
              </p>
              <p class="hint">
                {{
                  'checkTranslations.createdBy' | t: { name: tr.createdByName ?? ('checkTranslations.unknownPerson' | t), date: (tr.createdAt | kDate: true) }
                }}
              </p>
              @if (tr.reviewedAt) {
                <p class="hint">
                  {{
                    'checkTranslations.reviewedBy'
                      | t: { name: tr.reviewedByName ?? ('checkTranslations.unknownPerson' | t), date: (tr.reviewedAt | kDate: true) }
                  }}
                </p>
              }
              @if (tr.stale) {
                <p class="warning">{{ 'checkTranslations.stale' | t }}</p>
              }
              @if (tr.shared) {
                <p class="hint">{{ 'checkTranslations.sharedHint' | t }}</p>
              } @else {
                <div class="actions">
                  @if (tr.status === 'draft') {
                    <button type="button" [disabled]="busy()" (click)="review(tr)">{{ 'checkTranslations.review' | t }}</button>
                  }
                  <button type="button" class="secondary" [disabled]="busy()" (click)="remove(tr)">{{ 'checkTranslations.remove' | t }}</button>
                </div>
              }
            }
            <form class="edit" (ngSubmit)="save(item)">
              <div class="field">
                <label [for]="'text-' + i">{{ 'checkTranslations.text' | t: { language: names[language()] } }}</label>
                <textarea [id]="'text-' + i" [name]="'text-' + i" [attr.lang]="language()" [attr.dir]="dir()" [(ngModel)]="editing(item).text"></textarea>
              </div>
              @for (option of item.options; track option.key) {
                <div class="field">
                  <label [for]="'option-' + i + '-' + option.key">{{ 'checkTranslations.option' | t: { text: option.textSv } }}</label>
                  <input
                    [id]="'option-' + i + '-' + option.key"
                    [name]="'option-' + i + '-' + option.key"
                    [attr.lang]="language()"
                    [attr.dir]="dir()"
                    [(ngModel)]="editing(item).options[option.key]"
                  />
                </div>
              }
              @if (!ownOf(item)) {
                <fieldset>
                  <legend>{{ 'checkTranslations.source' | t }}</legend>
                  <label class="choice"
                    ><input type="radio" [name]="'source-' + i" value="human" [(ngModel)]="editing(item).source" />
                    {{ 'checkTranslations.sourceHuman' | t }}</label
                  >
                  <label class="choice"
                    ><input type="radio" [name]="'source-' + i" value="machine" [(ngModel)]="editing(item).source" />
                    {{ 'checkTranslations.sourceMachine' | t }}</label
                  >
                </fieldset>
              }
              <button type="submit" [disabled]="busy()">{{ (ownOf(item) ? 'checkTranslations.save' : 'checkTranslations.add') | t }}</button>
            </form>
            <div class="audio">
              <label [for]="'audio-' + i">{{ 'checkTranslations.audio' | t: { language: names[language()] } }}</label>
              @if (audioOf(item); as audio) {
                <audio controls preload="none" [src]="audio.url"></audio>
                <button type="button" class="secondary" [disabled]="busy()" (click)="removeAudio(item)">{{ 'checkTranslations.audioRemove' | t }}</button>
              }
              <p class="hint">{{ 'checkTranslations.audioFile' | t }}</p>
              <input [id]="'audio-' + i" type="file" accept="audio/*" (change)="upload(item, $any($event.target))" />
            </div>
          </li>
        }
      </ol>
    }
    @if (problem(); as p) {
      <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
    }
    <p class="ok" role="status">{{ shownMessage() ? (shownMessage()! | t) : '' }}</p>
  `,
  styles: `
    .items {
      padding-left: 1.25rem;
    }
    .items > li {
      margin-bottom: 0.75rem;
    }
    .item-text {
      font-weight: 600;
    }
    .translation {
      border-inline-start: 3px solid var(--surface-2);
      padding-inline-start: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .option-text {
      margin: 0.25rem 0;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .choice {
      display: block;
      font-weight: normal;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 0.5rem;
    }
    legend {
      font-weight: 600;
    }
    .edit,
    .audio {
      border-top: 1px solid #d5dbe0;
      padding-top: 0.5rem;
      margin-top: 0.5rem;
    }
    textarea,
    input[type='file'],
    audio {
      max-width: 100%;
    }
    .audio audio {
      display: block;
      margin: 0.25rem 0;
    }
    .warning {
      font-weight: 600;
    }
  `,
})
export class InstrumentTranslationsPage {
  private readonly client = inject(ApiClient);
  readonly instrumentId = input.required<string>();
  protected readonly list = remote<string, InstrumentTranslations>({
    params: this.instrumentId,
    load: (instrumentId) => this.client.call('GET', ApiRoutes.checks.instrumentTranslations, { params: { instrumentId } }),
  });
  protected readonly language = signal<StaffLanguage>('ar');
  protected readonly languages = STAFF_LANGUAGES.filter((code) => code !== 'sv');
  protected readonly names = STAFF_LANGUAGE_NAMES;
  protected readonly dir = computed(() => (RTL_LANGUAGES.includes(this.language()) ? 'rtl' : 'ltr'));
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly message = signal<TranslationKey | null>(null);
  /** Said once the list shows the change, not while it reloads. */
  protected readonly shownMessage = computed(() => (this.list.loading() ? null : this.message()));
  protected readonly problemKey = problemKey;
  protected readonly itemKindKey = itemKindKey;
  private edits = new Map<string, Editing>();

  protected choose(language: StaffLanguage): void {
    this.language.set(language);
    this.edits = new Map();
  }

  /** The organisation's own translation in the chosen language, else the network's shared one. */
  protected shownFor(item: TranslatableItem): ItemTranslation | null {
    return this.ownOf(item) ?? item.translations.find((t) => t.language === this.language() && t.shared) ?? null;
  }

  protected ownOf(item: TranslatableItem): ItemTranslation | null {
    return item.translations.find((t) => t.language === this.language() && !t.shared) ?? null;
  }

  protected audioOf(item: TranslatableItem) {
    return item.audio.find((a) => a.language === this.language()) ?? null;
  }

  /** The form's values for the item, starting from its own translation (kept while the language stays). */
  protected editing(item: TranslatableItem): Editing {
    let edit = this.edits.get(item.key);
    if (!edit) {
      const own = this.ownOf(item);
      edit = { text: own?.text ?? '', options: { ...(own?.options ?? {}) }, source: own?.source ?? 'human' };
      this.edits.set(item.key, edit);
    }
    return edit;
  }

  protected async setAllowDrafts(allow: boolean): Promise<void> {
    await this.act('checkTranslations.settingsSaved', async () => {
      this.list.set(
        await this.client.call('PUT', ApiRoutes.checks.instrumentTranslationSettings, {
          params: { instrumentId: this.instrumentId() },
          body: { allowDraftTranslations: allow },
        }),
      );
    });
  }

  protected async save(item: TranslatableItem): Promise<void> {
    const edit = this.editing(item);
    const options = Object.fromEntries(Object.entries(edit.options).filter(([, text]) => text.trim() !== ''));
    const own = this.ownOf(item);
    await this.act('checkTranslations.saved', async () => {
      if (own) {
        await this.client.call('PUT', ApiRoutes.checks.translation, { params: { translationId: own.id }, body: { text: edit.text, options } });
      } else {
        const body: CreateTranslationRequest = { itemKey: item.key, language: this.language(), text: edit.text, options, source: edit.source };
        await this.client.call('POST', ApiRoutes.checks.instrumentTranslations, { params: { instrumentId: this.instrumentId() }, body });
      }
      this.edits.delete(item.key);
      this.list.reload();
    });
  }

  protected async review(translation: ItemTranslation): Promise<void> {
    await this.act('checkTranslations.reviewed', async () => {
      await this.client.call('POST', ApiRoutes.checks.translationReview, { params: { translationId: translation.id } });
      this.list.reload();
    });
  }

  protected async remove(translation: ItemTranslation): Promise<void> {
    await this.act('checkTranslations.removed', async () => {
      await this.client.call('DELETE', ApiRoutes.checks.translation, { params: { translationId: translation.id } });
      this.edits.delete(translation.itemKey);
      this.list.reload();
    });
  }

  protected async upload(item: TranslatableItem, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    await this.act('checkTranslations.audioSaved', async () => {
      await this.client.call('PUT', ApiRoutes.checks.itemAudio, { params: this.audioParams(item), body: form });
      input.value = '';
      this.list.reload();
    });
  }

  protected async removeAudio(item: TranslatableItem): Promise<void> {
    await this.act('checkTranslations.audioRemoved', async () => {
      await this.client.call('DELETE', ApiRoutes.checks.itemAudio, { params: this.audioParams(item) });
      this.list.reload();
    });
  }

  private audioParams(item: TranslatableItem): { instrumentId: string; itemKey: string; language: string } {
    return { instrumentId: this.instrumentId(), itemKey: item.key, language: this.language() };
  }

  private async act(done: TranslationKey, work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.message.set(null);
    try {
      await work();
      this.message.set(done);
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
