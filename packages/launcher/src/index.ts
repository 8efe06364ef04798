export { embeddedServerUrl, portInUse, startEmbeddedPostgres, type EmbeddedOptions, type EmbeddedServer } from "./embedded";
export { backupDatabase, restoreDatabase, type BackupManifest } from "./backup";
