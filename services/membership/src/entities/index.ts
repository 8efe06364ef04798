import { AdminUnit, AdminUnitChange } from "./admin-unit";
import { AllianceMembership } from "./alliance-membership";
import { Classification } from "./classification";
import { FinancialReport } from "./financial-report";
import { Member } from "./member";
import { Organization } from "./organization";

export { AdminUnit, AdminUnitChange, AllianceMembership, Classification, FinancialReport, Member, Organization };
export { Cooperative, CooperativeGroup, CooperativeUnion, TYPE_NAME_OF_KIND } from "./organization";

export const entities = [AdminUnit, AdminUnitChange, AllianceMembership, Classification, FinancialReport, Member, Organization];
