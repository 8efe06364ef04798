/**
 * The vocabulary of batch imports, shared by every subgraph that takes one: what happened to each
 * row and why a row was refused. A batch runs in one transaction; rows are matched on their natural
 * key (registration number, product code…), so importing the same file twice changes nothing.
 */
import { Arg, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType, type ClassType } from "type-graphql";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { AuditEntry } from "./audit";
import { badInput, isDomainError } from "./errors";
import { FieldOf } from "./stored-fields";

export enum ImportOutcome {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  UNCHANGED = "UNCHANGED",
  INVALID = "INVALID",
}
registerEnumType(ImportOutcome, {
  name: "ImportOutcome",
  description: "What an import did, or would do on a dry run, with one row (kết quả nhập từng dòng).",
  valuesConfig: {
    CREATED: { description: "Tạo mới: no record had the row's natural key; one is created." },
    UPDATED: { description: "Cập nhật: the record exists and the row changes it." },
    UNCHANGED: { description: "Không đổi: the record exists and already says what the row says." },
    INVALID: { description: "Không hợp lệ: the row breaks a rule; nothing of it is written." },
  },
});

@ObjectType({ description: "Why an import row was refused (lỗi của dòng): the field at fault and a sentence a person can act on." })
@Directive("@shareable")
export class ImportProblem {
  @FieldOf.text("The field of the row at fault, e.g. registrationNumber (trường lỗi).")
  field: string;

  @FieldOf.text("Stable reason code, the same the single-record mutation gives, e.g. DUPLICATE_REGISTRATION_NUMBER (mã lỗi).")
  reason: string;

  @FieldOf.text("What is wrong and what to do, in a sentence (mô tả lỗi).")
  message: string;
}

/**
 * A row's problem from an error a check threw: the owner's DomainError as it would answer the
 * single-record mutation, its field path relative to the row ("input.name" → "name").
 */
export function importProblemOf(error: unknown): ImportProblem {
  if (!isDomainError(error)) throw error;
  const extensions = error.extensions as { code?: string; field?: string; reason?: string };
  return Object.assign(new ImportProblem(), {
    field: (extensions.field ?? "").replace(/^input\./u, ""),
    reason: extensions.reason ?? extensions.code ?? "BAD_USER_INPUT",
    message: error.message,
  });
}

/** Counts of a batch by outcome. */
@ObjectType({ description: "How many rows of a batch each outcome took (tổng hợp kết quả nhập)." })
@Directive("@shareable")
export class ImportCounts {
  @FieldOf.int("Rows created (tạo mới).")
  created: number;

  @FieldOf.int("Rows that changed a record (cập nhật).")
  updated: number;

  @FieldOf.int("Rows that matched a record as it is (không đổi).")
  unchanged: number;

  @FieldOf.int("Rows refused (không hợp lệ).")
  invalid: number;
}

export function countOutcomes(outcomes: ImportOutcome[]): ImportCounts {
  const counts = Object.assign(new ImportCounts(), { created: 0, updated: 0, unchanged: 0, invalid: 0 });
  for (const outcome of outcomes) counts[outcome.toLowerCase() as keyof ImportCounts] += 1;
  return counts;
}

/**
 * What every import's row result says (a subgraph's own result adds the id of what the row matched);
 * extend it with `@ObjectType` and the extra fields.
 */
@ObjectType({ description: "What an import did, or would do, with one row (kết quả từng dòng)." })
export abstract class ImportRowResultBase {
  @Field(() => Int, { description: "Position of the row in the rows sent, from 0 (thứ tự)." })
  index: number;

  @Field(() => Int, { nullable: true, description: "The row's number in the person's file, as sent (số dòng)." })
  rowNumber: number | null;

  @Field(() => ImportOutcome, { description: "Created, updated, unchanged or invalid (kết quả)." })
  outcome: ImportOutcome;

  @Field(() => [ImportProblem], { description: "Why the row is invalid, one entry per rule it breaks (lỗi)." })
  problems: ImportProblem[];
}

/** What every import's payload says besides its rows; extend it with `@ObjectType` and a `rows` field. */
@ObjectType({ description: "The result of importing a batch (kết quả nhập)." })
export abstract class ImportPayloadBase {
  @FieldOf.boolean("True when nothing was meant to be written: the rows were only checked (chạy thử).")
  dryRun: boolean;

  @FieldOf.boolean("True when the batch was written: not a dry run, and every row valid or skipInvalid set (đã ghi).")
  written: boolean;

  @FieldOf.of(ImportCounts, "Rows by outcome (tổng hợp).")
  counts: ImportCounts;
}

/**
 * The result of an import's row that names what the row matched: `ImportRowResultBase` and the nullable id `key`,
 * described by `description`; extend it with `@ObjectType` (and any field of its own).
 */
export function ImportRowResultOf<K extends string>(key: K, description: string) {
  @ObjectType()
  abstract class ImportRowResult extends ImportRowResultBase {}
  Field(() => ID, { nullable: true, description })(ImportRowResult.prototype, key);
  return ImportRowResult as abstract new () => ImportRowResultBase & Record<K, string | null>;
}

/**
 * The payload of an import whose row results are `row`: `ImportPayloadBase` and its `rows`, in the order sent;
 * extend it with `@ObjectType` and the payload's description.
 */
