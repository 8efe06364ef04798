import { auditMigration, dataVersionMigration, formerlyNamed, mutationReceiptsMigration, vacuumMigration } from "@kttt/core";
import { MembershipInitial1732406400000 } from "./1732406400000-initial";
import { AdminUnits1732406400001 } from "./1732406400001-admin-units";
import { UnitHistory1751328000000 } from "./1751328000000-unit-history";
import { OrganizationCommune1751328000001 } from "./1751328000001-organization-commune";
import { ClassificationByDate1758153600000 } from "./1758153600000-classification-by-date";
import { IllustrativeRows1764460800000 } from "./1764460800000-illustrative-rows";
import { StatisticsIndexes1795910400000 } from "./1795910400000-statistics-indexes";
import { DissolutionIndex1795996800000 } from "./1795996800000-dissolution-index";
import { NameWalkIndex1796083200000 } from "./1796083200000-name-walk-index";
import { SearchWords1796169600000 } from "./1796169600000-search-words";
import { SearchIndexByKind1796256000000 } from "./1796256000000-search-index-by-kind";

/** Every migration of the membership database, in order. */
export const migrations = [
  formerlyNamed(MembershipInitial1732406400000, "Initial1732406400000"),
  AdminUnits1732406400001,
  mutationReceiptsMigration(1732406400002),
  auditMigration(1732406400003),
  UnitHistory1751328000000,
  OrganizationCommune1751328000001,
  // Statistics of closed periods are cached per data version (core's cachedAggregate).
  dataVersionMigration(1751328000050),
  ClassificationByDate1758153600000,
  IllustrativeRows1764460800000,
  StatisticsIndexes1795910400000,
  DissolutionIndex1795996800000,
  NameWalkIndex1796083200000,
  SearchWords1796169600000,
  // The tables it rewrote, vacuumed and analysed outside a transaction.
  vacuumMigration("VacuumSearchWords1796169600001", ["organization", "admin_unit"]),
  SearchIndexByKind1796256000000,
];
