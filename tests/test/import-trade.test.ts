/**
 * Importing a list of trade-promotion participants end to end: the engine reads the file (money in
 * the header's unit), the command's code finds the participants in membership, the trade-promotion
 * subgraph checks (asking membership) and writes through the real gateway over HTTP, on real databases.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { runImport, tradeParticipationsKind, writeTemplate } from "@kttt/spreadsheet";
import { graphqlData, TEST_ADMIN, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { tradePromotion as tradePromotionSubgraph } from "@kttt/trade-promotion";
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

let membership: TestSubgraph;
let trade: TestSubgraph;
let gateway: GatewayServer;
let dir: string;
let token: string;
type Org = { id: string; name: string; registration_number: string; admin_unit_code: string };
let coops: Org[];
let dissolved: Org;
let group: Org;
const EVENT = "Hội chợ Sen Vàng Hà Tĩnh 2024";

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  trade = await startTestSubgraph(tradePromotionSubgraph, { variant: "demo", lookupUrl: membership.url });
  gateway = await startGateway({
    ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url, TRADE_PROMOTION_URL: trade.url }),
    port: 0,
  });
  dir = await mkdtemp(join(tmpdir(), "kttt-import-trade-"));
  token = await tokenFor(TEST_ADMIN, 3600);
  const q = (sql: string) => membership.service.dataSource.query(sql);
  coops = await q(
    "SELECT id, name, registration_number, admin_unit_code FROM organization WHERE kind = 'COOPERATIVE' AND status = 'ACTIVE' AND registration_number IS NOT NULL AND established_on < '2024-01-01' ORDER BY registration_number LIMIT 5",
  );
  [dissolved] = await q(
    "SELECT id, name, registration_number, admin_unit_code FROM organization WHERE kind = 'COOPERATIVE' AND status = 'DISSOLVED' AND dissolved_on < '2024-05-01' AND registration_number IS NOT NULL ORDER BY registration_number LIMIT 1",
  );
  [group] = await q(
    "SELECT min(id::text) AS id, name, min(admin_unit_code) AS admin_unit_code FROM organization WHERE kind = 'COOPERATIVE_GROUP' AND status = 'ACTIVE' AND established_on < '2024-01-01' GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1",
  );
  await graphqlData(gateway.url, `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id } }`, {
    input: {
      name: EVENT,
      type: "FAIR",
      format: "IN_PERSON",
      scope: "PROVINCIAL",
      organiser: "Sở Công Thương",
      place: "Quảng trường Thành phố Hà Tĩnh",
      adminUnitCode: "436",
      startsOn: "2024-05-10",
      endsOn: "2024-05-14",
      boothCount: 10,
    },
  });
}, 120_000);
afterAll(async () => {
  await gateway?.close();
  await trade?.stop();
  await membership?.stop();
  await rm(dir, { recursive: true, force: true });
});

const sql = (text: string, params: unknown[] = []) => trade.service.dataSource.query(text, params);
const participations = async () => Number((await sql("SELECT count(*) AS n FROM trade_participation"))[0].n);
const ofEvent = async () =>
  sql(
    "SELECT p.participant_id, p.booths, p.sales_amount, p.contract_count, p.contract_value, p.attended_from::text, p.version FROM trade_participation p JOIN trade_event e ON e.id = p.event_id WHERE e.name = $1 ORDER BY p.booths",
    [EVENT],
  );

type Row = Partial<Record<(typeof tradeParticipationsKind.columns)[number]["key"], unknown>>;

async function filledTemplate(name: string, rows: Row[]): Promise<string> {
  const template = join(dir, `template-${name}.xlsx`);
  await writeTemplate(tradeParticipationsKind, template);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet(tradeParticipationsKind.sheetName)!;
  rows.forEach((row, i) => (sheet.getRow(i + 2).values = tradeParticipationsKind.columns.map((c) => (row[c.key] ?? null) as ExcelJS.CellValue)));
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe("npm run import -- --kind tradeParticipations", () => {
  it("imports a filled template, then changes nothing when the same file comes again, and updates what a later file changes", async () => {
    const rows: Row[] = [
      {
        eventName: "hoi cho sen vang ha tinh 2024",
        participantKind: "HTX",
        participantName: coops[0].name,
        participantRegistrationNumber: coops[0].registration_number,
        adminUnit: coops[0].admin_unit_code,
        booths: 2,
        salesAmount: 15_000_000,
      },
      { eventName: EVENT, participantKind: "THT", participantName: group.name, adminUnit: group.admin_unit_code, booths: 1, attendedFrom: "11/05/2024" },
    ];
    const path = await filledTemplate("filled", rows);
    const before = await participations();
    const first = await runImport({ file: path, kind: "tradeParticipations", gatewayUrl: gateway.url, token });
    expect(first.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(first).toMatchObject({ written: true, counts: { CREATED: 2, INVALID: 0 } });
    expect(await participations()).toBe(before + 2);
    expect(await ofEvent()).toEqual([
      { participant_id: group.id, booths: 1, sales_amount: "0", contract_count: 0, contract_value: "0", attended_from: "2024-05-11", version: 1 },
      { participant_id: coops[0].id, booths: 2, sales_amount: "15000000", contract_count: 0, contract_value: "0", attended_from: "2024-05-10", version: 1 },
    ]);

    const again = await runImport({ file: path, kind: "tradeParticipations", gatewayUrl: gateway.url, token });
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, UNCHANGED: 2, INVALID: 0 });

    const later = await filledTemplate("later", [{ ...rows[0], salesAmount: 18_500_000, contractCount: 1, contractValue: 40_000_000 }]);
    const third = await runImport({ file: later, kind: "tradeParticipations", gatewayUrl: gateway.url, token });
    expect(third.counts).toMatchObject({ UPDATED: 1, INVALID: 0 });
    expect((await ofEvent())[1]).toMatchObject({ sales_amount: "18500000", contract_count: 1, contract_value: "40000000", version: 2 });
    const [audit] = await sql(
      "SELECT before->>'salesAmount' AS before, after->>'salesAmount' AS after FROM audit_record WHERE operation = 'importTradeParticipations' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toEqual({ before: "15000000", after: "18500000" });
  });

  it("reads money in the header's unit, lists every bad row with its Excel row and column, writes nothing, and with skipInvalid writes the valid rows", async () => {
    const [a, b, c, d, e] = coops;
    const other = a.admin_unit_code === "444" ? "436" : "444";
    const csv = [
      "BÁO CÁO KẾT QUẢ THAM GIA HỘI CHỢ",
      "Đơn vị tính: triệu đồng",
      "STT,Tên sự kiện,Loại hình,Tên HTX,Mã số thuế,Huyện,Số gian hàng,Doanh thu,Số hợp đồng,Giá trị hợp đồng (tỷ đồng)",
      `1,${EVENT},HTX,${b.name},${b.registration_number},${b.admin_unit_code},3,"1.234,5",2,"2,5"`,
      `2,Hội chợ Không Có,HTX,${c.name},${c.registration_number},${c.admin_unit_code},1,10,0,0`,
      `3,${EVENT},HTX,${c.name},${c.registration_number},${c.admin_unit_code},1,-5,0,0`,
      `4,${EVENT},HTX,${d.name},${d.registration_number},${d.admin_unit_code},1,5,0,"1,5"`,
      `5,${EVENT},HTX,${a.name},${a.registration_number},${other},1,5,0,0`,
      `6,${EVENT},HTX,${dissolved.name},${dissolved.registration_number},${dissolved.admin_unit_code},1,5,0,0`,
      `7,${EVENT},HTX,${e.name},${e.registration_number},${e.admin_unit_code},9,5,0,0`,
      `8,${EVENT},HTX,${b.name},${b.registration_number},${b.admin_unit_code},1,5,0,0`,
      ",Cộng,,,,,19,,,",
    ].join("\n");
    const path = join(dir, "messy.csv");
    await writeFile(path, csv, "utf8");
    const before = await participations();

    const report = await runImport({ file: path, kind: "tradeParticipations", gatewayUrl: gateway.url, token, errorCopy: join(dir, "messy.loi.xlsx") });
    expect(report.written).toBe(false);
    expect(await participations()).toBe(before);
    const problems = Object.fromEntries(
      report.rows.filter((r) => r.problems.length).map((r) => [r.rowNumber, r.problems.map((p) => `${p.columnLetter} ${p.column}: ${p.reason}`).join(" / ")]),
    );
    expect(Object.keys(problems).map(Number)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(problems[5]).toMatch(/^B Tên sự kiện: No event is called Hội chợ Không Có/u);
    expect(problems[6]).toMatch(/^H Doanh thu: .*negative/iu);
    expect(problems[7]).toMatch(/^J Giá trị hợp đồng \(tỷ đồng\): A contract value needs at least one contract/u);
    expect(problems[8]).toMatch(/^F Huyện: Membership records .* as registered in .*, not in unit /u);
    expect(problems[9]).toMatch(/^E Mã số thuế: Membership records .* as dissolved on /u);
    expect(problems[10]).toMatch(/^G Số gian hàng: .* has 10 booths and [0-9]+ are taken; 9 more do not fit/u);
    expect(problems[11]).toBe(`D Tên HTX: ${b.name} in ${EVENT} is also on row 4 of this file`);

    const skipping = await runImport({
      file: path,
      kind: "tradeParticipations",
      gatewayUrl: gateway.url,
      token,
      skipInvalid: true,
      errorCopy: join(dir, "messy2.loi.xlsx"),
    });
    expect(skipping).toMatchObject({ written: true, counts: { CREATED: 1, INVALID: 7 } });
    expect(await participations()).toBe(before + 1);
    const [written] = await sql("SELECT booths, sales_amount, contract_count, contract_value FROM trade_participation WHERE participant_id = $1", [b.id]);
    // 1.234,5 triệu đồng and 2,5 tỷ đồng, converted exactly.
    expect(written).toEqual({ booths: 3, sales_amount: "1234500000", contract_count: 2, contract_value: "2500000000" });
  });
  it("checks a batch in the same number of statements whatever its size (no query per row)", async () => {
    const statementsFor = async (orgs: Org[]) => {
      const path = await filledTemplate(
        `batch-${orgs.length}`,
        orgs.map((o) => ({
          eventName: EVENT,
          participantKind: "HTX",
          participantName: o.name,
          participantRegistrationNumber: o.registration_number,
          adminUnit: o.admin_unit_code,
        })),
      );
      trade.service.statements.start();
      const report = await runImport({ file: path, kind: "tradeParticipations", gatewayUrl: gateway.url, token, dryRun: true });
      const statements = trade.service.statements.stop();
      expect(report.rows).toHaveLength(orgs.length);
      return statements;
    };
    const one = await statementsFor(coops.slice(0, 1));
    const five = await statementsFor(coops.slice(0, 5));
    expect(one).toBeGreaterThan(2);
    expect(five).toBe(one);
  });
});
