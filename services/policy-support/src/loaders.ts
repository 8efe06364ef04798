/**
 * Per-request DataLoaders: every list-to-reference path of policy support goes through one of
 * these, so N parents cost one `WHERE … = ANY($1)` statement, not N.
 */
import DataLoader from "dataloader";
import { economyFiguresLoader, firstPageLoader, groupLoader, loadersByArgs, isUuid, reportingPeriod, rowLoader, today, uuidKeyed } from "@kttt/core";
import { accessScope, type Principal } from "@kttt/core";
import { codeOfAdminUnitId, economyMapDate, unitMapDateFor, unitMapDay } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { PolicySupportGroupBy } from "./domain/enums";
import { policySupportStatistics } from "./repositories/statistics";
import { Agency } from "./entities/agency";
import { Disbursement, SupportBeneficiary } from "./entities/beneficiary";
import { PlanTarget } from "./entities/development-plan";
import { LegalDocument } from "./entities/legal-document";
import { PolicyLegalBasis, SupportPolicy } from "./entities/support-policy";
import { ProgrammeFunding, SupportProgramme } from "./entities/support-programme";
import { FIGURE_COLUMNS, figuresOf, yearRange, type FigureRow } from "./repositories/figures";
import type { PolicySupportFigures, PolicySupportStatistics } from "./types/statistics";

export type BeneficiaryParent = "organization_id" | "programme_id";

/** The allocations of organisations or programmes, newest approval first. */
const beneficiariesBy = (parent: BeneficiaryParent) => uuidKeyed(parent, "t.approved_on DESC", "t.id DESC");

/**
 * The first `limit` allocations (newest approval first) of many organisations or programmes, approved
 * in a year or ever, and their counts, in one statement.
 */
function firstBeneficiaries(dataSource: DataSource, parent: BeneficiaryParent, filter: { year: number | null; limit: number }) {
  const [from, to] = filter.year === null ? [null, null] : yearRange(filter.year);
  return firstPageLoader(dataSource, SupportBeneficiary, {
    ...beneficiariesBy(parent),
    limit: filter.limit,
    refine: from === null ? undefined : (query) => void query.andWhere("t.approved_on BETWEEN :from AND :to", { from, to }),
  });
}

/** Figures of many programmes in one grouped statement. */
function figuresBy(dataSource: DataSource, column: "programme_id", year: number | null, validKey: (key: string) => boolean) {
  return new DataLoader<string, PolicySupportFigures>(async (keys) => {
    const valid = keys.filter(validKey);
    const [from, to] = year === null ? [null, null] : yearRange(year);
    const rows: (FigureRow & { key: string })[] = valid.length
      ? await dataSource.query(
          `SELECT b.${column}::text AS key, ${FIGURE_COLUMNS}
           FROM support_beneficiary b
           WHERE b.${column} = ANY($1) AND ($2::date IS NULL OR b.approved_on BETWEEN $2 AND $3)
           GROUP BY b.${column}`,
          [valid, from, to],
        )
      : [];
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return keys.map((k) => figuresOf(byKey.get(k)));
  });
}

const groupsByUnit = (stats: PolicySupportStatistics) => new Map(stats.groups.filter((g) => g.key !== null).map((g) => [g.key!, g.figures]));

/**
 * A year's figures of many units (by unit version id), each on the map of the year's end (or today) while the unit is in
 * force then, else of its last day in the year: one grouped statement per distinct map date, so one for the units of a map.
 */
function unitFigures(dataSource: DataSource, year: number) {
  return new DataLoader<string, PolicySupportFigures>(async (ids) => {
    const [from] = yearRange(year);
    const periodDate = reportingPeriod(year, null).asOf;
    const dates = ids.map((id) => unitMapDateFor(id, from, periodDate));
    const byDate = new Map<string, Promise<Map<string, PolicySupportFigures>>>();
    for (const date of new Set(dates)) byDate.set(date, policySupportStatistics(dataSource, year, PolicySupportGroupBy.ADMIN_UNIT, date).then(groupsByUnit));
    return Promise.all(ids.map(async (id, i) => (await byDate.get(dates[i])!).get(codeOfAdminUnitId(id)) ?? figuresOf(undefined)));
  });
}

export function createLoaders(dataSource: DataSource, principal?: Principal) {
  const scope = accessScope(principal);
  return {
    firstBeneficiaries: loadersByArgs((args: { parent: BeneficiaryParent; year: number | null; limit: number }) =>
      firstBeneficiaries(dataSource, args.parent, args),
    ),
    beneficiariesByOrganization: groupLoader(dataSource, SupportBeneficiary, beneficiariesBy("organization_id")),
    beneficiary: rowLoader(dataSource, SupportBeneficiary, { column: "id", keyOf: (b) => b.id, validKey: isUuid }),
    beneficiariesByProgramme: groupLoader(dataSource, SupportBeneficiary, beneficiariesBy("programme_id")),
    unitFigures: loadersByArgs((year: number) => unitFigures(dataSource, year)),
    /** Support approved in a period's year, for the province and every unit of the period's map in one grouped statement. */
    economyFigures: economyFiguresLoader(
      async (period, mapDate) => {
        // Any day of one map groups alike: the map's own day keeps one cached answer for every report dated on it.
        const stats = await policySupportStatistics(dataSource, period.year, PolicySupportGroupBy.ADMIN_UNIT, unitMapDay(mapDate), scope);
        return { total: stats.total, byUnit: groupsByUnit(stats), empty: figuresOf(undefined) };
      },
      (period, code) => economyMapDate(code, period.asOf, today()),
    ),
    programmeFigures: figuresBy(dataSource, "programme_id", null, isUuid),
    document: rowLoader(dataSource, LegalDocument, { column: "id", keyOf: (d) => d.id, validKey: isUuid }),
    supersededBy: rowLoader(dataSource, LegalDocument, { column: "supersedes_id", keyOf: (d) => d.supersedesId!, validKey: isUuid }),
    basisByPolicy: groupLoader(dataSource, PolicyLegalBasis, { column: "policy_id", keyOf: (b) => b.policyId, validKey: isUuid }),
    policy: rowLoader(dataSource, SupportPolicy, { column: "id", keyOf: (p) => p.id, validKey: isUuid }),
    agency: rowLoader(dataSource, Agency, { column: "id", keyOf: (a) => a.id, validKey: isUuid }),
    programme: rowLoader(dataSource, SupportProgramme, { column: "id", keyOf: (p) => p.id, validKey: isUuid }),
    fundingByProgramme: groupLoader(dataSource, ProgrammeFunding, uuidKeyed("programme_id", "t.source ASC")),
    disbursementsByBeneficiary: groupLoader(dataSource, Disbursement, uuidKeyed("beneficiary_id", "t.disbursed_on ASC", "t.id ASC")),
    targetsByPlan: groupLoader(dataSource, PlanTarget, uuidKeyed("plan_id", "t.indicator ASC")),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
