import { parse } from 'csv-parse/sync';

/**
 * CSV records of an HR export, read by csv-parse (node-csv) and given the file positions the import's
 * problems name.
 *
 * - Delimiter `,` or `;` (see `detectDelimiter`); fields may be quoted with `"`, a quote inside a quoted
 *   field is doubled (`""`), and quoted fields may hold delimiters and line breaks. A quote inside an
 *   unquoted field is taken literally (csv-parse's `relax_quotes`).
 * - Line breaks are CRLF, LF or a lone CR; inside a quoted value each becomes `\n`.
 * - Every field carries the 1-based line and column where it starts in the file (the opening quote for a
 *   quoted field), counted in characters (Unicode code points) of the decoded text, as a text editor shows
 *   them. A multi-line quoted field moves every later position down accordingly. csv-parse tells where
 *   records are only as a line count (which counts a CRLF inside quotes as two lines), so the positions
 *   come from each record's raw text (`raw: true`), scanned here from where the previous record ended.
 * - Blank lines (and lines holding nothing but delimiters) are skipped: spreadsheet exports end with them.
 * - Problems (an unterminated quote, text after a closing quote) are reported with their position and the
 *   parse goes on, so that a dry run can list every problem at once. csv-parse reports the unterminated
 *   quote (CSV_QUOTE_NOT_CLOSED, at the end of the file) and skips that record; it is read again with the
 *   missing quote added, so that what the file holds is still returned. Text after a closing quote is no
 *   error in relaxed mode, so the scan finds it; the value is the quoted part plus the text after it.
 *
 * Pure: no I/O, no framework.
 */

export type CsvDelimiter = ',' | ';';

export interface CsvField {
  /** The value with quotes removed and `""` unescaped; not trimmed. */
  value: string;
  line: number;
  column: number;
  quoted: boolean;
}

export interface CsvRecord {
  /** Line where the record starts. */
  line: number;
  fields: CsvField[];
  /** Position just after the record's last character (before its line break). */
  endLine: number;
  endColumn: number;
}

export type CsvProblemCode = 'csv_unterminated_quote' | 'csv_text_after_quote';

export interface CsvProblem {
  code: CsvProblemCode;
  line: number;
  column: number;
}

export interface CsvParseResult {
  records: CsvRecord[];
  problems: CsvProblem[];
}

const QUOTE = '"';

interface RawRecord {
  record: string[];
  raw: string;
}

/** One record's text as csv-parse consumed it, with the values csv-parse read from it. */
interface Chunk {
  values: string[];
  raw: string;
  /** csv-parse skipped it as unterminated (CSV_QUOTE_NOT_CLOSED). */
  unterminated: boolean;
}

export function parseCsv(text: string, delimiter: CsvDelimiter): CsvParseResult {
  const chunks: Chunk[] = [];
  const options = {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    quote: QUOTE,
    relax_quotes: true,
    relax_column_count: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error: Error | undefined, raw: string | undefined): undefined => {
      // Only an unclosed quote can reach here: column counts and quotes are relaxed, no limits are set.
      if ((error as { code?: string } | undefined)?.code !== 'CSV_QUOTE_NOT_CLOSED' || raw === undefined) {
        throw error ?? new Error('csv-parse skipped a record without an error');
      }
      chunks.push({ values: readUnterminated(raw, delimiter), raw, unterminated: true });
    },
  };
  const parsed = parse(text, options) as unknown as RawRecord[];
  // The unterminated record, if any, is the last one: its quote takes the rest of the file.
  const unterminated = chunks.pop();
  for (const { record, raw } of parsed) chunks.push({ values: record, raw, unterminated: false });
  if (unterminated) chunks.push(unterminated);

  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const cursor = new Cursor(text);
  for (const chunk of chunks) {
    const record = scanRecord(cursor, chunk, delimiter, problems);
    if (!record.fields.every((field) => !field.quoted && field.value.trim() === '')) records.push(record);
  }
  if (cursor.index !== text.length) throw new Error(`CSV records cover ${cursor.index} of ${text.length} characters`);
  return { records, problems };
}

/** The record csv-parse skipped, read again with its closing quote added (every value as the file holds it). */
function readUnterminated(raw: string, delimiter: CsvDelimiter): string[] {
  const [record] = parse(raw + QUOTE, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_quotes: true });
  return record;
}

/** A position in the decoded text: index in UTF-16 units, line and column in characters. */
class Cursor {
  index = 0;
  line = 1;
  column = 1;

  constructor(private readonly text: string) {}

  get char(): string | undefined {
    return this.index < this.text.length ? this.text[this.index] : undefined;
  }

