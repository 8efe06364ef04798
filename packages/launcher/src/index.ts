export { portInUse, startEmbeddedPostgres, type EmbeddedOptions, type EmbeddedServer } from "./embedded";
