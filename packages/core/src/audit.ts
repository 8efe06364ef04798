/**
 * The audit trail: every mutation leaves a record — who, when, which operation, its input, the state
 * before and after, the request id — in the same transaction as the change, so there is no change
 * without its record and no record of a change that did not happen.
 */
import { ArgsType, Authorized, Field, ID, Int, ObjectType, Query, Resolver, Args, Ctx, Directive } from "type-graphql";
import { Max, Min, IsOptional } from "class-validator";
import type { DataSource, EntityManager, MigrationInterface } from "typeorm";
import { sqlMigration } from "./sql-migration";
import { Role } from "./auth";
import { currentRequest } from "./request-context";
import { GraphQLJSONObject } from "graphql-scalars";

export function auditMigration(timestamp: number): new () => MigrationInterface {
  return sqlMigration(
    `AuditTrail${timestamp}`,
    [
      `
        CREATE TABLE audit_record (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          occurred_at timestamptz NOT NULL DEFAULT now(),
          request_id text,
          actor_subject text NOT NULL,
          actor_role text NOT NULL,
          actor_department text,
          actor_unit text,
          operation text NOT NULL,
          result_ref text,
          input jsonb NOT NULL,
          before jsonb,
          after jsonb
        )`,
      "CREATE INDEX audit_record_occurred_idx ON audit_record (occurred_at DESC, id DESC)",
      "CREATE INDEX audit_record_ref_idx ON audit_record (result_ref)",
    ],
    ["DROP TABLE audit_record"],
  );
}

const bigintAsDigits = (_key: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** Plain JSON of a value: bigint as digits, class instances as their own fields. */
export function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null, bigintAsDigits));
}

/**
 * The JSON text `JSON.stringify(toJson(value))` would give, written once (a batch import writes thousands):
 * without a replacer (V8's fast path) unless the value holds a bigint.
 */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value ?? null);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(value ?? null, bigintAsDigits);
  }
}

/** An input's JSON text without its idempotency key (null is written as an empty object). */
function inputText(value: unknown): string {
  if (value === null || value === undefined) return "{}";
  if (typeof value === "object" && "idempotencyKey" in value) {
    const { idempotencyKey: _key, ...rest } = value as Record<string, unknown>;
    return jsonText(rest);
  }
  return jsonText(value);
}

export interface AuditEntry {
  operation: string;
  input: unknown;
  resultRef: string | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await writeAudits(manager, [entry]);
}

/**
 * Several records in one statement (a batch import leaves one per row it changed): who asked is sent once,
 * the records' own columns as one array each (a batch of thousands is one short statement to plan). A
 * `before` or `after` of JSON null is kept as SQL NULL, as an absent one.
 */
export async function writeAudits(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const request = currentRequest();
  const actor = request?.principal;
  // The JSON columns as one JSON array each (no array literal to escape), zipped with the text columns by position.
  const jsonArray = (texts: string[]) => `[${texts.join(",")}]`;
  await manager.query(
    `INSERT INTO audit_record (request_id, actor_subject, actor_role, actor_department, actor_unit, operation, result_ref, input, before, after)
     SELECT $1, $2, $3, $4, $5, v.operation, v.result_ref, v.input, nullif(v.before, 'null'::jsonb), nullif(v.after, 'null'::jsonb)
       FROM ROWS FROM (unnest($6::text[]), unnest($7::text[]), jsonb_array_elements($8::jsonb), jsonb_array_elements($9::jsonb), jsonb_array_elements($10::jsonb))
            AS v(operation, result_ref, input, before, after)`,
    [
      request?.requestId ?? null,
      actor?.subject ?? "system",
      actor?.role ?? "SYSTEM",
      actor?.department ?? null,
      actor?.adminUnitCode ?? null,
      entries.map((entry) => entry.operation),
      entries.map((entry) => entry.resultRef),
      jsonArray(entries.map((entry) => inputText(entry.input))),
      jsonArray(entries.map((entry) => (entry.before === undefined ? "null" : jsonText(entry.before)))),
      jsonArray(entries.map((entry) => (entry.after === undefined ? "null" : jsonText(entry.after)))),
    ],
  );
}

@ObjectType({ description: "One change in the audit trail (nhật ký thay đổi): who did what, when, with what result." })
@Directive("@shareable")
export class AuditRecord {
  @Field(() => ID, { description: "Sequence number of the record in its subgraph." })
  id: string;

  @Field({ description: "When the change was committed (thời điểm)." })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: "The request id the gateway gave the request (mã yêu cầu)." })
  requestId: string | null;

  @Field({ description: "Who: the token's subject (người thực hiện)." })
  actorSubject: string;

  @Field({ description: "The caller's role." })
  actorRole: string;

  @Field(() => String, { nullable: true, description: "The caller's department, if any." })
  actorDepartment: string | null;

  @Field(() => String, { nullable: true, description: "The caller's administrative unit, if any." })
  actorUnit: string | null;

  @Field({ description: "The mutation (thao tác)." })
  operation: string;

  @Field(() => String, { nullable: true, description: "Reference of the record changed (id, or id/year…)." })
  resultRef: string | null;

  @Field(() => GraphQLJSONObject, { description: "The input as sent (without its idempotency key)." })
  input: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The record before the change, where there was one." })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The record after the change." })
  after: Record<string, unknown> | null;
}

@ArgsType()
export class AuditTrailArgs {
  @Field(() => Int, { defaultValue: 50, description: "How many records, newest first (at most 200)." })
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => String, { nullable: true, description: "Only this operation, e.g. updateOrganization." })
  @IsOptional()
  operation?: string;

  @Field(() => String, { nullable: true, description: "Only changes of this record (its reference)." })
  @IsOptional()
  resultRef?: string;

  @Field(() => ID, { nullable: true, description: "Only records older than this id (to page back)." })
  @IsOptional()
  before?: string;
}

/** The `<subgraph>AuditTrail` query of a subgraph, for administrators. */
export function auditTrailResolver(queryName: string, subgraphLabel: string) {
  @Resolver()
  class AuditTrailResolver {
    @Authorized(Role.ALLIANCE_ADMIN)
    @Query(() => [AuditRecord], {
      name: queryName,
      nullable: true,
      description: `The audit trail of ${subgraphLabel} (nhật ký thay đổi), newest first; administrators only.`,
    })
    async auditTrail(@Args() args: AuditTrailArgs, @Ctx() ctx: { dataSource: DataSource }): Promise<AuditRecord[]> {
      const rows: Record<string, unknown>[] = await ctx.dataSource.query(
        `SELECT * FROM audit_record
          WHERE ($1::text IS NULL OR operation = $1) AND ($2::text IS NULL OR result_ref = $2) AND ($3::bigint IS NULL OR id < $3)
          ORDER BY id DESC LIMIT $4`,
        [args.operation ?? null, args.resultRef ?? null, args.before ?? null, args.first],
      );
      return rows.map((r) =>
        Object.assign(new AuditRecord(), {
          id: String(r.id),
          occurredAt: r.occurred_at,
          requestId: r.request_id,
          actorSubject: r.actor_subject,
          actorRole: r.actor_role,
          actorDepartment: r.actor_department,
          actorUnit: r.actor_unit,
          operation: r.operation,
          resultRef: r.result_ref,
          input: r.input,
          before: r.before,
          after: r.after,
        }),
      );
    }
  }
  return AuditTrailResolver;
}
