/**
 * Idempotent mutations. A client that did not hear the answer (network cut, database restart,
 * timeout) sends the same mutation again with the same `idempotencyKey`; the first one to commit
 * leaves a receipt in the same transaction as its write, and every repeat gets that write's result
 * instead of writing again. The same key with different input is refused.
 */
import { createHash } from "node:crypto";
import { IsOptional, Length, Matches } from "class-validator";
import { Field, InputType, type ClassType } from "type-graphql";
import type { DataSource, EntityManager, FindOptionsWhere, MigrationInterface } from "typeorm";
import { sqlMigration } from "./sql-migration";
import { toJson, writeAudit } from "./audit";
import { constraintError, type ConstraintErrors } from "./constraints";
import { conflict } from "./errors";

/** Adds `idempotencyKey` to a mutation input class (a type-graphql mixin). */
export function Idempotent<TBase extends ClassType<object>>(Base: TBase) {
  @InputType({ description: "Base of mutation inputs (not used directly)." })
  class WithIdempotencyKey extends Base {
    @Field({
      nullable: true,
      description:
        "A key of your choosing (8–100 characters, e.g. a UUID) that makes the mutation safe to retry (khóa chống ghi trùng): " +
        "a repeat with the same key returns the first result and writes nothing again.",
    })
    @IsOptional()
    @Length(8, 100, { message: "idempotencyKey must be 8 to 100 characters." })
    @Matches(/^[A-Za-z0-9._:-]+$/u, { message: "idempotencyKey may contain letters, digits and . _ : - only." })
    idempotencyKey?: string;
  }
  return WithIdempotencyKey;
}

/** Base class of mutation inputs that extend nothing else. */
export const MutationInput = Idempotent(class {});
export type MutationInput = InstanceType<typeof MutationInput>;

/** The receipts table; each subgraph adds this migration to its own list. */
export function mutationReceiptsMigration(timestamp: number): new () => MigrationInterface {
  return sqlMigration(
    `MutationReceipts${timestamp}`,
    [
      `
        CREATE TABLE mutation_receipt (
          idempotency_key text PRIMARY KEY,
          operation text NOT NULL,
          request_hash text NOT NULL,
          result_ref text,
          created_at timestamptz NOT NULL DEFAULT now()
        )`,
    ],
    ["DROP TABLE mutation_receipt"],
  );
}

function canonical(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => k !== "idempotencyKey" && v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(operation: string, input: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify([operation, canonical(input)]))
    .digest("hex");
}

/**
 * Keeps `row`, the record a mutation is about to change as it loaded it (under its row lock, where it
 * takes one), as the audit record's `before`, and hands the row back. The copy is taken at once, so
 * what the write later does to the object does not show in it. A write that only creates never calls it.
 */
export type KeepBefore = <R>(row: R) => R;

const RECEIPT_SQL = "SELECT operation, request_hash, result_ref FROM mutation_receipt WHERE idempotency_key = $1";

/** The result reference a receipt holds, or CONFLICT when its key was used for another operation or input. */
function refOfReceipt(receipt: { operation: string; request_hash: string; result_ref: string }, operation: string, hash: string): string {
  if (receipt.operation !== operation || receipt.request_hash !== hash) {
    throw conflict(
      "This idempotencyKey was already used for a different mutation or different input. Use a new key for a new change.",
      "input.idempotencyKey",
      "IDEMPOTENCY_KEY_REUSED",
    );
  }
  return receipt.result_ref;
}

/**
 * The result of a mutation already done under this input's idempotency key, or undefined. Asked
 * before anything else, so a retry of a write that went through gets its result even while another
 * subgraph its checks ask is down (and is not asked again). `idempotentTransaction` still settles
 * concurrent first attempts.
 */
async function priorResult<T>(
  dataSource: DataSource,
  operation: string,
  input: { idempotencyKey?: string } & object,
  load: (ref: string) => Promise<T>,
): Promise<T | undefined> {
  const key = input.idempotencyKey;
  if (!key) return undefined;
  // A receipt is written with its result in one transaction: one that is seen is complete.
  const [receipt] = await dataSource.query(RECEIPT_SQL, [key]);
  if (!receipt) return undefined;
  return load(refOfReceipt(receipt, operation, requestHash(operation, input)));
}

