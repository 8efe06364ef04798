/** Demo data goes into an empty database once, whoever starts first, on a real PostgreSQL. */
import { createTestDatabase, type TestDatabase } from "@kttt/testkit";
import type { DataSource } from "typeorm";
import { demoCopyId, demoTablesOf, seedOnce, type DemoCopies, type DemoTables } from "../src/bulk";
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

describe("demoTablesOf", () => {
  it("names each table in the mapping's order (the insert order), with the rows of the kind it maps to", () => {
    const rows = { children: [{ id: 10, parent_id: 1 }], parents: [{ id: 1 }], unused: [{ id: 99 }] };
    expect(demoTablesOf(rows, { seed_parent: "parents", seed_child: "children" })).toEqual([
      ["seed_parent", [{ id: 1 }]],
      ["seed_child", [{ id: 10, parent_id: 1 }]],
    ]);
  });
});

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

describe("seedOnce at a demo data scale", () => {
  it("copies the named tables scale − 1 times in SQL, the copies' ids the same as demoCopyId's and references kept inside each copy", async () => {
    await dataSource.query(
      "CREATE TABLE copy_parent (id text PRIMARY KEY, name text NOT NULL); CREATE TABLE copy_child (id text PRIMARY KEY, parent_id text NOT NULL REFERENCES copy_parent (id))",
    );
    const rows = (): DemoTables => [
      [
        "copy_parent",
        [
          { id: "a", name: "A" },
          { id: "b", name: "B" },
        ],
      ],
      ["copy_child", [{ id: "c", parent_id: "b" }]],
    ];
    const copies: DemoCopies[] = [
      { table: "copy_parent", ids: ["id"], set: { name: "original.name || copy.k" } },
      { table: "copy_child", ids: ["id", "parent_id"] },
    ];
    expect(await seedOnce(dataSource, "probe-copies", "copy_parent", rows, { scale: 3, copies })).toBe(true);
    const names = await dataSource.query<{ name: string }[]>("SELECT name FROM copy_parent");
    expect(names.map((p) => p.name).sort()).toEqual(["A", "A1", "A2", "B", "B1", "B2"]);
    const children = await dataSource.query<{ id: string; parent_id: string }[]>("SELECT id, parent_id FROM copy_child");
    expect(children).toHaveLength(3);
    expect(children).toEqual(
      expect.arrayContaining([
        { id: "c", parent_id: "b" },
        { id: demoCopyId("c", 1), parent_id: demoCopyId("b", 1) },
        { id: demoCopyId("c", 2), parent_id: demoCopyId("b", 2) },
      ]),
    );
    expect(demoCopyId("c", 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/u);
  });
});
