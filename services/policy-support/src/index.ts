export { policySupport, startPolicySupportService, loadPolicySupportConfig, type PolicySupportService } from "./app";
export { entities } from "./entities";
export { migrations } from "./migrations";
export { loadDemoData } from "./seed/load";
export { generatePolicySeedRows, DISBURSEMENT_RATE, DEMO_YEARS } from "./seed/generate";
export { AGENCIES, DOCUMENTS, POLICIES } from "./seed/catalogue";
export { createLoaders } from "./loaders";
