/**
 * A list exported as .csv through the gateway's /files/export (the dashboard's "Tải .csv", `npm run export`):
 * UTF-8 with a BOM so Excel reads Vietnamese, and text that begins like a formula (=, +, -, @) written so
 * no spreadsheet runs it, while the same text in the .xlsx stays as it is, as text.
 */
import { dropDatabase, loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { as, databaseUrl, runPrefix, TEST_ADMIN, startTestSubgraph, type TestSubgraph } from "@kttt/testkit";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { membership as membershipSubgraph } from "@kttt/membership";

let membership: TestSubgraph;
let gateway: GatewayServer;
const gatewayDb = () => databaseUrl(`${runPrefix()}gateway_export_csv_${process.pid}`);

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  gateway = await startGateway({
    ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url, GATEWAY_DATABASE_URL: gatewayDb() }),
    port: 0,
  });
}, 120_000);
afterAll(async () => {
  await gateway?.close();
  await membership?.stop();
  await dropDatabase(gatewayDb());
});

/** Names a hostile or careless register might carry; each marked "Zqxv" to find them. */
const NAMES = ['=HYPERLINK("http://x.invalid","Zqxv mở")', "+SUM(A1:A9) Zqxv", "-2+3 Zqxv", "@Zqxv thương mại", "Hợp tác xã Zqxv Đức Thọ"];

async function exportAs(format: "csv" | "xlsx"): Promise<Buffer> {
  const res = await fetch(gateway.url.replace(/\/graphql$/u, "/files/export"), {
    method: "POST",
    headers: { "content-type": "application/json", ...(await as(TEST_ADMIN)) },
    body: JSON.stringify({ query: `{ cooperatives(first: 20, filter: { search: "zqxv" }) { nodes { name registrationNumber } } }`, format, name: "htx" }),
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("CSV export", () => {
  it("writes UTF-8 with a BOM and escapes every cell that begins like a formula", async () => {
    const rows = await membership.service.dataSource.query("SELECT id FROM organization WHERE kind = 'COOPERATIVE' ORDER BY id LIMIT $1", [NAMES.length]);
    for (const [i, row] of rows.entries()) await membership.service.dataSource.query("UPDATE organization SET name = $1 WHERE id = $2", [NAMES[i], row.id]);

    const csv = await exportAs("csv");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(csv.toString("utf8"), { bom: true });
    const names = records.slice(1).map((r) => r[0]);
    expect(names.sort()).toEqual(
      ['\'=HYPERLINK("http://x.invalid","Zqxv mở")', "'+SUM(A1:A9) Zqxv", "'-2+3 Zqxv", "'@Zqxv thương mại", "Hợp tác xã Zqxv Đức Thọ"].sort(),
    );
    // Vietnamese arrives whole: the header is the schema's Vietnamese term.
    expect(records[0][0]).toMatch(/^T[eê]n/u);
    expect(names.every((n) => !/^[=+\-@]/u.test(n))).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportAs("xlsx")) as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0].getColumn(1).values.slice(2);
    // In the workbook the names are text cells (never formulas), as typed.
    expect([...cells].sort()).toEqual([...NAMES].sort());
  });
});