/**
 * Runs `write` in one transaction with its audit record, and with a receipt when the input has an
 * idempotency key. `write` returns the result, gives the record as it was through `keepBefore`, and
 * `refOf` names the result; `load` turns a reference back into a result.
 */
async function idempotentTransaction<T>(
  dataSource: DataSource,
  operation: string,
  input: { idempotencyKey?: string } & object,
  refOf: (result: T) => string,
  write: (manager: EntityManager, keepBefore: KeepBefore) => Promise<T>,
  load: (ref: string) => Promise<T>,
): Promise<T> {
  const key = input.idempotencyKey;
  // Every change leaves its audit record in its own transaction.
  const audited = async (manager: EntityManager) => {
    let kept: unknown;
    const keepBefore: KeepBefore = (row) => {
      kept = toJson(row);
      return row;
    };
    const result = await write(manager, keepBefore);
    const ref = refOf(result);
    await writeAudit(manager, { operation, input, resultRef: ref, before: kept, after: result });
    return { result, ref };
  };
  if (!key) return dataSource.transaction(async (manager) => (await audited(manager)).result);
  const hash = requestHash(operation, input);
  const replay = await dataSource.transaction(async (manager) => {
    // Waits on a concurrent first attempt with the same key, then sees its receipt.
    const inserted = await manager.query(
      "INSERT INTO mutation_receipt (idempotency_key, operation, request_hash) VALUES ($1, $2, $3) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key",
      [key, operation, hash],
    );
    if (inserted.length === 0) {
      const [receipt] = await manager.query(RECEIPT_SQL, [key]);
      return { ref: refOfReceipt(receipt, operation, hash) };
    }
    const { result, ref } = await audited(manager);
    await manager.query("UPDATE mutation_receipt SET result_ref = $2 WHERE idempotency_key = $1", [key, ref]);
    return { result };
  });
  return "result" in replay ? (replay.result as T) : load(replay.ref);
}

export interface WriteOptions<T, P> {
  /** The mutation's name, as the receipt and the audit record keep it (e.g. `registerOrganization`). */
  operation: string;
  /** The mutation's input; its `idempotencyKey`, when given, makes the write safe to retry. */
  input: { idempotencyKey?: string } & object;
  /** Loads a result back from its reference, for a retry. */
  load: (ref: string) => Promise<T>;
  /** The reference of a result (default: its `id`). */
  refOf?: (result: T) => string;
  /**
   * Checks made before the transaction opens (other subgraphs asked through the gateway: no network
   * call holds a lock); what it returns is handed to `write`. A retry whose receipt answers skips it.
   */
  prepare?: () => Promise<P>;
  /** The errors the database constraints this write can break stand for, by constraint name. */
  constraints?: ConstraintErrors;
}

const idOf = (result: unknown): string => (result as { id: string }).id;

/**
 * The one way every subgraph writes: a retry with a known idempotency key is answered from its
 * receipt before anything else is asked; then `prepare`'s checks; then `write` in one transaction
 * with its audit record and receipt; an integrity violation becomes the domain error `constraints`
 * gives it.
 */
export async function recordedWrite<T, P = undefined>(
  dataSource: DataSource,
  options: WriteOptions<T, P>,
  write: (manager: EntityManager, keepBefore: KeepBefore, prepared: P) => Promise<T>,
): Promise<T> {
  const { operation, input, load } = options;
  const prior = await priorResult(dataSource, operation, input, load);
  if (prior !== undefined) return prior;
  const prepared = (options.prepare ? await options.prepare() : undefined) as P;
  try {
    return await idempotentTransaction(
      dataSource,
      operation,
      input,
      options.refOf ?? idOf,
      (manager, keepBefore) => write(manager, keepBefore, prepared),
      load,
    );
  } catch (error) {
    throw constraintError(error, options.constraints);
  }
}

/** Loads a result back by its id: the `load` of a write whose result is one row of `entity`. */
export function loadById<T extends { id: string }>(dataSource: DataSource, entity: abstract new () => T): (id: string) => Promise<T> {
  return (id) => dataSource.getRepository(entity).findOneByOrFail({ id } as FindOptionsWhere<T>);
}
