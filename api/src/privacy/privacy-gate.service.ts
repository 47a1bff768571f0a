import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DimensionInput, ReleaseElement, ReleaseRefusal, releaseRefusal } from '@kunna/learning-gain';
import { PrivacyRepository } from './privacy.repository';

/** One value of one person inside a group, in readable form (the gate stores hashes of both). */
export interface GateElement {
  /** Identifies the value: the record and everything it contributes, so it changes when an answer does. */
  value: string;
  person: string;
}

/**
 * Whose figure it is and which kind of value: the release log is kept per organisation and family, for every viewer
 * in the organisation together, so that two viewers cannot subtract each other's figures either.
 */
export interface GateContext {
  organisationId: string;
  /** The kind of value, e.g. `rating:skills`: figures of one family are linear in the same per-person values. */
  family: string;
  minimum: number;
}

/**
 * The one privacy gate for aggregates (docs/security.md, "Aggregates"): every released figure's group is checked
 * against the groups already released in the organisation for the same kind of value (`releaseRefusal` in
 * @kunna/learning-gain: minimum group size, complement in the scope, differences of fewer than the minimum over
 * time, filters and periods, and groups that adding and subtracting releases would isolate), and logged once released.
 */
@Injectable()
export class PrivacyGate {
  /** Each group's hashed elements and set key, computed once for `refusal` and `record` of the same group. */
  private readonly prepared = new WeakMap<readonly GateElement[], { elements: ReleaseElement[]; setKey: string }>();

  constructor(private readonly repository: PrivacyRepository) {}

  /** Why the group may not be released now (nothing is logged), or null. */
  async refusal(context: GateContext, group: readonly GateElement[], scope?: readonly GateElement[]): Promise<ReleaseRefusal | null> {
    const { elements, setKey } = this.prepare(group);
    // The very group released before reveals nothing new (a page read again): decided on the set keys alone.
    if ((await this.repository.setKeys(context.organisationId, context.family)).has(setKey)) return null;
    const log = await this.repository.released(context.organisationId, context.family);
    return releaseRefusal({ candidate: elements, released: log.groups, scope: scope?.map(hashed), minimum: context.minimum });
  }

  /** Logs the group as released (after `refusal` allowed it, within the same transaction). */
  async record(context: GateContext, group: readonly GateElement[]): Promise<void> {
    if (group.length === 0) return;
    const { elements, setKey } = this.prepare(group);
    await this.repository.record(context.organisationId, context.family, setKey, elements);
  }

  /** Decides and logs in one step: the group is released (and logged) exactly when this answers null. */
  async release(context: GateContext, group: readonly GateElement[], scope?: readonly GateElement[]): Promise<ReleaseRefusal | null> {
    const refusal = await this.refusal(context, group, scope);
    if (refusal === null) await this.record(context, group);
    return refusal;
  }

  /**
   * Releases the groups one figure is made of (a mean before and a mean after; each dimension of an overall figure),
   * in order, until one is refused: the figure is shown exactly when this answers null. Groups logged before a later
   * one is refused stay logged, which only ever withholds more.
   */
  async releaseAll(
    releases: ReadonlyArray<{ context: GateContext; group: readonly GateElement[]; scope?: readonly GateElement[] }>,
  ): Promise<ReleaseRefusal | null> {
    for (const { context, group, scope } of releases) {
      if (group.length === 0) continue;
      const refusal = await this.release(context, group, scope);
      if (refusal !== null) return refusal;
    }
    return null;
  }

  private prepare(group: readonly GateElement[]): { elements: ReleaseElement[]; setKey: string } {
    let prepared = this.prepared.get(group);
    if (!prepared) {
      const elements = group.map(hashed);
      prepared = { elements, setKey: setKeyOf(elements) };
      this.prepared.set(group, prepared);
    }
    return prepared;
  }
}

function setKeyOf(elements: readonly ReleaseElement[]): string {
  return createHash('sha256')
    .update(
      elements
        .map((e) => e.element)
        .sort()
        .join(','),
    )
    .digest('base64url');
}

// One read hashes the same values for several groups (a unit, its area, the total; before and after): remembered,
// up to a bound, instead of hashed again.
const KEY_CACHE_LIMIT = 200_000;
const keyCache = new Map<string, string>();

/** A 64-bit key (as a decimal string) of a value or person: compact, and without the person's id in clear. */
function key64(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    key = BigInt.asIntN(64, createHash('sha256').update(text).digest().readBigUInt64BE(0)).toString();
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(text, key);
  }
  return key;
}

function hashed(element: GateElement): ReleaseElement {
  return { element: key64(element.value), person: key64(element.person) };
}

/**
 * The values a group's figures are computed from: one element per record (`assignmentId:personId`) that answered any
 * of the inputs' items, its value being all it answered there. Records without any answer add nothing but counts.
 */
export function valueElements(inputs: readonly DimensionInput[]): GateElement[] {
  const answered = new Map<string, string[]>();
  for (const input of inputs) {
    for (const record of input.records) {
      if (record.before == null && record.after == null && record.then == null) continue;
      const parts = answered.get(record.personId) ?? [];
      parts.push(`${input.key}=${String(record.before)}/${String(record.after)}/${String(record.then)}`);
      answered.set(record.personId, parts);
    }
  }
  return [...answered].map(([recordKey, parts]) => ({ value: `${recordKey}|${parts.sort().join(';')}`, person: recordKey.slice(recordKey.indexOf(':') + 1) }));
}
