import { auditMigration, mutationReceiptsMigration } from "@kttt/core";
import { Initial1732406400300 } from "./1732406400300-initial";
import { FundingProgrammeIndex1732406400303 } from "./1732406400303-funding-programme-index";

/** Every migration of the trade-promotion database, in order. */
export const migrations = [Initial1732406400300, mutationReceiptsMigration(1732406400301), auditMigration(1732406400302), FundingProgrammeIndex1732406400303];
