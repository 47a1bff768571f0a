import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested, validateSync, ValidationError } from 'class-validator';
import { FieldError, IMPORT_FIELDS, ImportField, ImportMode, ImportOptions, REQUIRED_IMPORT_FIELDS } from '@kunna/contracts';
import { validationError } from '../../common/errors';
import { FIELD_LABELS } from '../import-problems';

const COLUMN_INDEX = { message: 'Ange kolumnens nummer: 0 för första kolumnen, 1 för andra och så vidare.' };
const MAX_COLUMN = 999;

const column = (): PropertyDecorator => {
  const decorators = [
    IsOptional(),
    IsInt(COLUMN_INDEX),
    Min(0, COLUMN_INDEX),
    Max(MAX_COLUMN, COLUMN_INDEX),
    ApiPropertyOptional({ type: Number, minimum: 0, description: 'Kolumnens nummer i filen, 0 för första kolumnen' }),
  ];
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
};

/** Column index (0-based) in the file for each target field. */
export class ImportMappingDto implements Partial<Record<ImportField, number>> {
  @column() employeeNumber?: number;
  @column() firstName?: number;
  @column() lastName?: number;
  @column() email?: number;
  @column() roleTitle?: number;
  @column() employmentType?: number;
  @column() startDate?: number;
  @column() endDate?: number;
  @column() gender?: number;
  @column() preferredLanguage?: number;
  @column() unitCode?: number;
  @column() unitName?: number;
  @column() areaName?: number;
}

export class ImportOptionsDto implements ImportOptions {
  @ApiProperty({ type: ImportMappingDto })
  @IsDefined({ message: 'Ange vilken kolumn som hör till vilket fält (mapping).' })
  @IsObject({ message: 'Kolumnvalet (mapping) ska vara ett objekt med fält och kolumnnummer.' })
  @ValidateNested()
  @Type(() => ImportMappingDto)
  mapping!: ImportMappingDto;

  @ApiProperty({ enum: ['full', 'partial'] })
  @IsIn(['full', 'partial'], {
    message: 'Välj importläge: "partial" uppdaterar bara personerna i filen, "full" avslutar också de som saknas i filen.',
  })
  mode!: ImportMode;

  @ApiPropertyOptional({ description: 'Okända enhetskoder blir nya enheter när raden har enhetens namn och ett befintligt område.' })
  @IsOptional()
  @IsBoolean({ message: 'Ange true eller false.' })
  createUnits?: boolean;
}

/**
 * Reads the multipart field `options` (JSON text). The global validation pipe does not see it (it is a
 * string inside a multipart body), so it is validated here with the same rules: unknown properties are
 * refused, the first problem per field is reported, every field is named (`options.mapping.email`).
 */
export function parseImportOptions(raw: unknown): ImportOptions {
  if (raw === undefined || raw === null || raw === '') {
    throw optionsError([{ field: 'options', message: 'Skicka med inställningarna för importen (fältet options).' }]);
  }
  let json: unknown = raw;
  if (typeof raw === 'string') {
    try {
      json = JSON.parse(raw);
    } catch {
      throw optionsError([{ field: 'options', message: 'Inställningarna (options) är inte giltig JSON.' }]);
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw optionsError([{ field: 'options', message: 'Inställningarna (options) ska vara ett JSON-objekt.' }]);
  }
  const instance = plainToInstance(ImportOptionsDto, json);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true, forbidUnknownValues: true });
  if (errors.length > 0) throw optionsError(toFieldErrors(errors, 'options'));
  const mapping: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const index = instance.mapping[field];
    if (index !== undefined && index !== null) mapping[field] = index;
  }
  return { mapping, mode: instance.mode, createUnits: instance.createUnits ?? false };
}

/** Checks the mapping against the file's header row: required fields chosen, columns that exist, no column twice. */
export function checkMappingAgainstHeaders(options: ImportOptions, headers: string[]): void {
  const problems: FieldError[] = [];
  const usedBy = new Map<number, ImportField>();
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (options.mapping[field] === undefined) {
      problems.push({ field: `options.mapping.${field}`, message: `Välj vilken kolumn som innehåller ${FIELD_LABELS[field].toLowerCase()}.` });
    }
  }
  for (const field of IMPORT_FIELDS) {
    const index = options.mapping[field];
    if (index === undefined) continue;
    if (index >= headers.length) {
      problems.push({
        field: `options.mapping.${field}`,
        message: `Kolumn ${index} finns inte: filen har ${headers.length} kolumner (0–${headers.length - 1}).`,
      });
      continue;
    }
    const other = usedBy.get(index);
    if (other) {
      problems.push({
        field: `options.mapping.${field}`,
        message: `Kolumnen "${headers[index]}" är redan vald för ${FIELD_LABELS[other].toLowerCase()}. Välj en kolumn per fält.`,
      });
    } else {
      usedBy.set(index, field);
    }
  }
  if (problems.length > 0) throw optionsError(problems);
}

function optionsError(details: FieldError[]) {
  return validationError(details, 'Inställningarna för importen är inte giltiga.');
}

function toFieldErrors(errors: ValidationError[], parent: string): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = `${parent}.${error.property}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, message: constraint === 'whitelistValidation' ? 'Okänt fält. Ta bort det.' : message });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}
