/**
 * Reconciliation of the membership ids this subgraph stores: asks membership about every distinct
 * owner id, in batches, and lists those it no longer knows or knows as something else.
 */
import { GATEWAY_MAX_ALIASES, organizationsById, type GatewayLookup } from "@kttt/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { COLLECTIVE_OWNER_TYPES, OcopOwnerType, OcopReferenceProblem } from "../domain/enums";
import { OcopProduct } from "../entities/product";

@ObjectType({ description: "A stored owner id that membership does not confirm (tham chiếu treo)." })
export class OcopDanglingReference {
  @Field(() => ID, { description: "The stored membership organisation id." })
  organizationId: string;

  @Field(() => OcopOwnerType, { description: "The owner type stored here." })
  storedType: OcopOwnerType;

  @Field(() => String, { nullable: true, description: "The type membership reports (e.g. Cooperative); null when unknown." })
  foundType: string | null;

  @Field(() => OcopReferenceProblem, { description: "What is wrong." })
  problem: OcopReferenceProblem;

  @Field(() => [OcopProduct], { description: "The products that carry the reference." })
  products: OcopProduct[];
}

@ObjectType({ description: "Result of checking every stored membership reference (đối soát tham chiếu chủ thể)." })
export class OcopOwnerReferenceCheck {
  @Field(() => Int, { description: "Distinct organisation ids checked." })
  checkedReferences: number;

  @Field(() => Int, { description: "Look-up requests sent (one per batch)." })
  batches: number;

  @Field(() => [OcopDanglingReference], { description: "The references membership does not confirm; empty when all are sound." })
  dangling: OcopDanglingReference[];
}

export async function checkOwnerReferences(dataSource: DataSource, lookup: GatewayLookup, batchSize: number): Promise<OcopOwnerReferenceCheck> {
  const rows: { organization_id: string; owner_type: OcopOwnerType }[] = await dataSource.query(
    `SELECT DISTINCT owner_organization_id AS organization_id, owner_type FROM ocop_product WHERE owner_organization_id IS NOT NULL ORDER BY 1`,
  );
  const problems: { id: string; storedType: OcopOwnerType; foundType: string | null; problem: OcopReferenceProblem }[] = [];
  let batches = 0;
  // One request per batch, and the gateway takes at most GATEWAY_MAX_ALIASES ids in one.
  const perRequest = Math.min(batchSize, GATEWAY_MAX_ALIASES);
  for (let start = 0; start < rows.length; start += perRequest) {
    const slice = rows.slice(start, start + perRequest);
    const found = (await lookup.find({ organizations: organizationsById(slice.map((r) => r.organization_id)) })).organizations;
    batches += 1;
    for (const row of slice) {
      const org = found.get(row.organization_id) ?? null;
      const problem = !org
        ? OcopReferenceProblem.UNKNOWN
        : COLLECTIVE_OWNER_TYPES[org.typename] !== row.owner_type
          ? OcopReferenceProblem.WRONG_TYPE
          : org.status === "DISSOLVED"
            ? OcopReferenceProblem.DISSOLVED
            : null;
      if (problem) problems.push({ id: row.organization_id, storedType: row.owner_type, foundType: org?.typename ?? null, problem });
    }
  }
  const products = problems.length
    ? await dataSource
        .getRepository(OcopProduct)
        .createQueryBuilder("p")
        .where("p.owner_organization_id = ANY(:ids)", { ids: problems.map((p) => p.id) })
        .orderBy("p.name")
        .getMany()
    : [];
  const result = new OcopOwnerReferenceCheck();
  result.checkedReferences = new Set(rows.map((r) => r.organization_id)).size;
  result.batches = batches;
  result.dangling = problems.map((p) =>
    Object.assign(new OcopDanglingReference(), {
      organizationId: p.id,
      storedType: p.storedType,
      foundType: p.foundType,
      problem: p.problem,
      products: products.filter((x) => x.ownerOrganizationId === p.id),
    }),
  );
  return result;
}
