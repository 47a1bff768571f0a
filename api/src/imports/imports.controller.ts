import { Body, Controller, Get, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, ImportPreview, ImportResult, ImportRunSummary } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { WithoutRequestTransaction } from '../database/request-transaction';
import { CsvUploadInterceptor, UploadedCsvFile } from './csv-upload.interceptor';
import { ImportsService } from './imports.service';

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'CSV-fil (UTF-8 eller Windows-1252, komma eller semikolon), högst 5 MB' },
      options: { type: 'string', description: 'JSON: ImportOptions { mapping, mode, createUnits? } (inte för förhandsvisning)' },
    },
  },
};

/**
 * The multipart routes opt out of the request transaction: a slow upload must not hold a database
 * connection. The service opens one transaction itself once the file is in (see ImportsService).
 */
@ApiTags('imports')
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Permit('imports.list')
  @Get(ApiRoutes.imports.list)
  list(@CallerParam() caller: Caller): Promise<ImportRunSummary[]> {
    return this.imports.list(caller);
  }

  @Permit('imports.preview')
  @WithoutRequestTransaction()
  @UseInterceptors(CsvUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @Post(ApiRoutes.imports.preview)
  @HttpCode(200)
  preview(@UploadedFile() file: UploadedCsvFile | undefined): ImportPreview {
    return this.imports.preview(file);
  }

  @Permit('imports.dryRun')
  @WithoutRequestTransaction()
  @UseInterceptors(CsvUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @Post(ApiRoutes.imports.dryRun)
  @HttpCode(200)
  dryRun(
    @CallerParam() caller: Caller,
    @UploadedFile() file: UploadedCsvFile | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<ImportResult> {
    return this.imports.dryRun(caller, file, body?.['options']);
  }

  /** 201 with the counts; 422 with every problem when anything is wrong (nothing written). */
  @Permit('imports.run')
  @WithoutRequestTransaction()
  @UseInterceptors(CsvUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @Post(ApiRoutes.imports.list)
  run(
    @CallerParam() caller: Caller,
    @UploadedFile() file: UploadedCsvFile | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<ImportResult> {
    return this.imports.run(caller, file, body?.['options']);
  }
}
