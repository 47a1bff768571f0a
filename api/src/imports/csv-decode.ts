import * as iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** The file started with a UTF-8 byte order mark (removed from `text`). */
  bom: boolean;
}

export type FileRejectionCode = 'file_empty' | 'file_binary' | 'file_spreadsheet' | 'file_utf16' | 'file_invalid_utf8';

/** The upload is not a CSV text file at all: answered with 400, never reported as row problems. */
export class CsvFileRejected extends Error {
  constructor(
    readonly code: FileRejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileRejected';
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes an uploaded CSV: text that is valid UTF-8 (with or without a byte order mark) is UTF-8,
 * anything else is Windows-1252 (what Swedish Excel and many HR systems save as "CSV"). Binary files,
 * spreadsheets and UTF-16 text are refused with a message that says what to do instead.
 */
export function decodeCsv(buffer: Buffer): DecodedText {
  if (buffer.length === 0) throw new CsvFileRejected('file_empty', 'Filen är tom.');
  rejectKnownBinary(buffer);

  const bom = startsWith(buffer, UTF8_BOM);
  const body = bom ? buffer.subarray(UTF8_BOM.length) : buffer;
  let text: string;
  let encoding: CsvEncoding;
  const utf8 = tryUtf8(body);
  if (utf8 !== null) {
    text = utf8;
    encoding = 'utf-8';
  } else if (bom) {
    throw new CsvFileRejected(
      'file_invalid_utf8',
      'Filen säger att den är UTF-8 men innehåller tecken som inte är giltig UTF-8. Spara om den som "CSV UTF-8" och försök igen.',
    );
  } else {
    text = iconv.decode(body, 'windows-1252');
    encoding = 'windows-1252';
  }
  if (text.trim() === '') throw new CsvFileRejected('file_empty', 'Filen är tom.');
  if (looksBinary(text)) {
    throw new CsvFileRejected('file_binary', 'Filen är inte en textfil. Välj en CSV-fil (kommaseparerad eller semikolonseparerad text).');
  }
  return { text, encoding, bom };
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(buffer: Buffer, prefix: number[]): boolean {
  return buffer.length >= prefix.length && prefix.every((byte, index) => buffer[index] === byte);
}

function rejectKnownBinary(buffer: Buffer): void {
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
    throw new CsvFileRejected(
      'file_utf16',
      'Filen är sparad som UTF-16 ("Unicode-text"). Spara den som "CSV UTF-8" eller "CSV (semikolonavgränsad)" och försök igen.',
    );
  }
  // xlsx/ods (zip) and xls (OLE2 compound document).
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new CsvFileRejected(
      'file_spreadsheet',
      'Filen är ett kalkylark (till exempel Excel), inte en CSV-fil. Öppna den och välj Spara som → "CSV UTF-8" och försök igen.',
    );
  }
  if (buffer.includes(0)) {
    throw new CsvFileRejected('file_binary', 'Filen är inte en textfil. Välj en CSV-fil (kommaseparerad eller semikolonseparerad text).');
  }
}

/** Text files have almost no control characters besides tab and line breaks. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) controls++;
  }
  return controls > Math.max(2, text.length / 100);
}
