/**
 * Per-request DataLoaders: every list-to-reference path of the ocop subgraph goes through one of
 * these, so N parents cost one `WHERE … = ANY($1)` statement, not N.
 */
import { emptyOcopFigures, ocopStatistics } from "./repositories/statistics";
import {
  economyFiguresLoader,
  firstPageLoader,
  groupLoader,
  isAdminUnitCode,
  isUuid,
  loadersByArgs,
  rowLoader,
  today,
  UnitMap,
  type FirstPage,
  uuidKeyed,
} from "@kttt/core";
import DataLoader from "dataloader";
import { accessScope, type Principal } from "@kttt/core";
import { codeOfAdminUnitId, communeIdsWithin, economyMapDate, unitById, unitNear } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { OcopCertification } from "./entities/certification";
import { OcopLocalOwner } from "./entities/owner";
import { OcopProduct } from "./entities/product";
import { applyCertificateConditions, PARENT_COLUMNS, type ChildFilter, type ParentColumn } from "./repositories/products";
import { OcopGroupBy } from "./domain/enums";

/** OCOP figures on a period's asOf date for the province and every unit (re-cut by today's communes for one of them before 2025-07-01), all from one `ocopStatistics` by unit. */
function economyFigures(dataSource: DataSource, scope: string | null) {
  return economyFiguresLoader(
    async (period, mapDate) => {
      const stats = await ocopStatistics(dataSource, period.asOf, OcopGroupBy.ADMIN_UNIT, mapDate === period.asOf ? UnitMap.PERIOD : UnitMap.TODAY, scope);
      return {
        total: stats.total,
        byUnit: new Map(stats.groups.flatMap((g) => (g.key === null ? [] : [[g.key, g.figures] as const]))),
        empty: emptyOcopFigures(),
      };
    },
    (period, code) => economyMapDate(code, period.asOf, today()),
  );
}

/**
 * First pages of the products lying in many units at once (unit versions by id, each judged on the list's date, or
 * the nearest day of the unit's life: `unitNear`), in one statement: every product of the units, cut per unit here.
 * A product lies in every unit asked for that holds its commune (a commune and its former district both list it);
 * one with no commune recorded, in the unit bearing the code it was registered under.
 */
function unitProductPages(dataSource: DataSource, filter: ChildFilter) {
  return new DataLoader<string, FirstPage<OcopProduct>>(async (unitIds) => {
    const within = new Map<string, Set<string>>();
    for (const id of unitIds) {
      const unit = unitById(id);
      const target = unit ? unitNear(unit, filter.asOf) : null;
      within.set(id, new Set(target ? communeIdsWithin(target.unit, target.date) : []));
    }
    const codes = [...new Set(unitIds.map(codeOfAdminUnitId))];
    const communeIds = [...new Set([...within.values()].flatMap((ids) => [...ids]))];
    const query = dataSource
      .getRepository(OcopProduct)
      .createQueryBuilder("t")
      .where("(t.commune_id = ANY(:communeIds) OR (t.commune_id IS NULL AND t.admin_unit_code = ANY(:codes)))", { communeIds, codes })
      .orderBy("t.name", "ASC")
      .addOrderBy("t.id", "ASC");
    applyCertificateConditions(query, "t", { asOf: filter.asOf, status: filter.status, stars: filter.stars });
    if (filter.group) query.andWhere("t.product_group = :group", { group: filter.group });
    const rows = await query.getMany();
    return unitIds.map((id) => {
      const ids = within.get(id)!;
      const all = rows.filter((p) => (p.communeId !== null ? ids.has(p.communeId) : p.adminUnitCode === codeOfAdminUnitId(id)));
      return { rows: all.slice(0, filter.limit), total: all.length };
    });
  });
}

export function createLoaders(dataSource: DataSource, principal?: Principal) {
  return {
    economyFigures: economyFigures(dataSource, accessScope(principal)),
    /** One loader per parent kind, filter and page size asked for in the request. */
    firstProducts: loadersByArgs(({ column, filter }: { column: ParentColumn; filter: ChildFilter }) => {
      const property = PARENT_COLUMNS[column];
      return firstPageLoader(dataSource, OcopProduct, {
        column,
        keyOf: (product) => String(product[property]),
        validKey: column === "admin_unit_code" ? isAdminUnitCode : isUuid,
        orderBy: [
          ["t.name", "ASC"],
          ["t.id", "ASC"],
        ],
        limit: filter.limit,
        refine: (query) => {
          applyCertificateConditions(query, "t", { asOf: filter.asOf, status: filter.status, stars: filter.stars });
          if (filter.group) query.andWhere("t.product_group = :group", { group: filter.group });
        },
      });
    }),
    /** One loader per filter and page size: the first products of units, by name. */
    firstUnitProducts: loadersByArgs((filter: ChildFilter) => unitProductPages(dataSource, filter)),
    product: rowLoader(dataSource, OcopProduct, { column: "id", keyOf: (p) => p.id, validKey: isUuid }),
    localOwner: rowLoader(dataSource, OcopLocalOwner, { column: "id", keyOf: (o) => o.id, validKey: isUuid }),
    certificationsByProduct: groupLoader(dataSource, OcopCertification, uuidKeyed("product_id", "t.decided_on ASC")),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
