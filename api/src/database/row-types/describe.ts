import type { Client, Connection, Submittable } from 'pg';
import type { ValueKind } from './find-queries';

export interface ResultColumn {
  name: string;
  /** The type's OID (a domain's base type, as PostgreSQL describes it). */
  typeOid: number;
}

export type Description = { columns: ResultColumn[] | null } | { error: string };

/**
 * The columns a statement returns, from PostgreSQL's own description of it (Parse and Describe in the extended
 * protocol, the way node-pg prepares a statement): nothing is executed, no row is read or written, and the parameters
 * take the types PostgreSQL infers for them. `columns` is null for a statement that returns no rows.
 */
export function describe(client: Client, sql: string): Promise<Description> {
  return new Promise((resolve) => {
    let columns: ResultColumn[] | null = null;
    let error: string | null = null;
    // A "submittable" (what pg-cursor uses): node-pg hands it the connection and the backend's answers.
    const submittable: Submittable & Record<string, unknown> = {
      submit(connection: Connection) {
        connection.parse({ name: '', text: sql, types: [] }, true);
        connection.describe({ type: 'S', name: '' }, true);
        connection.sync();
      },
      handleRowDescription(message: { fields: Array<{ name: string; dataTypeID: number }> }) {
        columns = message.fields.map((field) => ({ name: field.name, typeOid: field.dataTypeID }));
      },
      handleError(failure: Error) {
        error = failure.message;
      },
      handleReadyForQuery() {
        resolve(error === null ? { columns } : { error });
      },
      handleDataRow: () => undefined,
      handleCommandComplete: () => undefined,
      handleEmptyQuery: () => undefined,
      handlePortalSuspended: () => undefined,
    };
    client.query(submittable);
  });
}

/**
 * What node-pg turns a column of each type into (pg-types' text parsers; Kunna sets no parsers of its own, and
 * TypeORM's driver none either): int8 and numeric stay strings, date and timestamps become Date, json is parsed, and
 * every type without a parser (text, uuid, enums, arrays of enums, ranges) stays a string.
 */
export function valueKindOf(typeOid: number): ValueKind {
  return PARSED[typeOid] ?? 'string';
}

const PARSED: Record<number, ValueKind> = {
  16: 'boolean',
  1000: { array: ['boolean'] },
  20: 'string', // int8
  1016: { array: ['string'] },
  21: 'number',
  23: 'number',
  26: 'number',
  700: 'number',
  701: 'number',
  1005: { array: ['number'] },
  1007: { array: ['number'] },
  1028: { array: ['number'] },
  1021: { array: ['number'] },
  1022: { array: ['number'] },
  1231: { array: ['number'] }, // numeric[] is parsed as floats, unlike numeric
  1082: 'Date',
  1114: 'Date',
  1184: 'Date',
  1182: { array: ['Date'] },
  1115: { array: ['Date'] },
  1185: { array: ['Date'] },
  1186: 'object', // interval
  1187: { array: ['object'] },
  17: 'Buffer',
  1001: { array: ['Buffer'] },
  114: 'any', // json
  3802: 'any', // jsonb
  199: { array: ['any'] },
  3807: { array: ['any'] },
  600: 'object',
  718: 'object',
  1017: { array: ['object'] },
  651: { array: ['string'] },
  1014: { array: ['string'] },
  1015: { array: ['string'] },
  1008: { array: ['string'] },
  1009: { array: ['string'] },
  1040: { array: ['string'] },
  1041: { array: ['string'] },
  3907: { array: ['string'] },
  2951: { array: ['string'] },
  791: { array: ['string'] },
  1183: { array: ['string'] },
  1270: { array: ['string'] },
};
