/** OCOP's part of the collective-economy overview: products as they stood on the period's asOf date. */
import { parseEconomyId } from "@kttt/core";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OcopContext } from "../context";
import { CollectiveEconomy } from "../entities/external";
import { OcopFigures } from "../types/statistics";

@Resolver(() => CollectiveEconomy)
export class CollectiveEconomyOcopResolver {
  @FieldResolver(() => OcopFigures, {
    nullable: true,
    description: "OCOP products of the province or unit as they stood on the period's asOf date (sản phẩm OCOP), by stars and owner type.",
  })
  async ocop(@Root() economy: CollectiveEconomy, @Ctx() ctx: OcopContext): Promise<OcopFigures> {
    const { period, adminUnitCode } = parseEconomyId(economy.id);
    const figures = await ctx.loaders.economyFigures.load(period.asOf);
    return adminUnitCode ? (figures.byUnit.get(adminUnitCode) ?? figures.empty) : figures.total;
  }
}
