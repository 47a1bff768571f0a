import type { Client } from 'pg';
import { describe, Description, valueKindOf } from './describe';
import type { FoundQuery, RowProperty, ValueKind } from './find-queries';

export interface RowTypeReport {
  /** Queries whose result has a declared type. */
  total: number;
  /** Of those, the queries whose every SQL text was described by PostgreSQL and compared. */
  checked: number;
  /** `path:line: what differs`, one line per query and SQL text. */
  mismatches: string[];
  /** `path:line: why it was not checked`. */
  skipped: string[];
  /** Queries whose result is used without a declared type (`any`, `unknown`): nothing to check. */
  untyped: string[];
}

/**
 * Compares each query's declared result with what PostgreSQL says the statement returns: the column names must be the
 * row type's property names (no more, no fewer), each column's value as node-pg parses it must be of a kind the
 * property accepts, and the result must have TypeORM's shape (`[rows, affected]` for UPDATE and DELETE, rows
 * otherwise).
 */
export async function checkRowTypes(queries: FoundQuery[], client: Client): Promise<RowTypeReport> {
  const report: RowTypeReport = { total: 0, checked: 0, mismatches: [], skipped: [], untyped: [] };
  const typeNames = new TypeNames(client);
  for (const query of queries) {
    const declared = query.declared;
    if (!declared) {
      if (query.resultUsed) report.untyped.push(query.location);
      continue;
    }
    report.total++;
    if ('unknown' in query.sql) {
      report.skipped.push(`${query.location}: the SQL depends on run-time values (${query.sql.unknown})`);
      continue;
    }
    const variants = query.sql.texts.length > 1;
    let described = true;
    for (const [index, sql] of query.sql.texts.entries()) {
      const where = variants ? `${query.location} (variant ${index + 1} of ${query.sql.texts.length})` : query.location;
      const description: Description = await describe(client, sql);
      if ('error' in description) {
        report.skipped.push(`${where}: PostgreSQL cannot describe the statement (${description.error})`);
        described = false;
        continue;
      }
      const problems = await differences(declared, mainCommand(sql), description.columns, typeNames);
      if (problems.length) report.mismatches.push(`${where}: ${problems.join('; ')}`);
    }
    if (described) report.checked++;
  }
  return report;
}

async function differences(
  declared: NonNullable<FoundQuery['declared']>,
  command: string,
  columns: Array<{ name: string; typeOid: number }> | null,
  typeNames: TypeNames,
): Promise<string[]> {
  if (declared.shape === 'other') return [`the result is typed ${declared.typeText}, but a query returns an array`];
  const problems: string[] = [];
  const updatesOrDeletes = command === 'update' || command === 'delete';
  if (updatesOrDeletes && declared.shape === 'rows') {
    problems.push(`TypeORM returns [rows, affected count] for ${command.toUpperCase()}, but the result is typed ${declared.typeText}`);
  }
  if (!updatesOrDeletes && declared.shape === 'rows-and-count') {
    problems.push(`TypeORM returns the rows of ${command.toUpperCase()} without a count, but the result is typed ${declared.typeText}`);
  }
  const properties = declared.properties;
  if (!properties) return problems;
  if (!columns) return [...problems, `the statement returns no rows, but the rows are typed ${declared.typeText}`];
  const names = columns.map((column) => column.name);
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  const missing = properties.map((property) => property.name).filter((name) => !names.includes(name));
  const extra = names.filter((name) => !properties.some((property) => property.name === name));
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (extra.length) problems.push(`extra column${extra.length > 1 ? 's' : ''} ${[...new Set(extra)].join(', ')}`);
  if (twice.length) problems.push(`column${twice.length > 1 ? 's' : ''} ${[...new Set(twice)].join(', ')} returned twice`);
  for (const column of columns) {
    const property = properties.find((candidate) => candidate.name === column.name);
    const kind = valueKindOf(column.typeOid);
    if (property && !accepts(property.kinds, kind)) {
      problems.push(
        `${column.name} is ${await typeNames.of(column.typeOid)}, which node-pg gives as ${kindText(kind)}, but it is typed ${property.kinds.map(kindText).join(' | ') || 'null'}`,
      );
    }
  }
  return problems;
}

function accepts(kinds: RowProperty['kinds'], kind: ValueKind): boolean {
  if (kind === 'any' || kinds.length === 0 || kinds.includes('any')) return true;
  if (typeof kind === 'string') return kinds.includes(kind);
  return kinds.some((candidate) => typeof candidate !== 'string' && kind.array.every((element) => accepts(candidate.array, element)));
}

function kindText(kind: ValueKind): string {
  return typeof kind === 'string' ? kind : `${kind.array.length === 1 ? kindText(kind.array[0]) : `(${kind.array.map(kindText).join(' | ')})`}[]`;
}

/**
 * The command of a statement as PostgreSQL reports it (which TypeORM reads to shape the result): the first of
 * select, insert, update, delete, values outside parentheses, so that `with … as (…) update …` is an update and a
 * data-modifying common table expression under a select is a select.
 */
export function mainCommand(sql: string): string {
  const text = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""');
  let depth = 0;
  let firstNested: string | undefined;
  for (const token of text.matchAll(/[()]|\b(select|insert|update|delete|values)\b/gi)) {
    if (token[0] === '(') depth++;
    else if (token[0] === ')') depth--;
    else if (depth === 0) return token[0].toLowerCase();
    else firstNested ??= token[0].toLowerCase();
  }
  return firstNested ?? 'other';
}

/** PostgreSQL's names of type OIDs, for readable messages. */
class TypeNames {
  private readonly names = new Map<number, string>();

  constructor(private readonly client: Client) {}

  async of(oid: number): Promise<string> {
    if (!this.names.has(oid)) {
      const { rows } = await this.client.query<{ name: string }>(`select format_type($1::oid, null) as name`, [oid]);
      this.names.set(oid, rows[0]?.name ?? String(oid));
    }
    return this.names.get(oid) ?? String(oid);
  }
}
