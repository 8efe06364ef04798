/**
 * A migration made of SQL statements, for the tables core gives every subgraph (audit trail, receipts, data
 * version): each subgraph adds it to its own list under its own timestamp. The class name is the migration's
 * name, as TypeORM records it in the `migrations` table.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

/** A migration named `name` that runs `up` in order, and `down` in order to undo it. */
export function sqlMigration(name: string, up: readonly string[], down: readonly string[]): new () => MigrationInterface {
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      for (const statement of up) await q.query(statement);
    }
    async down(q: QueryRunner): Promise<void> {
      for (const statement of down) await q.query(statement);
    }
  };
  Object.defineProperty(migration, "name", { value: name });
  return migration;
}
