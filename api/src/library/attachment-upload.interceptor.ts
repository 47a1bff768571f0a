import { BadRequestException, CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { LIBRARY_LIMITS } from '@kunna/contracts';
import { validationError } from '../common/errors';

const MAX_MB = LIBRARY_LIMITS.attachmentMaxBytes / 1024 / 1024;

class UploadRejected extends BadRequestException {}

const rejected = (message: string) => new UploadRejected(validationError([{ field: 'file', message }], message).getResponse());

const MulterUpload = FileInterceptor('file', {
  // In memory, never on disk; the content is type-checked by its bytes afterwards (attachment-type.ts).
  limits: { fileSize: LIBRARY_LIMITS.attachmentMaxBytes, files: 1, fields: 2, fieldSize: 4 * 1024, parts: 3 },
  defParamCharset: 'utf8',
});

/**
 * Receives the multipart field `file` (at most 10 MB) and an optional `title`, answering upload mistakes
 * in Swedish with the field named. Runs after the guards: nothing is read from a caller who may not edit.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
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
    const message = `Filen är för stor. Största tillåtna storlek är ${MAX_MB} MB.`;
    return new PayloadTooLargeException({ statusCode: 413, error: 'Payload Too Large', message, details: [{ field: 'file', message }] });
  }
  if (error instanceof HttpException && error.getStatus() === 400) {
    const text = error.message;
    if (/Unexpected (file )?field/i.test(text)) return rejected('Skicka filen i fältet "file".');
    if (/Too many files/i.test(text)) return rejected('Skicka en fil i taget.');
    if (/Too many (parts|fields)|Field value too long|Field name/i.test(text)) {
      return validationError([{ field: 'title', message: 'Förfrågan har för många eller för stora fält.' }], 'Förfrågan har för många eller för stora fält.');
    }
    return rejected('Uppladdningen kunde inte läsas. Försök igen.');
  }
  return error;
}
