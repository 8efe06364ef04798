/**
 * Per-request DataLoaders: every list-to-reference path of the membership subgraph goes through
 * one of these, so N parents cost one `WHERE … = ANY($1)` statement, not N.
 */
import DataLoader from "dataloader";
import { groupLoader, isUuid, rowLoader } from "@kttt/core";
import type { DataSource } from "typeorm";
import { emptyMembershipFigures, membershipStatistics } from "./repositories/statistics";
import { MembershipGroupBy, type MembershipFigures } from "./types/statistics";
import { AdminUnit } from "./entities/admin-unit";
import { AllianceMembership } from "./entities/alliance-membership";
import { Classification } from "./entities/classification";
import { FinancialReport } from "./entities/financial-report";
import { Member } from "./entities/member";
import { Organization } from "./entities/organization";

export interface MemberPage {
  rows: Member[];
  total: number;
}

/**
 * The first `limit` members of many organisations and their counts, in one statement (a window
 * over each organisation's members): what a list page asking `members(first: n) { totalCount … }`
 * needs, without loading every member of every organisation.
 */
function firstMembers(dataSource: DataSource, filter: { current: boolean | null; membershipType: string | null; limit: number }) {
  const metadata = dataSource.getMetadata(Member);
  return new DataLoader<string, MemberPage>(async (keys) => {
    const valid = keys.filter(isUuid);
    const rows: Record<string, unknown>[] = valid.length
      ? await dataSource.query(
          `SELECT * FROM (
             SELECT m.*, row_number() OVER (PARTITION BY m.organization_id ORDER BY m.joined_on, m.id) AS position,
                    count(*) OVER (PARTITION BY m.organization_id) AS total
             FROM member m
             WHERE m.organization_id = ANY($1)
               AND ($2::boolean IS NULL OR (m.left_on IS NULL) = $2)
               AND ($3::text IS NULL OR m.membership_type = $3)
           ) page WHERE position <= $4 ORDER BY organization_id, position`,
          [valid, filter.current, filter.membershipType, filter.limit],
        )
      : [];
    const pages = new Map<string, MemberPage>();
    for (const raw of rows) {
      const member = new Member();
      for (const column of metadata.columns) {
        const value = raw[column.databaseName];
        (member as unknown as Record<string, unknown>)[column.propertyName] = column.transformer && !Array.isArray(column.transformer) ? column.transformer.from(value) : value;
      }
      const page = pages.get(member.organizationId) ?? { rows: [], total: Number(raw.total) };
      page.rows.push(member);
      pages.set(member.organizationId, page);
    }
    return keys.map((k) => pages.get(k) ?? { rows: [], total: 0 });
  });
}

export interface EconomyFigures {
  total: MembershipFigures;
  byUnit: Map<string, MembershipFigures>;
  /** Figures of a unit with no organisations. */
  empty: MembershipFigures;
}

/** Membership figures of a period for the province and every unit at once (key: "year|asOf"). */
function economyFigures(dataSource: DataSource) {
  return new DataLoader<string, EconomyFigures>(
    (keys) =>
      Promise.all(
        keys.map(async (key) => {
          const [year, asOf] = key.split("|");
          const stats = await membershipStatistics(dataSource, Number(year), MembershipGroupBy.ADMIN_UNIT, asOf);
          const byUnit = new Map(stats.groups.map((g) => [g.key as string, g.figures]));
          return { total: stats.total, byUnit, empty: emptyMembershipFigures() };
        }),
      ),
  );
}

export function createLoaders(dataSource: DataSource) {
  const memberPages = new Map<string, DataLoader<string, MemberPage>>();
  return {
    economyFigures: economyFigures(dataSource),
    /** One loader per distinct filter and page size asked for in the request. */
    firstMembers(filter: { current: boolean | null; membershipType: string | null; limit: number }) {
      const key = JSON.stringify(filter);
      let loader = memberPages.get(key);
      if (!loader) memberPages.set(key, (loader = firstMembers(dataSource, filter)));
      return loader;
    },
    organization: rowLoader(dataSource, Organization, { column: "id", keyOf: (o) => o.id, validKey: isUuid }),
    adminUnit: rowLoader(dataSource, AdminUnit, { column: "code", keyOf: (u) => u.code }),
    membersByOrganization: groupLoader(dataSource, Member, { column: "organization_id", keyOf: (m) => m.organizationId, validKey: isUuid, orderBy: [["t.joined_on", "ASC"], ["t.id", "ASC"]] }),
    allianceMembership: rowLoader(dataSource, AllianceMembership, { column: "organization_id", keyOf: (a) => a.organizationId, validKey: isUuid }),
    financialReportsByOrganization: groupLoader(dataSource, FinancialReport, { column: "organization_id", keyOf: (f) => f.organizationId, validKey: isUuid, orderBy: [["t.year", "DESC"]] }),
    classificationsByOrganization: groupLoader(dataSource, Classification, { column: "organization_id", keyOf: (c) => c.organizationId, validKey: isUuid, orderBy: [["t.year", "DESC"], ["t.scheme", "ASC"]] }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
