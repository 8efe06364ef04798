/**
 * Per-request DataLoaders: every list-to-reference path of the ocop subgraph goes through one of
 * these, so N parents cost one `WHERE … = ANY($1)` statement, not N.
 */
import { emptyOcopFigures, ocopStatistics } from "./repositories/statistics";
import { economyFiguresLoader, firstPageLoader, groupLoader, isAdminUnitCode, isUuid, loadersByArgs, rowLoader } from "@kttt/core";
import type { DataSource } from "typeorm";
import { OcopCertification } from "./entities/certification";
import { OcopLocalOwner } from "./entities/owner";
import { OcopProduct } from "./entities/product";
import { applyCertificateConditions, PARENT_COLUMNS, type ChildFilter, type ParentColumn } from "./repositories/products";
import { OcopGroupBy } from "./domain/enums";

/** OCOP figures on a period's asOf date for the province and every unit, in one grouped statement. */
function economyFigures(dataSource: DataSource) {
  return economyFiguresLoader(async (period) => {
    const stats = await ocopStatistics(dataSource, period.asOf, OcopGroupBy.ADMIN_UNIT);
    return { total: stats.total, byUnit: new Map(stats.groups.map((g) => [g.key, g.figures])), empty: emptyOcopFigures() };
  });
}

export function createLoaders(dataSource: DataSource) {
  return {
    economyFigures: economyFigures(dataSource),
    /** One loader per parent kind, filter and page size asked for in the request. */
    firstProducts: loadersByArgs(({ column, filter }: { column: ParentColumn; filter: ChildFilter }) => {
      const property = PARENT_COLUMNS[column];
      return firstPageLoader(dataSource, OcopProduct, {
        column,
        keyOf: (product) => String(product[property]),
        validKey: column === "admin_unit_code" ? isAdminUnitCode : isUuid,
        orderBy: [["t.name", "ASC"], ["t.id", "ASC"]],
        limit: filter.limit,
        refine: (query) => {
          applyCertificateConditions(query, "t", { asOf: filter.asOf, status: filter.status, stars: filter.stars });
          if (filter.group) query.andWhere("t.product_group = :group", { group: filter.group });
        },
      });
    }),
    product: rowLoader(dataSource, OcopProduct, { column: "id", keyOf: (p) => p.id, validKey: isUuid }),
    localOwner: rowLoader(dataSource, OcopLocalOwner, { column: "id", keyOf: (o) => o.id, validKey: isUuid }),
    certificationsByProduct: groupLoader(dataSource, OcopCertification, { column: "product_id", keyOf: (c) => c.productId, validKey: isUuid, orderBy: [["t.decided_on", "ASC"]] }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
