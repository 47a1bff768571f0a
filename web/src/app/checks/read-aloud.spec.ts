import { primaryLanguage, voiceFor } from './read-aloud';

const voice = (lang: string, localService = true) => ({ lang, localService, name: lang, voiceURI: lang, default: false }) as SpeechSynthesisVoice;

describe('voices for reading aloud', () => {
  it('reads the primary language of a tag', () => {
    expect(primaryLanguage('sv-x-easy')).toBe('sv');
    expect(primaryLanguage('ar_SA')).toBe('ar');
    expect(primaryLanguage('FA-IR')).toBe('fa');
  });

  it('finds a voice by language, a local one first', () => {
    const voices = [voice('en-US'), voice('ar-SA', false), voice('ar-EG'), voice('sv-SE')];
    expect(voiceFor(voices, 'ar')?.lang).toBe('ar-EG');
    expect(voiceFor(voices, 'sv-x-easy')?.lang).toBe('sv-SE');
    expect(voiceFor(voices, 'so')).toBeNull();
    expect(voiceFor([], 'sv')).toBeNull();
  });

  it('reads Bosnian with a Croatian or Serbian voice when there is no Bosnian one', () => {
    expect(voiceFor([voice('hr-HR')], 'bs')?.lang).toBe('hr-HR');
    expect(voiceFor([voice('sr-RS'), voice('bs-BA')], 'bs')?.lang).toBe('bs-BA');
  });
});
