/**
 * Policy support's part of the collective-economy overview: support approved in the period's year and
 * what was paid on it (allocations are counted by approval year, so both halves show the year's figures).
 */
import { READ_NOTE, SIGNED_IN } from "@kttt/core";
import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PolicySupportContext } from "../context";
import { CollectiveEconomyRef } from "../entities/external";
import { PolicySupportFigures } from "../types/statistics";

@Resolver(() => CollectiveEconomyRef)
export class CollectiveEconomySupportResolver {
  @Authorized(...SIGNED_IN)
  @FieldResolver(() => PolicySupportFigures, {
    nullable: true,
    description: `Support approved in the period's year for the province or unit, and what was paid out (chính sách hỗ trợ: kế hoạch và giải ngân). A unit of the period's map has what lay in it then; one of today's communes asked for a period before 2025-07-01 has what lies in its territory, re-cut by today's map as membership's figures are (records of split or lost former communes fall in no commune). ${READ_NOTE.SIGNED_IN}`,
  })
  async policySupport(@Root() economy: CollectiveEconomyRef, @Ctx() ctx: PolicySupportContext): Promise<PolicySupportFigures> {
    return ctx.loaders.economyFigures.load(economy.id);
  }
}
