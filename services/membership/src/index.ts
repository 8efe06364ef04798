export { membership, startMembershipService, type MembershipService } from "./app";
export { entities } from "./entities";
export { migrations } from "./migrations";
export { loadDemoData } from "./seed/load";
export { generateSeedRows, SEED_TOTALS, RATING_COUNTS_2024, ILLUSTRATIVE_2025 } from "./seed/generate";
export { createLoaders } from "./loaders";
export { roundedDivide, periodEnd } from "./repositories/statistics";
export { KIND_LABEL, SECTOR_LABEL, OrganizationKind, OrganizationStatus, Sector, MemberKind, MembershipType } from "./domain/enums";
