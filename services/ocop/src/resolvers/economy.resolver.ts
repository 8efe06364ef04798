/** OCOP's part of the collective-economy overview: products as they stood on the period's asOf date. */
import { READ_NOTE, SIGNED_IN } from "@kttt/core";
import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OcopContext } from "../context";
import { CollectiveEconomyRef } from "../entities/external";
import { OcopFigures } from "../types/statistics";

@Resolver(() => CollectiveEconomyRef)
export class CollectiveEconomyOcopResolver {
  @Authorized(...SIGNED_IN)
  @FieldResolver(() => OcopFigures, {
    nullable: true,
    description: `OCOP products of the province or unit as they stood on the period's asOf date (sản phẩm OCOP), by stars and owner type. A unit of the period's map has what lay in it then; one of today's communes asked for a period before 2025-07-01 has what lies in its territory, re-cut by today's map as membership's figures are (records of split or lost former communes fall in no commune). ${READ_NOTE.SIGNED_IN}`,
  })
  async ocop(@Root() economy: CollectiveEconomyRef, @Ctx() ctx: OcopContext): Promise<OcopFigures> {
    return ctx.loaders.economyFigures.load(economy.id);
  }
}