  atLineBreak(): boolean {
    return this.char === '\n' || this.char === '\r';
  }

  /** Moves past one character (a surrogate pair counts as one column), or past a CRLF as one line break. */
  advance(): void {
    const code = this.text.charCodeAt(this.index);
    if (code === 0x0d) {
      this.index += this.text.charCodeAt(this.index + 1) === 0x0a ? 2 : 1;
      this.line++;
      this.column = 1;
    } else if (code === 0x0a) {
      this.index++;
      this.line++;
      this.column = 1;
    } else {
      this.index += code >= 0xd800 && code <= 0xdbff && isLowSurrogate(this.text.charCodeAt(this.index + 1)) ? 2 : 1;
      this.column++;
    }
  }

  /** The text from `start` up to the cursor (or up to `end`). */
  slice(start: number, end = this.index): string {
    return this.text.slice(start, end);
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Walks over one record's raw text from the cursor, where the previous record ended, to find where each
 * field starts. The field boundaries are the ones csv-parse applies (a quote opens a quoted field only as
 * its first character; after a closing quote not followed by a delimiter or line break, the field goes
 * on unquoted to the next delimiter or line break), and the count is checked against csv-parse's.
 */
function scanRecord(cursor: Cursor, chunk: Chunk, delimiter: CsvDelimiter, problems: CsvProblem[]): CsvRecord {
  const start = cursor.index;
  const recordLine = cursor.line;
  const fields: CsvField[] = [];
  const atFieldEnd = () => cursor.char === undefined || cursor.char === delimiter || cursor.atLineBreak();
  let endLine = cursor.line;
  let endColumn = cursor.column;
  for (let index = 0; ; index++) {
    const line = cursor.line;
    const column = cursor.column;
    const value = chunk.values[index] ?? '';
    if (cursor.char === QUOTE) {
      cursor.advance();
      const inner = cursor.index;
      let closed = false;
      while (cursor.char !== undefined) {
        if (cursor.char === QUOTE) {
          cursor.advance();
          if (cursor.char === QUOTE) {
            cursor.advance();
            continue;
          }
          closed = true;
          break;
        }
        cursor.advance();
      }
      if (!closed) {
        problems.push({ code: 'csv_unterminated_quote', line, column });
        fields.push({ value: lineBreaksAsNewline(value), line, column, quoted: true });
      } else if (!atFieldEnd()) {
        // `"abc"def`: csv-parse (relaxed) keeps the quotes in the value; keep the quoted part unescaped
        // and the stray text after it, so nothing is lost, and say where the stray text is.
        const quotedPart = cursor.index - 1; // the closing quote
        problems.push({ code: 'csv_text_after_quote', line: cursor.line, column: cursor.column });
        const stray = cursor.index;
        while (!atFieldEnd()) cursor.advance();
        const unescaped = lineBreaksAsNewline(cursor.slice(inner, quotedPart).replaceAll('""', QUOTE));
        fields.push({ value: unescaped + cursor.slice(stray), line, column, quoted: true });
      } else {
        fields.push({ value: lineBreaksAsNewline(value), line, column, quoted: true });
      }
    } else {
      while (!atFieldEnd()) cursor.advance();
      fields.push({ value, line, column, quoted: false });
    }
    endLine = cursor.line;
    endColumn = cursor.column;
    if (cursor.char === delimiter) {
      cursor.advance();
      continue;
    }
    if (cursor.char !== undefined) cursor.advance(); // the line break ending the record
    break;
  }
  const consumed = cursor.slice(start);
  // csv-parse's raw text of a record ended by CRLF stops after the CR.
  const expected = chunk.raw.endsWith('\r') && consumed.endsWith('\r\n') ? chunk.raw + '\n' : chunk.raw;
  if (consumed !== expected || (!chunk.unterminated && fields.length !== chunk.values.length)) {
    throw new Error(`CSV record on line ${recordLine}: the field positions do not match what csv-parse read`);
  }
  return { line: recordLine, fields, endLine, endColumn };
}

/** Inside a quoted value every line break (CRLF, LF or CR) becomes `\n`. */
function lineBreaksAsNewline(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/**
 * Picks `;` or `,` from the header line: the one occurring more often outside quotes. Swedish Excel
 * saves with `;`; a tie (including neither) falls back to the first data lines, then to `,`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === QUOTE) {
      inQuotes = !inQuotes;
    } else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (char === '\r' && text[i + 1] === '\n') i++;
      lines++;
      if (semicolons !== commas || lines >= 5) break;
    } else if (!inQuotes && char === ';') {
      semicolons++;
    } else if (!inQuotes && char === ',') {
      commas++;
    }
  }
  return semicolons > commas ? ';' : ',';
}
