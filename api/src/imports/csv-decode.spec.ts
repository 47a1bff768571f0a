import * as iconv from 'iconv-lite';
import { CsvFileRejected, decodeCsv } from './csv-decode';

const rejection = (buffer: Buffer) => {
  try {
    decodeCsv(buffer);
  } catch (error) {
    if (error instanceof CsvFileRejected) return error.code;
    throw error;
  }
  return null;
};

describe('decodeCsv', () => {
  it('reads UTF-8 without a byte order mark', () => {
    expect(decodeCsv(Buffer.from('Förnamn;Efternamn\nÅsa;Öberg\n', 'utf8'))).toEqual({
      text: 'Förnamn;Efternamn\nÅsa;Öberg\n',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('removes a UTF-8 byte order mark', () => {
    const buffer = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Förnamn\nÄrla\n', 'utf8')]);
    expect(decodeCsv(buffer)).toEqual({ text: 'Förnamn\nÄrla\n', encoding: 'utf-8', bom: true });
  });

  it('reads bytes that are not valid UTF-8 as Windows-1252', () => {
    const buffer = iconv.encode('Förnamn;Efternamn\r\nÅsa;Öberg – “citat” €\r\n', 'windows-1252');
    // ö in 1252 is the single byte 0xF6, which is never valid UTF-8 on its own.
    expect(buffer.includes(0xf6)).toBe(true);
    expect(decodeCsv(buffer)).toEqual({ text: 'Förnamn;Efternamn\r\nÅsa;Öberg – “citat” €\r\n', encoding: 'windows-1252', bom: false });
  });

  it('calls plain ASCII UTF-8', () => {
    expect(decodeCsv(Buffer.from('a,b\n1,2\n')).encoding).toBe('utf-8');
  });

  it('refuses empty files, spreadsheets, UTF-16 and binary content with a reason', () => {
    expect(rejection(Buffer.alloc(0))).toBe('file_empty');
    expect(rejection(Buffer.from('  \r\n\n'))).toBe('file_empty');
    expect(rejection(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('file_spreadsheet');
    expect(rejection(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]))).toBe('file_spreadsheet');
    expect(rejection(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b', 'utf16le')]))).toBe('file_utf16');
    expect(rejection(Buffer.from('a,b\n1,\u0000\n'))).toBe('file_binary');
    expect(rejection(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))))).toBe('file_binary');
    expect(rejection(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xf6, 0x42]))).toBe('file_invalid_utf8');
  });
});
