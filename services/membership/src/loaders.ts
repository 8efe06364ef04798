/**
 * Per-request DataLoaders: every list-to-reference path of the membership subgraph goes through
 * one of these, so N parents cost one `WHERE … = ANY($1)` statement, not N.
 */
import {
  accessScope,
  economyFiguresLoader,
  type Principal,
  firstPageLoader,
  groupLoader,
  isUuid,
  loadersByArgs,
  readByKeys,
  rowLoader,
  type FirstPage,
  uuidKeyed,
} from "@kttt/core";
import type { DataSource } from "typeorm";
import { emptyMembershipFigures, membershipStatistics } from "./repositories/statistics";
import DataLoader from "dataloader";
import { AdminUnit, AdminUnitChangeRow } from "./entities/admin-unit";
import { AllianceMembership } from "./entities/alliance-membership";
import { Classification } from "./entities/classification";
import { FinancialReport } from "./entities/financial-report";
import { Member } from "./entities/member";
import { Organization } from "./entities/organization";
import { MembershipGroupBy, UnitMap } from "./domain/enums";

export type MemberPage = FirstPage<Member>;

/** An organisation's members, by the day they joined. */
const MEMBERS_BY_ORGANIZATION = uuidKeyed("organization_id", "t.joined_on ASC", "t.id ASC");

/**
 * The first `limit` members of many organisations and their counts, in one statement (a window
 * over each organisation's members): what a list page asking `members(first: n) { totalCount … }`
 * needs, without loading every member of every organisation.
 */
function firstMembers(dataSource: DataSource, filter: { current: boolean | null; membershipType: string | null; limit: number }) {
  return firstPageLoader(dataSource, Member, {
    ...MEMBERS_BY_ORGANIZATION,
    limit: filter.limit,
    refine: (query) => {
      if (filter.current !== null) query.andWhere("(t.left_on IS NULL) = :current", { current: filter.current });
      if (filter.membershipType !== null) query.andWhere("t.membership_type = :membershipType", { membershipType: filter.membershipType });
    },
  });
}

/** Membership figures of a period for the province and every unit at once, on the period's map or re-cut by today's; cached per caller scope for closed periods. */
function economyFigures(dataSource: DataSource, unitMap: UnitMap, scope: string | null) {
  return economyFiguresLoader(async (period) => {
    const stats = await membershipStatistics(dataSource, period.year, MembershipGroupBy.ADMIN_UNIT, period.asOf, unitMap, scope);
    return { total: stats.total, byUnit: new Map(stats.groups.map((g) => [g.key as string, g.figures])), empty: emptyMembershipFigures() };
  });
}

function latestUnitByCode(dataSource: DataSource) {
  const read = readByKeys(dataSource, "membership.latestUnitByCode", (codes) =>
    dataSource
      .getRepository(AdminUnit)
      .createQueryBuilder("u")
      .distinctOn(["u.code"])
      .where("u.code = ANY(:codes)", { codes })
      .orderBy("u.code")
      .addOrderBy("u.valid_from", "DESC", "NULLS LAST"),
  );
  return new DataLoader<string, AdminUnit | null>(async (codes) => {
    const rows = await read(codes);
    const byCode = new Map(rows.map((u) => [u.code, u]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}

/** `principal`: the caller, whose access scope keys the cached statistics of closed periods (none: not cached). */
export function createLoaders(dataSource: DataSource, principal?: Principal) {
  return {
    economyFigures: economyFigures(dataSource, UnitMap.PERIOD, accessScope(principal)),
    /** A period before 2025-07-01 re-cut by today's communes: asked only for a commune of today on such a period. */
    economyFiguresToday: economyFigures(dataSource, UnitMap.TODAY, accessScope(principal)),
    /** One loader per distinct filter and page size asked for in the request. */
    firstMembers: loadersByArgs((filter: { current: boolean | null; membershipType: string | null; limit: number }) => firstMembers(dataSource, filter)),
    organization: rowLoader(dataSource, Organization, { column: "id", keyOf: (o) => o.id, validKey: isUuid }),
    /** A bare code names the latest unit that bore it (2025 communes reuse their former communes' codes). */
    adminUnit: latestUnitByCode(dataSource),
    adminUnitById: rowLoader(dataSource, AdminUnit, { column: "id", keyOf: (u) => u.id }),
    adminUnitChangesFrom: groupLoader(dataSource, AdminUnitChangeRow, { column: "from_id", keyOf: (c) => c.fromId, orderBy: [["t.to_id", "ASC"]] }),
    adminUnitChangesTo: groupLoader(dataSource, AdminUnitChangeRow, { column: "to_id", keyOf: (c) => c.toId, orderBy: [["t.from_id", "ASC"]] }),
    membersByOrganization: groupLoader(dataSource, Member, MEMBERS_BY_ORGANIZATION),
    allianceMembership: rowLoader(dataSource, AllianceMembership, { column: "organization_id", keyOf: (a) => a.organizationId, validKey: isUuid }),
    financialReportsByOrganization: groupLoader(dataSource, FinancialReport, uuidKeyed("organization_id", "t.year DESC")),
    classificationsByOrganization: groupLoader(dataSource, Classification, uuidKeyed("organization_id", "t.year DESC", "t.scheme ASC")),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
