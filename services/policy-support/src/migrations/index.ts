import { auditMigration, mutationReceiptsMigration } from "@kttt/core";
import { Initial1732406400000 } from "./1732406400000-initial";

/** Every migration of the policy-support database, in order. */
export const migrations = [Initial1732406400000, mutationReceiptsMigration(1732406400001), auditMigration(1732406400002)];
