/**
 * Per-request DataLoaders: every list-to-reference path of the membership subgraph goes through
 * one of these, so N parents cost one `WHERE … = ANY($1)` statement, not N.
 */
import DataLoader from "dataloader";
import type { DataSource, ObjectLiteral } from "typeorm";
import { AdminUnit } from "./entities/admin-unit";
import { AllianceMembership } from "./entities/alliance-membership";
import { Classification } from "./entities/classification";
import { FinancialReport } from "./entities/financial-report";
import { Member } from "./entities/member";
import { Organization } from "./entities/organization";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function byKey<T extends ObjectLiteral>(dataSource: DataSource, entity: new () => T, column: string, key: (row: T) => string, validKey: (k: string) => boolean = () => true) {
  return new DataLoader<string, T | null>(async (keys) => {
    const valid = keys.filter(validKey);
    const rows = valid.length
      ? await dataSource.getRepository(entity).createQueryBuilder("t").where(`t.${column} = ANY(:keys)`, { keys: valid }).getMany()
      : [];
    const map = new Map(rows.map((row) => [key(row), row]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

function groupedBy<T extends ObjectLiteral>(dataSource: DataSource, entity: new () => T, column: string, key: (row: T) => string, orderBy: [string, "ASC" | "DESC"][]) {
  return new DataLoader<string, T[]>(async (keys) => {
    const valid = keys.filter((k) => UUID.test(k));
    const rows = valid.length
      ? await orderBy
          .reduce((q, [expression, direction]) => q.addOrderBy(expression, direction), dataSource.getRepository(entity).createQueryBuilder("t").where(`t.${column} = ANY(:keys)`, { keys: valid }))
          .getMany()
      : [];
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(key(row));
      if (list) list.push(row);
      else map.set(key(row), [row]);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

export function createLoaders(dataSource: DataSource) {
  return {
    organization: byKey(dataSource, Organization as unknown as new () => Organization, "id", (o) => o.id, (k) => UUID.test(k)),
    adminUnit: byKey(dataSource, AdminUnit, "code", (u) => u.code),
    membersByOrganization: groupedBy(dataSource, Member, "organization_id", (m) => m.organizationId, [["t.joined_on", "ASC"], ["t.id", "ASC"]]),
    allianceMembership: byKey(dataSource, AllianceMembership, "organization_id", (a) => a.organizationId, (k) => UUID.test(k)),
    financialReportsByOrganization: groupedBy(dataSource, FinancialReport, "organization_id", (f) => f.organizationId, [["t.year", "DESC"]]),
    classificationsByOrganization: groupedBy(dataSource, Classification, "organization_id", (c) => c.organizationId, [["t.year", "DESC"], ["t.scheme", "ASC"]]),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
