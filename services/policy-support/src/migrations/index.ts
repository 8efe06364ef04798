import { auditMigration, dataVersionMigration, formerlyNamed, mutationReceiptsMigration, vacuumMigration } from "@kttt/core";
import { PolicySupportInitial1732406400200 } from "./1732406400200-initial";
import { PlanYears1732406400203 } from "./1732406400203-plan-years";
import { BeneficiaryCommune1732406400204 } from "./1732406400204-beneficiary-commune";
import { AgencyCommune1732406400205 } from "./1732406400205-agency-commune";
import { ProgrammeIllustrative1732406400206 } from "./1732406400206-programme-illustrative";
import { PolicySearchWords1796169600200 } from "./1796169600200-search-words";

/**
 * Every migration of the policy-support database, in order. Its timestamps are 17324064002xx (each
 * subgraph has its own hundred); databases migrated when they were 17324064000xx, the same names as
 * membership's, have their records renamed on start.
 */
export const migrations = [
  formerlyNamed(PolicySupportInitial1732406400200, "Initial1732406400000"),
  formerlyNamed(mutationReceiptsMigration(1732406400201), "MutationReceipts1732406400001"),
  formerlyNamed(auditMigration(1732406400202), "AuditTrail1732406400002"),
  PlanYears1732406400203,
  BeneficiaryCommune1732406400204,
  AgencyCommune1732406400205,
  ProgrammeIllustrative1732406400206,
  // Statistics of closed periods are cached per data version (core's cachedAggregate).
  dataVersionMigration(1732406400207),
  PolicySearchWords1796169600200,
  // The tables it rewrote, vacuumed and analysed outside a transaction.
  vacuumMigration("PolicyVacuumSearchWords1796169600201", ["legal_document", "support_policy", "support_programme"]),
];
