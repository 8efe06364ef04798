/** The aggregate every policy-support figure is made of, and how one SQL row becomes figures. */
import { roundedShare } from "@kttt/core";
import { PolicySupportFigures } from "../types/statistics";

/** Select list over `support_beneficiary b`: sums stay exact (bigint → numeric → string). */
export const FIGURE_COLUMNS = `
  coalesce(sum(b.planned_amount), 0)::text AS planned,
  coalesce(sum(b.disbursed_amount), 0)::text AS disbursed,
  count(DISTINCT b.organization_id)::int AS beneficiaries,
  count(b.id)::int AS allocations,
  coalesce(sum(b.managers_trained), 0)::int AS trained`;

export interface FigureRow {
  planned: string;
  disbursed: string;
  beneficiaries: number;
  allocations: number;
  trained: number;
}

export function figuresOf(row: FigureRow | undefined): PolicySupportFigures {
  const planned = BigInt(row?.planned ?? 0);
  const disbursed = BigInt(row?.disbursed ?? 0);
  return Object.assign(new PolicySupportFigures(), {
    planned,
    disbursed,
    implementationRate: roundedShare(disbursed, planned),
    beneficiaryCount: row?.beneficiaries ?? 0,
    allocationCount: row?.allocations ?? 0,
    managersTrained: row?.trained ?? 0,
  });
}

/** The approval-date range of a year, for an index range scan on approved_on. */
export const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];
