import { BadRequestException, CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { validationError } from '../common/errors';

/** Largest accepted CSV file: about 40 000 staff rows, far above the largest municipality's care staff. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

/** The file as multer keeps it in memory (never written to disk). */
export interface UploadedCsvFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Types a browser or HR system gives a CSV file (Windows with Excel says `application/vnd.ms-excel`). */
const TEXT_TYPES = new Set([
  'text/csv',
  'text/plain',
  'text/x-csv',
  'text/comma-separated-values',
  'text/x-comma-separated-values',
  'application/csv',
  'application/x-csv',
]);
const GENERIC_TYPES = new Set(['application/vnd.ms-excel', 'application/octet-stream', '']);
const TEXT_EXTENSIONS = /\.(csv|txt|skv)$/i;

/**
 * Decides from the name and declared type only, before the upload is read. The content is checked after
 * (see csv-decode.ts): a spreadsheet or binary file renamed to .csv is still refused.
 */
export function isAcceptedUpload(fileName: string, mimeType: string): boolean {
  const type = mimeType.split(';')[0].trim().toLowerCase();
  if (TEXT_TYPES.has(type)) return true;
  return GENERIC_TYPES.has(type) && TEXT_EXTENSIONS.test(fileName);
}

const WRONG_TYPE = 'Filen måste vara en CSV-fil (.csv eller .txt). Spara den i Excel med Spara som → "CSV UTF-8" eller "CSV (semikolonavgränsad)".';

class UploadRejected extends BadRequestException {}

const fileRejected = (message: string) => {
  const base = validationError([{ field: 'file', message }], message);
  return new UploadRejected(base.getResponse());
};

const MulterUpload = FileInterceptor('file', {
  limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 6 },
  // Browsers send file names as UTF-8: "Personal_Växjö.csv" stays readable in the import history.
  defParamCharset: 'utf8',
  fileFilter: (_request, file, callback) => {
    if (isAcceptedUpload(file.originalname, file.mimetype)) callback(null, true);
    else callback(fileRejected(WRONG_TYPE), false);
  },
});

/**
 * Receives the multipart field `file` into memory (at most 5 MB) and answers upload mistakes with a
 * Swedish 400/413 naming the field, instead of multer's English messages. Runs after the access guard,
 * so nothing is read from a caller who may not import.
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new MulterUpload();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw translateUploadError(error);
    }
  }
}

export function translateUploadError(error: unknown): unknown {
  if (error instanceof UploadRejected) return error;
  if (error instanceof PayloadTooLargeException) {
    const message = `Filen är för stor. Största tillåtna storlek är ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`;
    return new PayloadTooLargeException({ statusCode: 413, error: 'Payload Too Large', message, details: [{ field: 'file', message }] });
  }
  if (error instanceof HttpException && error.getStatus() === 400) {
    const text = error.message;
    if (/Unexpected (file )?field/i.test(text)) return fileRejected('Skicka filen i fältet "file".');
    if (/Too many files/i.test(text)) return fileRejected('Skicka en fil i taget.');
    if (/Too many (parts|fields)|Field value too long|Field name/i.test(text)) {
      return validationError([{ field: 'options', message: 'Förfrågan har för många eller för stora fält.' }], 'Förfrågan har för många eller för stora fält.');
    }
    return fileRejected('Uppladdningen kunde inte läsas. Försök igen.');
  }
  return error;
}
