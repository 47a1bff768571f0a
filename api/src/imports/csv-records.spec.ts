import { CsvRecord, detectDelimiter, parseCsv } from './csv-records';

const values = (records: CsvRecord[]) => records.map((record) => record.fields.map((field) => field.value));
const positions = (record: CsvRecord) => record.fields.map((field) => [field.line, field.column]);

describe('parseCsv', () => {
  it('splits simple comma and semicolon records and gives each field its line and column', () => {
    const comma = parseCsv('a,bb,ccc\n1,22,333\n', ',');
    expect(values(comma.records)).toEqual([
      ['a', 'bb', 'ccc'],
      ['1', '22', '333'],
    ]);
    expect(positions(comma.records[0])).toEqual([
      [1, 1],
      [1, 3],
      [1, 6],
    ]);
    expect(positions(comma.records[1])).toEqual([
      [2, 1],
      [2, 3],
      [2, 6],
    ]);
    expect(comma.problems).toEqual([]);

    const semicolon = parseCsv('a;b,c;d', ';');
    expect(values(semicolon.records)).toEqual([['a', 'b,c', 'd']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const text = 'namn;titel;ort\n"Lind; Maria";"Säger ""hej""";"Rad ett\nrad två"\nx;y;z';
    const { records, problems } = parseCsv(text, ';');
    expect(problems).toEqual([]);
    expect(values(records)).toEqual([
      ['namn', 'titel', 'ort'],
      ['Lind; Maria', 'Säger "hej"', 'Rad ett\nrad två'],
      ['x', 'y', 'z'],
    ]);
    expect(records[1].fields.map((field) => field.quoted)).toEqual([true, true, true]);
  });

  it('counts lines through a multi-line quoted field, so later fields and records have file positions', () => {
    // Line 2 holds the start of a field that ends on line 4; the field after it starts on line 4.
    const text = 'a,b,c\n1,"first\nsecond\nthird",after\n2,x,y\n';
    const { records } = parseCsv(text, ',');
    expect(records).toHaveLength(3);
    expect(records[1].line).toBe(2);
    expect(positions(records[1])).toEqual([
      [2, 1],
      [2, 3],
      [4, 8], // `third",` is 7 characters: "after" starts in column 8 of line 4
    ]);
    expect(records[1].endLine).toBe(4);
    expect(records[1].endColumn).toBe(13);
    expect(records[2].line).toBe(5);
    expect(positions(records[2])).toEqual([
      [5, 1],
      [5, 3],
      [5, 5],
    ]);
  });

  it('treats CRLF, LF and a lone CR as one line break each, also inside quoted fields (as \\n)', () => {
    const text = 'a;b\r\n1;"x\r\ny"\r\n2;z\r3;w';
    const { records } = parseCsv(text, ';');
    expect(values(records)).toEqual([
      ['a', 'b'],
      ['1', 'x\ny'],
      ['2', 'z'],
      ['3', 'w'],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 5]);
    // The CR of CRLF is never part of a value.
    expect(records[0].fields[1].value).toBe('b');
  });

  it('counts columns in characters, not bytes or UTF-16 units', () => {
    const { records } = parseCsv('Åsa;Öberg;😀x;slut', ';');
    expect(positions(records[0])).toEqual([
      [1, 1],
      [1, 5],
      [1, 11],
      [1, 14],
    ]);
  });

  it('keeps empty fields, including a trailing one after the last delimiter', () => {
    const { records } = parseCsv('a;;c;\n', ';');
    expect(values(records)).toEqual([['a', '', 'c', '']]);
    expect(positions(records[0])).toEqual([
      [1, 1],
      [1, 3],
      [1, 4],
      [1, 6],
    ]);
  });

  it('skips blank lines and lines with only delimiters, but keeps the line numbers of what follows', () => {
    const { records } = parseCsv('a;b\n\n;\n  \n1;2\n;;\n', ';');
    expect(values(records)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(records[1].line).toBe(5);
  });

  it('keeps a record of explicitly quoted empty values', () => {
    const { records } = parseCsv('a;b\n"";""\n', ';');
    expect(values(records)).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it('reports an unterminated quote at its opening position and still returns what it read', () => {
    const { records, problems } = parseCsv('a;b\n1;"open\n2;3\n', ';');
    expect(problems).toEqual([{ code: 'csv_unterminated_quote', line: 2, column: 3 }]);
    expect(values(records)).toEqual([
      ['a', 'b'],
      ['1', 'open\n2;3\n'],
    ]);
  });

  it('reports text after a closing quote where it starts, keeping the text', () => {
    const { records, problems } = parseCsv('x;"ab"cd;y', ';');
    expect(problems).toEqual([{ code: 'csv_text_after_quote', line: 1, column: 7 }]);
    expect(values(records)).toEqual([['x', 'abcd', 'y']]);
  });

  it('reports both problems at their file positions after CRLF line breaks and a multi-line quoted field', () => {
    const text = 'a;b\r\n"x\r\ny";"q""r"s\r\n1;"open\r\nend';
    const { records, problems } = parseCsv(text, ';');
    expect(problems).toEqual([
      { code: 'csv_text_after_quote', line: 3, column: 10 },
      { code: 'csv_unterminated_quote', line: 4, column: 3 },
    ]);
    expect(values(records)).toEqual([
      ['a', 'b'],
      ['x\ny', 'q"rs'],
      ['1', 'open\nend'],
    ]);
    expect(positions(records[1])).toEqual([
      [2, 1],
      [3, 4],
    ]);
    expect(positions(records[2])).toEqual([
      [4, 1],
      [4, 3],
    ]);
  });

  it('takes a quote inside an unquoted field literally', () => {
    const { records, problems } = parseCsv('5" skärm;b', ';');
    expect(problems).toEqual([]);
    expect(values(records)).toEqual([['5" skärm', 'b']]);
  });

  it('handles a file without a final line break and an empty input', () => {
    expect(values(parseCsv('a,b\n1,2', ',').records)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('', ',').records).toEqual([]);
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter used more often in the header line', () => {
    expect(detectDelimiter('Anställningsnummer;Förnamn;Efternamn\n1;a;b')).toBe(';');
    expect(detectDelimiter('Anställningsnummer,Förnamn,Efternamn\n1,a,b')).toBe(',');
  });

  it('ignores delimiters inside quoted header names', () => {
    expect(detectDelimiter('"Namn, fullständigt";"Enhet, kod";Område\n')).toBe(';');
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(',');
  });

  it('looks at the following lines when the header line is a tie, and falls back to comma', () => {
    expect(detectDelimiter('Namn\n1;2\n')).toBe(';');
    expect(detectDelimiter('Namn\nx\n')).toBe(',');
  });
});
