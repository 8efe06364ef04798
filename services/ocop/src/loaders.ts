/**
 * Per-request DataLoaders: every list-to-reference path of the ocop subgraph goes through one of
 * these, so N parents cost one `WHERE … = ANY($1)` statement, not N.
 */
import DataLoader from "dataloader";
import { emptyOcopFigures, ocopStatistics } from "./repositories/statistics";
import { OcopGroupBy, type OcopFigures } from "./types/statistics";
import { groupLoader, isUuid, rowLoader } from "@kttt/core";
import type { DataSource } from "typeorm";
import { OcopCertification } from "./entities/certification";
import { OcopLocalOwner } from "./entities/owner";
import { OcopProduct } from "./entities/product";
import { firstProductPages, type ChildFilter, type ParentColumn, type ProductPage } from "./repositories/products";

const isUnitCode = (code: string) => /^[0-9]{3}$/u.test(code);

/** OCOP figures on a date for the province and every unit, in one grouped statement (key: the date). */
function economyFigures(dataSource: DataSource) {
  return new DataLoader<string, { total: OcopFigures; byUnit: Map<string, OcopFigures>; empty: OcopFigures }>((dates) =>
    Promise.all(
      dates.map(async (asOf) => {
        const stats = await ocopStatistics(dataSource, asOf, OcopGroupBy.ADMIN_UNIT);
        return { total: stats.total, byUnit: new Map(stats.groups.map((g) => [g.key, g.figures])), empty: emptyOcopFigures() };
      }),
    ),
  );
}

export function createLoaders(dataSource: DataSource) {
  const pages = new Map<string, DataLoader<string, ProductPage>>();
  return {
    economyFigures: economyFigures(dataSource),
    /** One loader per parent kind, filter and page size asked for in the request. */
    firstProducts(column: ParentColumn, filter: ChildFilter): DataLoader<string, ProductPage> {
      const key = JSON.stringify([column, filter]);
      let loader = pages.get(key);
      if (!loader) {
        const valid = column === "admin_unit_code" ? isUnitCode : isUuid;
        loader = new DataLoader<string, ProductPage>(async (keys) => {
          const asked = keys.filter(valid);
          const found = await firstProductPages(dataSource, column, asked, filter);
          const byKey = new Map(asked.map((k, i) => [k, found[i]]));
          return keys.map((k) => byKey.get(k) ?? { rows: [], total: 0 });
        });
        pages.set(key, loader);
      }
      return loader;
    },
    product: rowLoader(dataSource, OcopProduct, { column: "id", keyOf: (p) => p.id, validKey: isUuid }),
    localOwner: rowLoader(dataSource, OcopLocalOwner, { column: "id", keyOf: (o) => o.id, validKey: isUuid }),
    certificationsByProduct: groupLoader(dataSource, OcopCertification, { column: "product_id", keyOf: (c) => c.productId, validKey: isUuid, orderBy: [["t.decided_on", "ASC"]] }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
