/**
 * Membership's key classes, made anew for every subgraph: two subgraphs built in one process (as the
 * tests build all four) each add fields to their own classes, and neither schema gets the other's.
 */
import { FieldResolver, Query, Resolver, Root } from "type-graphql";
import { buildFederatedSchema } from "../src/federation";
import { membershipKeys } from "../src/membership-keys";
import { OrganizationKind } from "../src/organization-kind";

const first = membershipKeys();
const second = membershipKeys();

@Resolver(() => first.CooperativeRef)
class FirstCooperativeResolver {
  @FieldResolver(() => String, { description: "A field only the first subgraph adds." })
  firstOnly(@Root() ref: { id: string }): string {
    return `first ${ref.id}`;
  }

  @Query(() => first.CooperativeRef, { description: "A cooperative by id." })
  firstCooperative(): { id: string } {
    return first.organizationRef("c1", OrganizationKind.COOPERATIVE);
  }
}

@Resolver(() => second.CooperativeRef)
class SecondCooperativeResolver {
  @FieldResolver(() => Number, { description: "A field only the second subgraph adds." })
  secondOnly(): number {
    return 2;
  }

  @Query(() => second.CooperativeRef, { description: "A cooperative by id." })
  secondCooperative(): { id: string } {
    return second.organizationRef("c2", "COOPERATIVE");
  }
}

describe("membershipKeys", () => {
  it("gives each call its own classes, so fields one subgraph adds stay out of another's schema", async () => {
    expect(first.CooperativeRef).not.toBe(second.CooperativeRef);
    const a = await buildFederatedSchema({ resolvers: [FirstCooperativeResolver], orphanedTypes: first.types }, first.references);
    const b = await buildFederatedSchema({ resolvers: [SecondCooperativeResolver], orphanedTypes: second.types }, second.references);
    // Built again after the second: a shared class would now carry both fields.
    const again = await buildFederatedSchema({ resolvers: [FirstCooperativeResolver], orphanedTypes: first.types }, first.references);
    for (const [sdl, own, other] of [
      [a.sdl, "firstOnly", "secondOnly"],
      [b.sdl, "secondOnly", "firstOnly"],
      [again.sdl, "firstOnly", "secondOnly"],
    ]) {
      expect(sdl).toMatch(new RegExp(`type Cooperative @key\\(fields: "id"\\) \\{[^}]*${own}`, "u"));
      expect(sdl).not.toContain(other);
    }
  });

  it("makes references of the organisation's own kind and key-only reference resolvers", () => {
    const group = first.organizationRef("g1", OrganizationKind.COOPERATIVE_GROUP);
    expect(group).toBeInstanceOf(first.CooperativeGroupRef);
    expect(group).toEqual({ id: "g1" });
    expect(first.adminUnitRef("444")).toBeInstanceOf(first.AdminUnitRef);
    expect(first.references.CollectiveEconomy.__resolveReference({ id: "2024-H1" })).toBeInstanceOf(first.CollectiveEconomyRef);
  });
});
