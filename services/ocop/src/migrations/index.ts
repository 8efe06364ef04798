import { auditMigration, dataVersionMigration, mutationReceiptsMigration, vacuumMigration } from "@kttt/core";
import { OcopInitial1732406400100 } from "./1732406400100-initial";
import { OcopPlacesAndLevels1732406400103 } from "./1732406400103-places-and-levels";
import { CertificateStatisticsIndex1795996800100 } from "./1795996800100-certificate-statistics-index";
import { OcopSearchWords1796169600100 } from "./1796169600100-search-words";

/** Every migration of the ocop database, in order. */
export const migrations = [
  OcopInitial1732406400100,
  mutationReceiptsMigration(1732406400101),
  auditMigration(1732406400102),
  OcopPlacesAndLevels1732406400103,
  // Statistics of closed periods are cached per data version (core's cachedAggregate).
  dataVersionMigration(1732406400104),
  CertificateStatisticsIndex1795996800100,
  OcopSearchWords1796169600100,
  // The tables it rewrote, vacuumed and analysed outside a transaction.
  vacuumMigration("OcopVacuumSearchWords1796169600101", ["ocop_owner", "ocop_product"]),
];
