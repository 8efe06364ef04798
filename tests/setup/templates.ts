/** What each subgraph's test templates are built from: its own migrations and demo seed. */
import { entities as membershipEntities, loadDemoData as loadMembershipDemo, migrations as membershipMigrations } from "@kttt/membership";
import { entities as ocopEntities, loadOcopDemoData, migrations as ocopMigrations } from "@kttt/ocop";
import { entities as policySupportEntities, loadDemoData as loadPolicySupportDemo, migrations as policySupportMigrations } from "@kttt/policy-support";
import { entities as tradeEntities, loadTradeDemoData, migrations as tradeMigrations } from "@kttt/trade-promotion";
import type { EntityList, MigrationList } from "@kttt/core";
import type { DataSource } from "typeorm";

export interface Template {
  entities: EntityList;
  migrations: MigrationList;
  seed: (dataSource: DataSource) => Promise<unknown>;
}

export const TEMPLATES: Record<string, Template> = {
  membership: { entities: membershipEntities, migrations: membershipMigrations, seed: loadMembershipDemo },
  ocop: { entities: ocopEntities, migrations: ocopMigrations, seed: loadOcopDemoData },
  "trade-promotion": { entities: tradeEntities, migrations: tradeMigrations, seed: loadTradeDemoData },
  "policy-support": { entities: policySupportEntities, migrations: policySupportMigrations, seed: loadPolicySupportDemo },
};
