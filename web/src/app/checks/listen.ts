import { Component, DestroyRef, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { ReadAloud } from './read-aloud';

let nextId = 0;

/**
 * "Lyssna": reads a question, an answer option or an instruction aloud. An audio file the instrument's owner
 * attached for this language comes first (a person's recorded voice is clearer than a synthetic one, and exists for
 * languages devices seldom have a voice for); otherwise the device's speech synthesis, when it has a voice for the
 * text's language. With neither, there is no button. A native button: Enter and Space work, and screen readers
 * hear what it reads ("Lyssna: …"); pressing it again while it reads stops it.
 */
@Component({
  selector: 'k-listen',
  imports: [TranslatePipe],
  template: `
    @if (available()) {
      <button type="button" class="secondary listen" [attr.aria-label]="label()" [attr.lang]="i18n.language()" (click)="toggle()">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
          <path
            fill="currentColor"
            d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"
          />
        </svg>
        <span>{{ (reading() ? 'listen.stop' : 'listen.button') | t }}</span>
      </button>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .listen {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 2.75rem;
      padding: 0.3rem 0.75rem;
      font-size: 0.95rem;
    }
    /* The loudspeaker points the way the text runs. */
    :host-context([dir='rtl']) svg {
      transform: scaleX(-1);
    }
  `,
})
export class Listen {
  protected readonly i18n = inject(I18n);
  private readonly readAloud = inject(ReadAloud);
  private readonly id = `listen-${++nextId}`;
  /** What is read. */
  readonly text = input.required<string>();
  /** The language `text` is written in (BCP 47); the page's language when not given. */
  readonly lang = input<string | null>(null);
  /** An audio file of this text in this language, attached by the instrument's owner. */
  readonly audioUrl = input<string | null | undefined>(null);

  private readonly language = computed(() => this.lang() ?? this.i18n.language());
  protected readonly available = computed(() => !!this.audioUrl() || this.readAloud.voiceFor(this.language()) !== null);
  protected readonly reading = computed(() => this.readAloud.current() === this.id);
  protected readonly label = computed(() => (this.reading() ? this.i18n.t('listen.stop') : this.i18n.t('listen.label', { text: this.text() })));

  constructor() {
    // Leaving the question (next screen, next person) stops what it was reading.
    inject(DestroyRef).onDestroy(() => {
      if (this.reading()) this.readAloud.stop();
    });
  }

  protected toggle(): void {
    if (this.reading()) {
      this.readAloud.stop();
      return;
    }
    const url = this.audioUrl();
    if (url) this.readAloud.play(this.id, url);
    else this.readAloud.speak(this.id, this.text(), this.language());
  }
}
