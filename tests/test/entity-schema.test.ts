/**
 * Each subgraph's entity classes describe the columns its migrations build: TypeORM's schema builder,
 * asked what it would change in a freshly migrated database, adds no column and changes no column's
 * type or nullability. A column declared with another name, type or nullability than the migration
 * gave it (say, by a stored-field decorator deriving the wrong name) fails here, before a query would
 * fail at run time. (What the entities do not declare — checks, indexes, foreign keys, defaults,
 * columns only SQL reads — the builder would drop; that is not a mismatch and is left out.)
 */
import { entities as membershipEntities, migrations as membershipMigrations } from "@kttt/membership";
import { entities as ocopEntities, migrations as ocopMigrations } from "@kttt/ocop";
import { entities as policyEntities, migrations as policyMigrations } from "@kttt/policy-support";
import { entities as tradeEntities, migrations as tradeMigrations } from "@kttt/trade-promotion";
import { openMigratedTestDatabase } from "@kttt/testkit";

const subgraphs = [
  ["membership", membershipEntities, membershipMigrations],
  ["ocop", ocopEntities, ocopMigrations],
  ["trade-promotion", tradeEntities, tradeMigrations],
  ["policy-support", policyEntities, policyMigrations],
] as const;

it.each(subgraphs)("%s: the entities match the migrated tables", async (subgraph, entities, migrations) => {
  const database = await openMigratedTestDatabase(subgraph, "empty", { entities: [...entities], migrations: [...migrations] });
  try {
    // TypeORM keeps generated columns' expressions in this table; the migrations do not create it.
    await database.dataSource.query(
      'CREATE TABLE IF NOT EXISTS typeorm_metadata ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)',
    );
    const { upQueries } = await database.dataSource.driver.createSchemaBuilder().log();
    const columnChanges = upQueries
      .map((query) => query.query)
      .filter((sql) => /ADD COLUMN|ALTER COLUMN \S+ (TYPE|SET NOT NULL|DROP NOT NULL)|RENAME COLUMN/u.test(sql));
    expect(columnChanges).toEqual([]);
  } finally {
    await database.close();
  }
});
