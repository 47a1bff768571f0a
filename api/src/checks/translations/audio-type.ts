/** Recordings are at most 10 MB, as module attachments. */
export const AUDIO_MAX_BYTES = 10 * 1024 * 1024;

export type AudioType = 'audio/mpeg' | 'audio/mp4' | 'audio/ogg' | 'audio/wav' | 'audio/webm';

/** Decides a recording's type from its bytes (magic numbers), never from the name or the type the browser claims. */
export function detectAudioType(content: Buffer): AudioType | null {
  if (content.length < 12) return null;
  if (content.subarray(0, 3).toString('latin1') === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame starts with 11 set sync bits.
  if (content[0] === 0xff && (content[1] & 0xe0) === 0xe0) return 'audio/mpeg';
  if (content.subarray(4, 8).toString('latin1') === 'ftyp') return 'audio/mp4';
  if (content.subarray(0, 4).toString('latin1') === 'OggS') return 'audio/ogg';
  if (content.subarray(0, 4).toString('latin1') === 'RIFF' && content.subarray(8, 12).toString('latin1') === 'WAVE') return 'audio/wav';
  if (content.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'audio/webm';
  return null;
}
