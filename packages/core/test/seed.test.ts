/** Demo data goes into an empty database once, whoever starts first, on a real PostgreSQL. */
import { createTestDatabase, type TestDatabase } from "@kttt/testkit";
import type { DataSource } from "typeorm";
import { seedOnce, type DemoTables } from "../src/bulk";
import { openDatabase } from "../src/database";

let database: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  database = await createTestDatabase("membership", "empty");
  ({ dataSource } = await openDatabase({ url: database.url, entities: [], migrations: [], poolSize: 4 }));
  await dataSource.query(
    "CREATE TABLE seed_parent (id int PRIMARY KEY); CREATE TABLE seed_child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES seed_parent (id))",
  );
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const tables = (): DemoTables => [
  ["seed_parent", [{ id: 1 }, { id: 2 }]],
  [
    "seed_child",
    [
      { id: 10, parent_id: 1 },
      { id: 11, parent_id: 2 },
      { id: 12, parent_id: 2 },
    ],
  ],
];
const counts = async () =>
  (await dataSource.query("SELECT (SELECT count(*) FROM seed_parent)::int AS parents, (SELECT count(*) FROM seed_child)::int AS children"))[0];

describe("seedOnce", () => {
  it("loads the rows once when several starters race, and leaves a database with data alone", async () => {
    const started = await Promise.all([1, 2, 3].map(() => seedOnce(dataSource, "probe", "seed_parent", tables)));
    expect(started.filter(Boolean)).toHaveLength(1);
    expect(await counts()).toEqual({ parents: 2, children: 3 });
    expect(await seedOnce(dataSource, "probe", "seed_parent", tables)).toBe(false);
    expect(await counts()).toEqual({ parents: 2, children: 3 });
  });

  it("writes nothing when a table fails part-way", async () => {
    await dataSource.query("TRUNCATE seed_child, seed_parent");
    const broken = (): DemoTables => [...tables(), ["seed_child", [{ id: 13, parent_id: 99 }]]];
    await expect(seedOnce(dataSource, "probe", "seed_parent", broken)).rejects.toThrow(/foreign key/u);
    expect(await counts()).toEqual({ parents: 0, children: 0 });
  });
});
