/** OCOP's part of the collective-economy overview: products as they stood on the period's asOf date. */
import { economyPartResolver } from "@kttt/core";
import { membership } from "../entities/external";
import { OcopFigures } from "../types/statistics";

export const CollectiveEconomyOcopResolver = economyPartResolver(
  "CollectiveEconomyOcopResolver",
  membership.CollectiveEconomyRef,
  "ocop",
  OcopFigures,
  "OCOP products of the province or unit as they stood on the period's asOf date (sản phẩm OCOP), by stars and owner type.",
);
