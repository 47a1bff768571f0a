import { Db } from '../../db';

/**
 * Deliberately wrong row types, one of each mistake the row type check must catch (row-types.int-spec.ts proves with
 * them that it fails). Not part of the application: nothing imports this class.
 */
export class WrongRowTypesRepository {
  constructor(private readonly db: Db) {}

  /** `title` is no column of `unit` (it is `name`). */
  async units(organisationId: string): Promise<Array<{ id: string; title: string }>> {
    return this.db.manager.query(`select id, name from unit where organisation_id = $1`, [organisationId]);
  }

  /** `count(*)` is bigint, which node-pg gives as a string. */
  async unitCount(): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.manager.query(`select count(*) as n from unit`);
    return rows[0].n;
  }

  /** A DELETE answers `[rows, affected]` through TypeORM, not the rows. */
  async deleteUnit(id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(`delete from unit where id = $1 returning id`, [id]);
    return rows.map((row) => row.id);
  }

  /** The column is chosen at run time: not checked, and listed as such. */
  async unitsBy(column: string, value: string): Promise<Array<{ id: string }>> {
    return this.db.manager.query(`select id from unit where ${column} = $1`, [value]);
  }
}
