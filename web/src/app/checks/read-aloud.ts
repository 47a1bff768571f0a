import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/**
 * Voices this language's text may be read with, by primary language subtag. Lätt svenska is Swedish; a Croatian or
 * Serbian voice reads Bosnian/Croatian/Serbian in Latin script as well.
 */
const VOICE_LANGUAGES: Record<string, readonly string[]> = {
  sv: ['sv'],
  en: ['en'],
  ar: ['ar'],
  so: ['so'],
  ti: ['ti'],
  fa: ['fa'],
  bs: ['bs', 'hr', 'sr'],
  fi: ['fi'],
};

/** `sv-x-easy` → sv, `ar_SA` (some Android voices) → ar. */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().replace('_', '-').split('-')[0];
}

/** The best of the device's voices for text in `language`, or null: one of that exact region first, then any. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | null {
  const wanted = VOICE_LANGUAGES[primaryLanguage(language)] ?? [primaryLanguage(language)];
  for (const code of wanted) {
    const matching = voices.filter((voice) => primaryLanguage(voice.lang) === code);
    if (matching.length) return matching.find((voice) => voice.localService) ?? matching[0];
  }
  return null;
}

/**
 * Reading aloud on the answering pages: the device's speech synthesis voices (they often arrive late, with the
 * `voiceschanged` event) and one thing read at a time, be it a voice or an attached audio file.
 */
@Injectable({ providedIn: 'root' })
export class ReadAloud {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly synthesis: SpeechSynthesis | null = this.window && 'speechSynthesis' in this.window ? this.window.speechSynthesis : null;
  /** The device's voices; empty without speech synthesis. */
  readonly voices = signal<readonly SpeechSynthesisVoice[]>([]);
  /** Who is reading now (a Listen button's id), or null. */
  readonly current = signal<string | null>(null);
  private audio: HTMLAudioElement | null = null;

  constructor() {
    const synthesis = this.synthesis;
    if (!synthesis) return;
    const update = () => this.voices.set(synthesis.getVoices());
    update();
    synthesis.addEventListener?.('voiceschanged', update);
    inject(DestroyRef).onDestroy(() => synthesis.removeEventListener?.('voiceschanged', update));
  }

  voiceFor(language: string): SpeechSynthesisVoice | null {
    return voiceFor(this.voices(), language);
  }

  /** Reads `text` in `language` with the device's voice for it. */
  speak(owner: string, text: string, language: string): void {
    const voice = this.voiceFor(language);
    if (!this.synthesis || !voice) return;
    this.stop();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    const done = () => {
      if (this.current() === owner) this.current.set(null);
    };
    utterance.onend = done;
    utterance.onerror = done;
    this.current.set(owner);
    this.synthesis.speak(utterance);
  }

  /** Plays an audio file attached to the item. */
  play(owner: string, url: string): void {
    this.stop();
    const audio = new Audio(url);
    const done = () => {
      if (this.current() === owner) this.current.set(null);
    };
    audio.addEventListener('ended', done);
    audio.addEventListener('error', done);
    this.audio = audio;
    this.current.set(owner);
    audio.play().catch(done);
  }

  stop(): void {
    this.synthesis?.cancel();
    this.audio?.pause();
    this.audio = null;
    this.current.set(null);
  }
}
