/**
 * A small, dependency-free CSV parser for HR exports (RFC 4180 with the leniency real exports need).
 *
 * - Delimiter `,` or `;` (see `detectDelimiter`); fields may be quoted with `"`, a quote inside a quoted
 *   field is doubled (`""`), and quoted fields may hold delimiters and line breaks.
 * - Line breaks are CRLF, LF or a lone CR; inside a quoted value each becomes `\n`.
 * - Every field carries the 1-based line and column where it starts in the file (the opening quote for a
 *   quoted field), counted in characters (Unicode code points) of the decoded text, as a text editor shows
 *   them. A multi-line quoted field moves every later position down accordingly.
 * - Blank lines (and lines holding nothing but delimiters) are skipped: spreadsheet exports end with them.
 * - Problems (an unterminated quote, text after a closing quote) are reported with their position and the
 *   parse goes on, so that a dry run can list every problem at once.
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

export function parseCsv(text: string, delimiter: CsvDelimiter): CsvParseResult {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const length = text.length;
  let i = 0;
  let line = 1;
  let column = 1;

  /** Moves past one character (a surrogate pair counts as one column), or past a CRLF as one line break. */
  const advance = (): void => {
    const code = text.charCodeAt(i);
    if (code === 0x0d) {
      i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      line++;
      column = 1;
    } else if (code === 0x0a) {
      i++;
      line++;
      column = 1;
    } else {
      i += code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      column++;
    }
  };
  const atLineBreak = (): boolean => {
    const code = text.charCodeAt(i);
    return code === 0x0a || code === 0x0d;
  };

  while (i < length) {
    const recordLine = line;
    const fields: CsvField[] = [];
    let endLine = line;
    let endColumn = column;
    for (;;) {
      const fieldLine = line;
      const fieldColumn = column;
      let value = '';
      let quoted = false;
      if (text[i] === QUOTE) {
        quoted = true;
        advance();
        let closed = false;
        while (i < length) {
          const char = text[i];
          if (char === QUOTE) {
            if (text[i + 1] === QUOTE) {
              value += QUOTE;
              advance();
              advance();
              continue;
            }
            advance();
            closed = true;
            break;
          }
          if (atLineBreak()) {
            value += '\n';
            advance();
            continue;
          }
          const start = i;
          advance();
          value += text.slice(start, i);
        }
        if (!closed) {
          problems.push({ code: 'csv_unterminated_quote', line: fieldLine, column: fieldColumn });
        } else if (i < length && text[i] !== delimiter && !atLineBreak()) {
          // `"abc"def`: keep the stray text so nothing is lost, and say where it is.
          problems.push({ code: 'csv_text_after_quote', line, column });
          while (i < length && text[i] !== delimiter && !atLineBreak()) {
            const start = i;
            advance();
            value += text.slice(start, i);
          }
        }
      } else {
        const start = i;
        while (i < length && text[i] !== delimiter && !atLineBreak()) advance();
        value = text.slice(start, i);
      }
      fields.push({ value, line: fieldLine, column: fieldColumn, quoted });
      endLine = line;
      endColumn = column;
      if (i < length && text[i] === delimiter) {
        advance();
        continue;
      }
      if (i < length) advance(); // the line break ending the record
      break;
    }
    if (!fields.every((field) => !field.quoted && field.value.trim() === '')) {
      records.push({ line: recordLine, fields, endLine, endColumn });
    }
  }
  return { records, problems };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
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
