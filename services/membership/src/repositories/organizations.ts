/** Reading organisations: filtered, keyset-paginated lists and batched look-ups. */
import { asksTotalCount, orderByField, paginate, searchCondition, searchTerms, type Connection, today } from "@kttt/core";
import type { GraphQLResolveInfo } from "graphql";
import { unitFilterCondition } from "@kttt/reference";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Organization } from "../entities/organization";
import { OrganizationKind } from "../domain/enums";
import { ORDER_KEYS, type OrganizationFilter, type OrganizationListArgs } from "../types/filters";

export function filteredOrganizations(
  dataSource: DataSource,
  kind: OrganizationKind | undefined,
  filter: OrganizationFilter | undefined,
): SelectQueryBuilder<Organization> {
  const query = dataSource.getRepository(Organization).createQueryBuilder("o");
  if (kind) query.andWhere("o.kind = :kind", { kind });
  if (!filter) return query;
  if (filter.adminUnitCode) {
    // The unit on its date, as the communes whose records lie in it then: one `= ANY` on the indexed column.
    // Rows with no commune recorded are found by the unit they were registered in.
    const condition = unitFilterCondition("o", filter.adminUnitCode, filter.adminUnitAsOf ?? null, today());
    query.andWhere(condition.sql, condition.params);
  }
  if (filter.sector) query.andWhere("o.sector = :sector", { sector: filter.sector });
  if (filter.status) query.andWhere("o.status = :status", { status: filter.status });
  if (filter.rating) {
    const year = filter.ratingYear ? ":ratingYear" : "(SELECT max(year) FROM classification WHERE scheme = 'CIRCULAR_01_2020')";
    query.andWhere(
      `EXISTS (SELECT 1 FROM classification c WHERE c.organization_id = o.id AND c.scheme = 'CIRCULAR_01_2020' AND c.year = ${year} AND c.rating = :rating)`,
      { rating: filter.rating, ratingYear: filter.ratingYear },
    );
  }
  if (filter.allianceMember !== undefined && filter.allianceMember !== null) {
    query.andWhere(`${filter.allianceMember ? "" : "NOT "}EXISTS (SELECT 1 FROM alliance_membership a WHERE a.organization_id = o.id AND a.left_on IS NULL)`);
  }
  const terms = searchTerms(filter.search);
  if (terms.length > 0) {
    const condition = searchCondition("o.search_text", terms);
    // The folded text has one trigram index per legal form (partial on kind, SearchIndexByKind1796256000000): a list of
    // one form reads its own; a search over every form reads each form's index, one OR arm per form.
    const sql = kind
      ? condition.sql
      : `(${Object.values(OrganizationKind)
          .map((form) => `(o.kind = '${form}' AND ${condition.sql})`)
          .join(" OR ")})`;
    query.andWhere(sql, condition.params);
  }
  return query;
}

/**
 * A search's page in name order with its count: fewer matches than this are read whole through the form's trigram index
 * and sorted (core's `PageReading`); more, and the planner walks organization_kind_name_idx, where common terms sit
 * early. At ×100 reading and sorting 2,000 matches costs about 5 ms.
 */
const SORT_SEARCH_MATCHES_BELOW = 2000;

export function listOrganizations<C extends Connection<Organization>>(
  dataSource: DataSource,
  ConnectionClass: new () => C,
  kind: OrganizationKind | undefined,
  args: OrganizationListArgs,
  countScope: string | null = null,
  info?: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">,
): Promise<C> {
  const [expression, direction] = ORDER_KEYS[args.orderBy];
  const query = filteredOrganizations(dataSource, kind, args.filter);
  // A search's page in name order walks organization_kind_name_idx, which holds the folded text: its ids first.
  const search = expression === "o.name" && searchTerms(args.filter?.search).length > 0;
  const reading = search ? { keysFirst: true, sortMatchesBelow: info && asksTotalCount(info) ? SORT_SEARCH_MATCHES_BELOW : undefined } : {};
  return paginate(ConnectionClass, query, orderByField(query, expression === "o.name" ? "name" : "establishedOn", direction), args, countScope, reading);
}
