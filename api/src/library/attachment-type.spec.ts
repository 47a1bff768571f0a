import { AttachmentType } from '@kunna/contracts';
import { buildZip, JPEG_BYTES, officeFile, PDF_BYTES, PNG_BYTES } from '../test-support/zip-builder';
import { cleanFileName, detectAttachmentType, zipEntryNames } from './attachment-type';

describe('detectAttachmentType', () => {
  it.each([
    ['pdf', PDF_BYTES, AttachmentType.Pdf],
    ['png', PNG_BYTES, AttachmentType.Png],
    ['jpeg', JPEG_BYTES, AttachmentType.Jpeg],
    ['docx', officeFile('docx'), AttachmentType.Docx],
    ['xlsx', officeFile('xlsx'), AttachmentType.Xlsx],
    ['pptx', officeFile('pptx'), AttachmentType.Pptx],
  ])('recognises %s by its content', (_name, bytes, expected) => {
    expect(detectAttachmentType(bytes)).toBe(expected);
  });

  it.each([
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['an SVG image (can carry scripts)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['plain text', Buffer.from('Hej!')],
    ['an executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['an empty file', Buffer.alloc(0)],
    ['a ZIP that is no Office file', buildZip({ 'notes.txt': 'hej' })],
    ['a macro-enabled Word file', officeFile('docx', { 'word/vbaProject.bin': 'macro' })],
    ['a ZIP naming two document kinds', officeFile('docx', { 'xl/workbook.xml': '<x/>' })],
    ['a truncated ZIP', officeFile('docx').subarray(0, 60)],
    ['a ZIP header with garbage', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)])],
    ['HTML with a PDF name but no PDF header', Buffer.from(' %PDF-1.4 <script>')],
  ])('refuses %s', (_name, bytes) => {
    expect(detectAttachmentType(bytes)).toBeNull();
  });
});

describe('zipEntryNames', () => {
  it('reads the central directory', () => {
    expect(zipEntryNames(buildZip({ a: '1', 'b/c.xml': '2' }))).toEqual(['a', 'b/c.xml']);
  });

  it('refuses a directory pointing outside the file', () => {
    const zip = buildZip({ a: '1' });
    zip.writeUInt32LE(0xffffff, zip.length - 6);
    expect(zipEntryNames(zip)).toBeNull();
  });
});

describe('cleanFileName', () => {
  it.each([
    ['Rutin nyckelfria lås.pdf', 'Rutin nyckelfria lås.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\anna\\Lathund.docx', 'Lathund.docx'],
    ['bad"name<script>.pdf', 'badnamescript.pdf'],
    ['line\nbreak.png', 'linebreak.png'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['', 'bilaga'],
  ])('%j → %j', (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it('shortens long names and keeps the extension', () => {
    const cleaned = cleanFileName(`${'a'.repeat(300)}.pptx`);
    expect(cleaned).toHaveLength(150);
    expect(cleaned.endsWith('.pptx')).toBe(true);
  });
});
