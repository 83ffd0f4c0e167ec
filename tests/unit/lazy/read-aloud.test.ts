import { describe, expect, it } from 'vitest';
import { voiceFor } from '../../../src/client/ui/read-aloud';

const voice = (lang: string, localService = true) => ({ lang, localService, name: lang, default: false, voiceURI: lang }) as SpeechSynthesisVoice;

describe('choosing a voice for read aloud', () => {
  const voices = [voice('en-US'), voice('en-GB'), voice('cy-GB', false), voice('pl_PL'), voice('ar-SA')];
  it('prefers a UK voice for English', () => {
    expect(voiceFor(voices, 'en')?.lang).toBe('en-GB');
  });
  it('finds a voice by language whatever the region or separator', () => {
    expect(voiceFor(voices, 'cy')?.lang).toBe('cy-GB');
    expect(voiceFor(voices, 'pl')?.lang).toBe('pl_PL');
    expect(voiceFor(voices, 'ar')?.lang).toBe('ar-SA');
  });
  it('says there is none rather than reading Urdu with an English voice', () => {
    expect(voiceFor(voices, 'ur')).toBeNull();
    expect(voiceFor([], 'ti')).toBeNull();
  });
});
