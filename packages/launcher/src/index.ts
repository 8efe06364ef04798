export { embeddedServerUrl, portInUse, processAlive, startEmbeddedPostgres, type EmbeddedOptions, type EmbeddedServer } from "./embedded";
export { backupDatabase, restoreDatabase, type BackupManifest } from "./backup";
export { dashboardSignInLink, DEMO_STAFF, demoStaffToken, SIGN_IN_LINK_HOURS } from "./sign-in-link";
export { HIVE_GATEWAY_DIR, hiveGatewayInstalled, startHiveGateway, type HiveGatewayOptions, type RunningHiveGateway } from "./hive-gateway";
