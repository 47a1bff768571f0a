import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { ImportCounts, ImportOptions, ImportPreview, ImportProblem, ImportResult, ImportRunSummary } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import type { Caller } from '../auth';
import { validationError } from '../common/errors';
import { Db, tenantOf } from '../database/db';
import { CsvFileRejected, decodeCsv, DecodedText } from './csv-decode';
import { CsvDelimiter, CsvRecord, detectDelimiter, parseCsv } from './csv-records';
import type { UploadedCsvFile } from './csv-upload.interceptor';
import { checkMappingAgainstHeaders, parseImportOptions } from './dto/import-options.dto';
import { suggestMapping } from './header-mapping';
import { planImport } from './import-plan';
import { limitProblems, lineProblem, sortProblems } from './import-problems';
import { cleanCell } from './import-values';
import { ImportsRepository } from './imports.repository';
import { validateRows } from './row-validation';
import { messageCodeOf } from '../common/message-codes';

/** Problems listed in one answer; past this a summary line says how many more there are. */
export const MAX_LISTED_PROBLEMS = 1000;
const SAMPLE_ROWS = 5;
const HISTORY_LIMIT = 200;

interface ParsedFile {
  decoded: DecodedText;
  delimiter: CsvDelimiter;
  headers: string[];
  records: CsvRecord[];
  problems: ImportProblem[];
}