export function ImportPayloadOf<R extends ImportRowResultBase>(row: ClassType<R>) {
  @ObjectType()
  abstract class ImportPayload extends ImportPayloadBase {
    @FieldOf.of([row], "One result per row, in the order sent (từng dòng).")
    rows: R[];
  }
  return ImportPayload;
}

/** What every row of an import starts with, its number in the person's file; extend it with `@InputType` and the row's fields. */
@InputType()
export abstract class ImportRowInput {
  @FieldOf.int("The row's number in the person's file, echoed in the result and in messages (số dòng).", { nullable: true })
  rowNumber?: number;
}

/**
 * The arguments every import mutation takes, in this order: `@ImportArg.rows(() => [RowInput]) rows`,
 * `@ImportArg.dryRun() dryRun`, `@ImportArg.skipInvalid() skipInvalid` (decided by `importDecision`).
 */
export const ImportArg = {
  rows: (type: () => [new () => object]) => Arg("rows", type, { description: "The rows, in the file's order." }),
  dryRun: () => Arg("dryRun", { defaultValue: false, description: "Only check the rows and say what would happen (chạy thử)." }),
  skipInvalid: () => Arg("skipInvalid", { defaultValue: false, description: "Write the valid rows even when some are invalid (bỏ qua dòng lỗi)." }),
};

/** Refuses a batch of more rows than one call (one transaction) takes: TOO_MANY_ROWS on `rows`. */
export function requireBatchSize(rows: readonly unknown[], max: number): void {
  if (rows.length > max) throw badInput(`At most ${max} rows can be imported in one call; send the file in batches.`, "rows", "TOO_MANY_ROWS", { max });
}

/**
 * One result per row, each INVALID until the import decides otherwise; `failed` to record a rule a row breaks
 * (from the DomainError a check threw) as its problem; `checkEach`, a check of every row before the
 * transaction: what it returns for a row, or null for a row it refused (recorded by `failed`); and `eachChecked`,
 * the work on every row a check kept (with what the check returned), a rule it breaks recorded by `failed`.
 */
export function rowResults<R extends ImportRowResultBase, Row extends { rowNumber?: number | null } = { rowNumber?: number | null }>(
  rows: readonly Row[],
  make: () => R,
): {
  results: R[];
  failed: (index: number, error: unknown) => void;
  checkEach: <T>(check: (row: Row, index: number) => T) => (T | null)[];
  eachChecked: <T>(checked: readonly (T | null)[], work: (row: Row, value: T, index: number, result: R) => void) => void;
} {
  const results = rows.map((row, index) =>
    Object.assign(make(), { index, rowNumber: row.rowNumber ?? null, outcome: ImportOutcome.INVALID, problems: [] as ImportProblem[] }),
  );
  const failed = (index: number, error: unknown) => {
    results[index].problems.push(importProblemOf(error));
    results[index].outcome = ImportOutcome.INVALID;
  };
  const checkEach = <T>(check: (row: Row, index: number) => T): (T | null)[] =>
    rows.map((row, index) => {
      try {
        return check(row, index);
      } catch (error) {
        failed(index, error);
        return null;
      }
    });
  const eachChecked = <T>(checked: readonly (T | null)[], work: (row: Row, value: T, index: number, result: R) => void): void => {
    for (const [index, row] of rows.entries()) {
      const value = checked[index];
      if (value === null) continue;
      try {
        work(row, value, index, results[index]);
      } catch (error) {
        failed(index, error);
      }
    }
  };
  return { results, failed, checkEach, eachChecked };
}

/** A batch's counts by outcome, and whether it is written: not a dry run, and every row valid or skipInvalid set. */
export function importDecision(results: readonly ImportRowResultBase[], dryRun: boolean, skipInvalid: boolean): { counts: ImportCounts; written: boolean } {
  const counts = countOutcomes(results.map((r) => r.outcome));
  return { counts, written: !dryRun && (counts.invalid === 0 || skipInvalid) };
}

/**
 * The rows an import changes, each moved to its next version if nobody moved it meanwhile, and the audit
 * record of each change (before and after) for `writeAudits`.
 */
export async function updateVersioned<E extends { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  operation: string,
  updates: readonly { before: E; changes: Partial<E>; input: unknown }[],
): Promise<AuditEntry[]> {
  const audits: AuditEntry[] = [];
  for (const { before, changes, input } of updates) {
    const version = before.version + 1;
    await manager
      .createQueryBuilder()
      .update(entity)
      .set({ ...changes, version })
      .where("id = :id AND version = :version", { id: before.id, version: before.version })
      .execute();
    audits.push({ operation, input, resultRef: before.id, before, after: { ...before, ...changes, version } });
  }
  return audits;
}

/**
 * The rows of `entity` (alias `alias`) meeting `condition`, read in an import's transaction: none, and no statement,
 * unless `ask` (some key to look for); `lock` keeps them locked until the write, so nobody changes them between the
 * check and the write.
 */
export async function importRowsWhere<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  alias: string,
  condition: string,
  parameters: ObjectLiteral,
  options: { ask: boolean; lock?: boolean; orderBy?: [string, "ASC" | "DESC"] },
): Promise<E[]> {
  if (!options.ask) return [];
  const query = manager.getRepository(entity).createQueryBuilder(alias);
  if (options.lock) query.setLock("pessimistic_write");
  query.where(condition, parameters);
  if (options.orderBy) query.orderBy(...options.orderBy);
  return query.getMany();
}
