import { auditMigration, formerlyNamed, mutationReceiptsMigration } from "@kttt/core";
import { MembershipInitial1732406400000 } from "./1732406400000-initial";
import { AdminUnits1732406400001 } from "./1732406400001-admin-units";

/** Every migration of the membership database, in order (timestamps 17324064000xx). */
export const migrations = [formerlyNamed(MembershipInitial1732406400000, "Initial1732406400000"), AdminUnits1732406400001, mutationReceiptsMigration(1732406400002), auditMigration(1732406400003)];
