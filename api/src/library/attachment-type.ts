import { AttachmentType } from '@kunna/contracts';

/**
 * Decides an attachment's type from its bytes (magic numbers), never from the name or the type the
 * browser claims. Office files are ZIP archives: the central directory must name the part that makes
 * the file a Word, Excel or PowerPoint document, and macro-enabled documents are refused.
 */
export function detectAttachmentType(content: Buffer): AttachmentType | null {
  if (content.length >= 5 && content.subarray(0, 5).toString('latin1') === '%PDF-') return AttachmentType.Pdf;
  if (content.length >= 8 && content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return AttachmentType.Png;
  }
  if (content.length >= 4 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return AttachmentType.Jpeg;
  if (content.length >= 4 && content.readUInt32LE(0) === 0x04034b50) return officeType(content);
  return null;
}

/** The file-name extensions each type may carry (checked against the detected type). */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentType, string[]> = {
  [AttachmentType.Pdf]: ['pdf'],
  [AttachmentType.Png]: ['png'],
  [AttachmentType.Jpeg]: ['jpg', 'jpeg'],
  [AttachmentType.Docx]: ['docx'],
  [AttachmentType.Xlsx]: ['xlsx'],
  [AttachmentType.Pptx]: ['pptx'],
};

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match ? match[1].toLowerCase() : '';
}

/**
 * A file name safe to store and to send back in Content-Disposition: no path, no control characters,
 * at most 150 characters (keeping the extension).
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (cleaned.length <= 150) return cleaned || 'bilaga';
  const extension = extensionOf(cleaned);
  const keep = extension ? 150 - extension.length - 1 : 150;
  return extension ? `${cleaned.slice(0, keep)}.${extension}` : cleaned.slice(0, keep);
}

const OFFICE_MAIN_PARTS: Array<[string, AttachmentType]> = [
  ['word/document.xml', AttachmentType.Docx],
  ['xl/workbook.xml', AttachmentType.Xlsx],
  ['ppt/presentation.xml', AttachmentType.Pptx],
];

function officeType(content: Buffer): AttachmentType | null {
  const names = zipEntryNames(content);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  // Macro-enabled documents (docm, xlsm, pptm) carry a VBA project: refused.
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) return null;
  const found = OFFICE_MAIN_PARTS.filter(([part]) => names.includes(part));
  return found.length === 1 ? found[0][1] : null;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const MAX_ENTRIES = 10000;

/** Names in a ZIP archive's central directory, or null when the archive is not well-formed. */
export function zipEntryNames(content: Buffer): string[] | null {
  const minimum = 22;
  if (content.length < minimum) return null;
  const earliest = Math.max(0, content.length - minimum - 0xffff);
  let end = -1;
  for (let offset = content.length - minimum; offset >= earliest; offset--) {
    if (content.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end === -1) return null;
  const entries = content.readUInt16LE(end + 10);
  const directorySize = content.readUInt32LE(end + 12);
  const directoryOffset = content.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES || directoryOffset + directorySize > end) return null;
  const names: string[] = [];
  let position = directoryOffset;
  for (let index = 0; index < entries; index++) {
    if (position + 46 > end || content.readUInt32LE(position) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = content.readUInt16LE(position + 28);
    const extraLength = content.readUInt16LE(position + 30);
    const commentLength = content.readUInt16LE(position + 32);
    const nameEnd = position + 46 + nameLength;
    if (nameEnd > end) return null;
    names.push(content.subarray(position + 46, nameEnd).toString('utf8'));
    position = nameEnd + extraLength + commentLength;
  }
  return names;
}
