/**
 * Policy support's part of the collective-economy overview: support approved in the period's year and
 * what was paid on it (allocations are counted by approval year, so both halves show the year's figures).
 */
import { economyPartResolver } from "@kttt/core";
import { membership } from "../entities/external";
import { PolicySupportFigures } from "../types/statistics";

export const CollectiveEconomySupportResolver = economyPartResolver(
  "CollectiveEconomySupportResolver",
  membership.CollectiveEconomyRef,
  "policySupport",
  PolicySupportFigures,
  "Support approved in the period's year for the province or unit, and what was paid out (chính sách hỗ trợ: kế hoạch và giải ngân).",
);
