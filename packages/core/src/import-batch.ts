/**
 * What an import's transaction does the same way in every subgraph once its rows are matched to the graph: a
 * natural key taken by one row of a file only, the records it creates and the changes it makes (each row's
 * outcome), their audit records, and the payload that answers the call.
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { writeAudits, type AuditEntry } from "./audit";
import { insertRows } from "./bulk";
import type { GatewayLookup } from "./gateway-lookup";
import { organizationsOf, type MembershipOrganization } from "./membership-organizations";
import { importDecision, ImportOutcome, updateVersioned, type ImportPayloadBase, type ImportRowResultBase } from "./import";

/**
 * Refuses a row whose natural key an earlier row of the same file took: `once(key, row.rowNumber, refuse)` throws
 * `refuse(earlier)`, `earlier` naming the first row ("row 12", or "an earlier row" when it came without a number).
 */
export function oncePerFile(): (key: string, rowNumber: number | null | undefined, refuse: (earlier: string) => Error) => void {
  const seen = new Map<string, number | null>();
  return (key, rowNumber, refuse) => {
    if (seen.has(key)) {
      const first = seen.get(key);
      throw refuse(first != null ? `row ${first}` : "an earlier row");
    }
    seen.set(key, rowNumber ?? null);
  };
}

/**
 * Membership's organisations that the rows a check kept (`checked`, from `checkEach`) name by id in `field`: one
 * look-up for the whole batch (`organizationsOf`), asked before its transaction opens so no lock waits on the network.
 */
export function organizationsNamed<Row>(
  lookup: GatewayLookup,
  rows: readonly Row[],
  checked: readonly unknown[],
  field: keyof Row & string,
): Promise<Map<string, MembershipOrganization | null>> {
  const ids = rows.map((row, index) => (checked[index] === null ? null : (row[field] as string | null | undefined)));
  return organizationsOf(lookup, ids, field);
}

/** The fields of `wanted` whose values `before` does not have; with a new commune, `communeSince` too. */
export function changedFields<E extends object>(before: E, wanted: Partial<E>, communeSince?: string | null): Partial<E> {
  const changes = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => before[field as keyof E] !== value)) as Partial<E>;
  if (communeSince !== undefined && (changes as { communeId?: unknown }).communeId) Object.assign(changes, { communeSince });
  return changes;
}

/** The fields of a row result `R` that hold the id of the record the row matched or created. */
type IdField<R> = { [K in keyof R]: R[K] extends string | null ? (string | null extends R[K] ? K : never) : never }[keyof R];

/**
 * The records of `entity` an import of `rows` creates and the recorded ones it changes, each with its row's index,
 * and each row's outcome and record id (the result's `id` field) in `results`.
 */
export class ImportWrites<E extends { id: string; version: number }, R extends ImportRowResultBase> {
  readonly creates: { entity: E; index: number }[] = [];
  readonly updates: { before: E; changes: Partial<E>; index: number }[] = [];

  constructor(private readonly batch: { entity: EntityTarget<E>; operation: string; rows: readonly unknown[]; results: R[]; id: IdField<R> }) {}

  /** Queues row `index`'s new record: the row is CREATED (its id is set once the batch is written). */
  create(entity: E, index: number): void {
    this.creates.push({ entity, index });
    this.batch.results[index].outcome = ImportOutcome.CREATED;
  }

  /** Queues what row `index` changes of its record `before` (see `changedFields`): the row is UPDATED, or UNCHANGED when nothing differs. */
  update(before: E, wanted: Partial<E>, index: number, communeSince?: string | null): void {
    const result = this.batch.results[index];
    (result as unknown as Record<IdField<R>, string>)[this.batch.id] = before.id;
    const changes = changedFields(before, wanted, communeSince);
    if (Object.keys(changes).length > 0) this.updates.push({ before, changes, index });
    result.outcome = Object.keys(changes).length > 0 ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED;
  }

  /**
   * The batch's payload (`importPayload`); when it is written, the creates inserted (`insertEntities`), each changed
   * record moved to its next version, the audit records of both, and each created record's id on its row's result.
   */
  async finish<P extends ImportPayloadBase>(manager: EntityManager, Payload: new () => P, dryRun: boolean, skipInvalid: boolean): Promise<P & { rows: R[] }> {
    const { entity, operation, rows, results } = this.batch;
    const payload = importPayload(Payload, results, dryRun, skipInvalid);
    if (!payload.written) return payload;
    const created = this.creates.map((c) => c.entity);
    await insertEntities(manager, entity, created);
    const audits: AuditEntry[] = this.creates.map(({ entity: record, index }) => ({ operation, input: rows[index], resultRef: record.id, after: record }));
    const updates = this.updates.map((u) => ({ ...u, input: rows[u.index] }));
    audits.push(...(await updateVersioned(manager, entity, operation, updates)));
    await writeAudits(manager, audits);
    for (const { entity: record, index } of this.creates) (results[index] as unknown as Record<IdField<R>, string>)[this.batch.id] = record.id;
    return payload;
  }
}

/** An import's payload: its rows' results, their counts, and whether the batch is written (`importDecision`). */
export function importPayload<P extends ImportPayloadBase, R extends ImportRowResultBase>(
  Payload: new () => P,
  results: R[],
  dryRun: boolean,
  skipInvalid: boolean,
): P & { rows: R[] } {
  return Object.assign(new Payload(), { dryRun, ...importDecision(results, dryRun, skipInvalid), rows: results });
}

/**
 * Inserts an import's new records of `entity` with `insertRows`: each record's columns as the entity maps them, its
 * values as the driver writes them (transformers applied). A column the first record leaves undefined is left to its
 * default: the records of one batch set the same fields.
 */
export async function insertEntities<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, records: readonly E[]): Promise<void> {
  if (records.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !column.isVirtual && column.getEntityValue(records[0]) !== undefined);
  const rows = records.map((record) => Object.fromEntries(columns.map((column) => [column.databaseName, column.getEntityValue(record, true) as unknown])));
  await insertRows(manager, metadata.tableName, rows);
}
