/**
 * Importing a list of trade-promotion participants end to end: the engine reads the file (money in
 * the header's unit), the command's code finds the participants in membership, the trade-promotion
 * subgraph checks (asking membership) and writes through the real gateway over HTTP, on real databases.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { runImport, tradeParticipationsKind, writeTemplate, runExport } from "@kttt/spreadsheet";
import { graphqlData, TEST_ADMIN, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { tradePromotion as tradePromotionSubgraph } from "@kttt/trade-promotion";
import { recordCommuneOn, unitById } from "@kttt/reference";
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filledTemplate as fillTemplate, readRows } from "./spreadsheets";

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
  it("places participants by their commune on their first day (a 2024 commune with its district, a 2025 commune), and exports each list back cell for cell", async () => {
    // Cooperatives recorded in a mid-2024 commune that lies whole in one of today's communes.
    const placed: (Org & { commune_id: string })[] = (
      await membership.service.dataSource.query(
        "SELECT id, name, registration_number, admin_unit_code, commune_id FROM organization WHERE kind = 'COOPERATIVE' AND status = 'ACTIVE' AND registration_number IS NOT NULL AND established_on < '2024-01-01' AND commune_id IS NOT NULL ORDER BY registration_number DESC LIMIT 40",
      )
    ).filter((o: { commune_id: string }) => recordCommuneOn(o.commune_id, "2025-09-10") !== null);
    const [a, b] = placed;
    const of2024 = (o: { commune_id: string }) => {
      const commune = unitById(o.commune_id)!;
      return { commune: commune.name, adminUnit: unitById(commune.parentId!)!.name };
    };
    const today = recordCommuneOn(a.commune_id, "2025-09-10")!;
    const events = [
      { name: "Hội chợ Ngọc Lan 2024", startsOn: "2024-10-01", endsOn: "2024-10-05", adminUnitCode: "436" },
      { name: "Hội chợ Ngọc Lan 2025", startsOn: "2025-09-10", endsOn: "2025-09-12", adminUnitCode: today.code },
    ];
    const ids: string[] = [];
    for (const event of events) {
      const created = await graphqlData<{ createTradeEvent: { id: string } }>(
        gateway.url,
        `mutation($input: CreateTradeEventInput!) { createTradeEvent(input: $input) { id } }`,
        { input: { ...event, type: "FAIR", format: "IN_PERSON", scope: "PROVINCIAL", organiser: "Liên minh HTX tỉnh", place: "Nhà văn hóa", boothCount: 20 } },
      );
      ids.push(created.createTradeEvent.id);
    }
    const row = (o: Org, event: (typeof events)[number], place: Row, booths: number, sales: number): Row => ({
      eventName: event.name,
      eventStartsOn: event.startsOn.split("-").reverse().join("/"),
      participantKind: "Hợp tác xã",
      participantName: o.name,
      participantRegistrationNumber: o.registration_number,
      ...place,
      attendedFrom: event.startsOn.split("-").reverse().join("/"),
      attendedTo: event.endsOn.split("-").reverse().join("/"),
      booths,
      salesAmount: sales,
      contractCount: 1,
      contractValue: 30_000_000,
      mouCount: 0,
      mouValue: 0,
      note: `Tham gia ${event.name}`,
    });
    const lists = [
      [row(a, events[0], of2024(a), 2, 12_500_000), row(b, events[0], of2024(b), 1, 4_000_000)],
      [row(a, events[1], { adminUnit: "Tỉnh Hà Tĩnh", commune: today.name }, 3, 21_000_000)],
    ];
    for (const [n, rows] of lists.entries()) {
      const template = await fillTemplate(dir, tradeParticipationsKind, `communes-${n}`, rows);
      const first = await runImport({ file: template, kind: "tradeParticipations", gatewayUrl: gateway.url, token });
      expect(first.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(first).toMatchObject({ written: true, counts: { CREATED: rows.length } });
      const query = /* GraphQL */ `
        query ($id: ID!) {
          tradeEvent(id: $id) {
            participations(first: 10) {
              nodes {
                Ten_su_kien: event {
                  name
                }
                Ngay_bat_dau_su_kien: event {
                  startsOn
                }
                Loai_chu_the: participantKind
                Ten_don_vi_tham_gia: participant {
                  ... on Cooperative {
                    name
                  }
                }
                Ma_so_HTX: participant {
                  ... on Cooperative {
                    registrationNumber
                  }
                }
                Don_vi_hanh_chinh: commune {
                  parent {
                    name
                  }
                }
                Xa_phuong: commune {
                  name
                }
                Tu_ngay: attendedFrom
                Den_ngay: attendedTo
                So_gian_hang: booths
                Doanh_thu: salesAmount
                So_hop_dong: contractCount
                Gia_tri_hop_dong: contractValue
                So_bien_ban_ghi_nho: mouCount
                Gia_tri_ghi_nho: mouValue
                Ghi_chu: note
              }
            }
          }
        }
      `;
      const out = join(dir, `trade-export-${n}.xlsx`);
      expect(await runExport({ query, variables: { id: ids[n] }, out, gatewayUrl: gateway.url, token })).toMatchObject({ rows: rows.length });
      expect(await readRows(out, tradeParticipationsKind, "participantName")).toEqual(await readRows(template, tradeParticipationsKind, "participantName"));
      const again = await runImport({ file: out, kind: "tradeParticipations", gatewayUrl: gateway.url, token });
      expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, UNCHANGED: rows.length, INVALID: 0 });
    }
    const stored = await sql(
      "SELECT e.name, p.admin_unit_code, p.commune_id, p.commune_since::text FROM trade_participation p JOIN trade_event e ON e.id = p.event_id WHERE p.participant_id = $1 AND e.name LIKE 'Hội chợ Ngọc Lan%' ORDER BY e.name",
      [a.id],
    );
    // Before 1/7/2025 the commune's district is the unit; after, the 2025 commune is both; each kept since the first day.
    expect(stored).toEqual([
      { name: events[0].name, admin_unit_code: unitById(unitById(a.commune_id)!.parentId!)!.code, commune_id: a.commune_id, commune_since: "2024-10-01" },
      { name: events[1].name, admin_unit_code: today.code, commune_id: today.id, commune_since: "2025-09-10" },
    ]);
    // The same participant named by its former district in the 2025 event: refused, naming the communes that replaced it.
    const stale = await fillTemplate(dir, tradeParticipationsKind, "communes-stale", [
      { ...lists[1][0], adminUnit: of2024(a).adminUnit, commune: undefined, booths: 4 },
    ]);
    const refused = await runImport({ file: stale, kind: "tradeParticipations", gatewayUrl: gateway.url, token, errorCopy: join(dir, "stale.loi.xlsx") });
    expect(refused.written).toBe(false);
    expect(refused.rows[0].problems.map((p) => `${p.columnLetter} ${p.column}: ${p.reason}`)).toEqual([
      expect.stringMatching(
        new RegExp(`^F Đơn vị hành chính: ${of2024(a).adminUnit} \\(\\d+\\) no longer existed on 2025-09-10: .*${today.name} \\(${today.code}`, "u"),
      ),
    ]);
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