/**
 * Import of units and staff from an HR system's CSV export: preview (encoding, delimiter, headers and a
 * suggested mapping), dry run (every problem, nothing written) and import (all or nothing).
 *
 * The multipart routes run without the request transaction (see the controller): the upload is received
 * and the file parsed and checked before a database connection is taken; the database work then runs in
 * ONE transaction through `Db.transaction`, carrying the caller's organisation like the request
 * transaction does. Dry run and import share every check, so a dry run without problems predicts the
 * import's counts exactly (unless someone changes the same people in between).
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly db: Db,
    private readonly repository: ImportsRepository,
    private readonly audit: AuditService,
  ) {}

  preview(file: UploadedCsvFile | undefined): ImportPreview {
    const parsed = this.parseFile(file);
    return {
      encoding: parsed.decoded.encoding,
      delimiter: parsed.delimiter,
      headers: parsed.headers,
      suggestedMapping: suggestMapping(parsed.headers),
      sampleRows: parsed.records.slice(0, SAMPLE_ROWS).map((record) => record.fields.map((field) => cleanCell(field.value))),
      rowCount: parsed.records.length,
    };
  }

  async dryRun(caller: Caller, file: UploadedCsvFile | undefined, rawOptions: unknown): Promise<ImportResult> {
    const { options, rows, problems } = this.check(file, rawOptions);
    return this.inTransaction(caller, async () => {
      const today = await this.repository.today();
      const state = await this.repository.loadState(caller.organisationId, today);
      const plan = planImport(rows, state, this.planOptions(caller, options, today));
      return result(true, [...problems, ...plan.problems], plan.counts);
    });
  }

  /**
   * All or nothing: any problem and nothing is written (HTTP 422 with the problem list). A repeated
   * request with the same file (a retry after a lost answer) waits for the first to finish and then
   * finds every person unchanged; it is recorded as a run of its own with those counts.
   */
  async run(caller: Caller, file: UploadedCsvFile | undefined, rawOptions: unknown): Promise<ImportResult> {
    const { options, rows, problems } = this.check(file, rawOptions);
    const upload = file as UploadedCsvFile;
    return this.inTransaction(caller, async () => {
      await this.repository.lockOrganisation(caller.organisationId);
      const today = await this.repository.today();
      const state = await this.repository.loadState(caller.organisationId, today);
      const plan = planImport(rows, state, this.planOptions(caller, options, today));
      if (problems.length > 0 || plan.problems.length > 0) throw rejected([...problems, ...plan.problems]);

      await this.repository.apply(caller.organisationId, plan, today);
      const fileName = safeFileName(upload.originalname);
      const fileSha256 = createHash('sha256').update(upload.buffer).digest('hex');
      const runId = await this.repository.recordRun({
        organisationId: caller.organisationId,
        createdBy: caller.personId,
        fileName,
        fileSha256,
        mode: options.mode,
        counts: plan.counts,
      });
      await this.audit.record({
        action: 'import.run',
        targetType: 'import_run',
        targetId: runId,
        details: { fileName, fileSha256, mode: options.mode, createUnits: options.createUnits ?? false, importDate: today, counts: plan.counts },
      });
      return result(false, [], plan.counts);
    });
  }

  list(caller: Caller): Promise<ImportRunSummary[]> {
    return this.repository.listRuns(caller.organisationId, HISTORY_LIMIT);
  }

  /** Everything that needs no database: the file, the options against its headers, each row. */
  private check(file: UploadedCsvFile | undefined, rawOptions: unknown) {
    const parsed = this.parseFile(file);
    const options = parseImportOptions(rawOptions);
    checkMappingAgainstHeaders(options, parsed.headers);
    const validation = validateRows(parsed.headers, parsed.records, options.mapping);
    return { parsed, options, rows: validation.rows, problems: [...parsed.problems, ...validation.problems] };
  }

  private parseFile(file: UploadedCsvFile | undefined): ParsedFile {
    if (!file) {
      const message = 'Välj en CSV-fil att ladda upp (fältet file).';
      throw validationError([{ field: 'file', message }], message);
    }
    let decoded: DecodedText;
    try {
      decoded = decodeCsv(file.buffer);
    } catch (error) {
      if (error instanceof CsvFileRejected) throw validationError([{ field: 'file', message: error.message }], error.message);
      throw error;
    }
    const delimiter = detectDelimiter(decoded.text);
    const { records, problems } = parseCsv(decoded.text, delimiter);
    if (records.length === 0) {
      const message = 'Filen är tom.';
      throw validationError([{ field: 'file', message }], message);
    }
    const [header, ...data] = records;
    return {
      decoded,
      delimiter,
      headers: header.fields.map((field) => cleanCell(field.value)),
      records: data,
      problems: problems.map((problem) =>
        lineProblem(
          problem.line,
          problem.column,
          problem.code,
          problem.code === 'csv_unterminated_quote'
            ? 'Ett citattecken (") börjar ett fält här men avslutas aldrig, så resten av filen läses som ett enda fält. Lägg till det avslutande citattecknet.'
            : 'Det står text direkt efter ett avslutande citattecken. Ett citattecken inuti ett fält skrivs dubbelt ("").',
        ),
      ),
    };
  }

  private planOptions(caller: Caller, options: ImportOptions, today: string) {
    return { mode: options.mode, createUnits: options.createUnits ?? false, importDate: today, protectedPersonId: caller.personId };
  }

  private inTransaction<T>(caller: Caller, work: () => Promise<T>): Promise<T> {
    return this.db.transaction(() => work(), tenantOf(caller));
  }
}

const ZERO_COUNTS: ImportCounts = { created: 0, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 };

function result(dryRun: boolean, problems: ImportProblem[], counts: ImportCounts): ImportResult {
  // Each problem with its message's catalogue code, for the web app to show in the reader's language.
  const sorted = limitProblems(sortProblems(problems), MAX_LISTED_PROBLEMS).map((problem) => ({ ...problem, ...messageCodeOf(problem.message) }));
  return { dryRun, ok: sorted.length === 0, problems: sorted, counts: sorted.length === 0 ? counts : { ...ZERO_COUNTS } };
}

/** 422 with the problem list: the body is an ApiError and an ImportResult at once. */
function rejected(problems: ImportProblem[]): UnprocessableEntityException {
  const body = result(false, problems, ZERO_COUNTS);
  const total = problems.length;
  return new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: `Importen gjordes inte: filen har ${total} problem. Ingenting har ändrats. Rätta filen och försök igen.`,
    details: body.problems.map((problem) => ({
      field: problem.columnName ?? 'file',
      message: problem.message,
      line: problem.line,
      ...(problem.column !== null ? { column: problem.column } : {}),
    })),
    ...body,
  });
}

/** The name as shown in the history: no folders, no control characters, bounded length. */
export function safeFileName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return (base || 'import.csv').slice(0, 255);
}
