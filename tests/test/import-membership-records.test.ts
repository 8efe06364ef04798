/**
 * Importing an organisation's records end to end: members, yearly figures and classifications, from
 * real files made here with exceljs (filled templates, messy sheets, legacy encodings), checked and
 * written by the membership subgraph through the real gateway over HTTP, on a real database.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { classificationsKind, financialReportsKind, IMPORT_KINDS, membersKind, runImport, writeTemplate, runExport } from "@kttt/spreadsheet";
import { graphql, TEST_ADMIN, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { filledTemplate, messySheet, readRows } from "./spreadsheets";

let membership: TestSubgraph;
let gateway: GatewayServer;
let dir: string;
let token: string;
/** A demo cooperative, active, with its registration number; a demo cooperative group (no number) and its unit's name. */
let coop: { id: string; registration_number: string; name: string; established_on: string };
let group: { id: string; name: string; admin_unit_code: string };

const sql = (text: string, params: unknown[] = []) => membership.service.dataSource.query(text, params);
const count = async (table: string) => Number((await sql(`SELECT count(*) AS n FROM ${table}`))[0].n);
const audits = async (operation: string) => Number((await sql("SELECT count(*) AS n FROM audit_record WHERE operation = $1", [operation]))[0].n);

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url }), port: 0 });
  dir = await mkdtemp(join(tmpdir(), "kttt-import-records-"));
  token = await tokenFor(TEST_ADMIN, 3600);
  [coop] = await sql(
    "SELECT id, registration_number, name, established_on::text FROM organization o WHERE kind = 'COOPERATIVE' AND status = 'ACTIVE' AND established_on < '2019-01-01' AND (SELECT count(*) FROM organization p WHERE p.name = o.name) = 1 ORDER BY registration_number LIMIT 1",
  );
  [group] = await sql(
    "SELECT id, name, admin_unit_code FROM organization o WHERE kind = 'COOPERATIVE_GROUP' AND status <> 'DISSOLVED' AND (SELECT count(*) FROM organization p WHERE p.name = o.name) = 1 ORDER BY name LIMIT 1",
  );
});
afterAll(async () => {
  await gateway?.close();
  await membership?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The kind's template, written by the engine, with rows filled in as a person would. */
async function filled(kind: typeof membersKind, name: string, rows: unknown[][]): Promise<string> {
  const template = join(dir, `template-${name}.xlsx`);
  await writeTemplate(kind, template);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet(kind.sheetName)!;
  rows.forEach((values, i) => (sheet.getRow(i + 2).values = values as ExcelJS.CellValue[]));
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** A sheet as people make them: a title block, a header row of their own words, the rows. */
async function sheetOf(name: string, header: string[], rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(["UBND TỈNH HÀ TĨNH"]);
  sheet.addRow([`DANH SÁCH ${name.toUpperCase()}`]);
  sheet.addRow([]);
  sheet.addRow(["STT", ...header]);
  rows.forEach((row, i) => sheet.addRow([i + 1, ...row]));
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

const problemsByRow = (report: Awaited<ReturnType<typeof runImport>>) =>
  Object.fromEntries(
    report.rows.filter((r) => r.problems.length).map((r) => [r.rowNumber, r.problems.map((p) => `${p.columnLetter}|${p.reason}`).join(" / ")]),
  );

describe("templates for an organisation's records", () => {
  it("writes each kind's template with Vietnamese headers, notes and choice lists, from the command line too", async () => {
    const path = join(dir, "mau-xep-loai.xlsx");
    const run = await promisify(execFile)(
      process.execPath,
      [join(__dirname, "..", "..", "packages", "spreadsheet", "dist", "cli", "import.js"), "--template", "classifications", "--out", path],
      {
        env: { ...process.env, KTTT_TOKEN: token, KTTT_GATEWAY_URL: gateway.url },
      },
    );
    expect(run.stdout).toContain(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Xếp loại", "Ghi chú", "Danh mục"]);
    expect((workbook.getWorksheet("Xếp loại")!.getRow(1).values as unknown[]).slice(1)).toEqual(classificationsKind.columns.map((c) => c.label));
    const lists = workbook.getWorksheet("Danh mục")!;
    const listed = Array.from({ length: 6 }, (_, i) =>
      lists
        .getColumn(i + 1)
        .values.slice(1)
        .filter(Boolean),
    );
    expect(listed).toContainEqual(["Xếp loại", "Tốt", "Khá", "Trung bình", "Yếu", "Chưa xếp loại"]);
    expect(listed).toContainEqual(["Quy mô", "Siêu nhỏ", "Nhỏ", "Vừa", "Lớn"]);
    // The units the graph knows are offered in the unit column.
    expect(listed.find((l) => l[0] === "Đơn vị hành chính")).toEqual(expect.arrayContaining(["Xã Sơn Tây"]));
    const rating = classificationsKind.columns.findIndex((c) => c.key === "rating");
    expect(
      workbook
        .getWorksheet("Xếp loại")!
        .getRow(2)
        .getCell(rating + 1).dataValidation,
    ).toMatchObject({ type: "list" });
    expect(workbook.getWorksheet("Ghi chú")!.getColumn(4).values.map(String).join("|")).toMatch(/phải khớp với điểm/u);

    for (const kind of [membersKind, financialReportsKind]) {
      const out = join(dir, `mau-${kind.sheetName}.xlsx`);
      await writeTemplate(kind, out);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      expect((book.getWorksheet(kind.sheetName)!.getRow(1).values as unknown[]).slice(1)).toEqual(kind.columns.map((c) => c.label));
    }
  });
});

describe("npm run import --kind members", () => {
  it("adds members to a cooperative named by its number and to a group named by name and unit, then changes nothing on the same file", async () => {
    const dotted = coop.registration_number.replace(/^(\d{2})(\d{4})(\d{4})/u, "$1.$2.$3");
    const path = await filled(membersKind, "members", [
      [dotted, null, null, "Nguyễn Thị Nhập Một", "Cá nhân", "Thành viên chính thức", "2.500.000", "15/03/2024"],
      [null, coop.name, null, "Hộ Trần Văn Nhập Hai", "Hộ gia đình", "Liên kết không góp vốn", null, "16/03/2024"],
      [null, group.name, group.admin_unit_code, "Lê Văn Nhập Ba", null, "Chính thức", 0, "17/03/2024"],
    ]);
    const before = await count("member");
    const first = await runImport({ file: path, kind: "members", gatewayUrl: gateway.url, token });
    expect(problemsByRow(first)).toEqual({});
    expect(first).toMatchObject({ written: true, counts: { CREATED: 3, INVALID: 0 } });
    expect(await count("member")).toBe(before + 3);
    expect(
      await sql(
        "SELECT full_name, kind, membership_type, capital_contributed::text AS capital, joined_on::text FROM member WHERE organization_id = $1 AND full_name LIKE '%Nhập%' ORDER BY joined_on",
        [coop.id],
      ),
    ).toEqual([
      { full_name: "Nguyễn Thị Nhập Một", kind: "INDIVIDUAL", membership_type: "OFFICIAL", capital: "2500000", joined_on: "2024-03-15" },
      { full_name: "Hộ Trần Văn Nhập Hai", kind: "HOUSEHOLD", membership_type: "ASSOCIATE_WITHOUT_CAPITAL", capital: "0", joined_on: "2024-03-16" },
    ]);
    expect(await sql("SELECT full_name FROM member WHERE organization_id = $1 AND full_name = 'Lê Văn Nhập Ba'", [group.id])).toHaveLength(1);
    const audited = await audits("importMembers");
    expect(audited).toBe(3);

    const again = await runImport({ file: path, kind: "members", gatewayUrl: gateway.url, token });
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, UNCHANGED: 3, INVALID: 0 });
    expect(await count("member")).toBe(before + 3);
    expect(await audits("importMembers")).toBe(audited);

    const edited = await filled(membersKind, "members-edited", [
      [coop.registration_number, null, null, "Nguyễn Thị Nhập Một", "Cá nhân", "Thành viên chính thức", "3.000.000", "15/03/2024"],
    ]);
    const third = await runImport({ file: edited, kind: "members", gatewayUrl: gateway.url, token });
    expect(third.counts).toMatchObject({ UPDATED: 1 });
    expect(await sql("SELECT capital_contributed::text AS capital, version FROM member WHERE full_name = 'Nguyễn Thị Nhập Một'")).toEqual([
      { capital: "3000000", version: 2 },
    ]);
    const trail = await graphql(
      gateway.url,
      `
        {
          membershipAuditTrail(first: 1, operation: "importMembers") {
            before
            after
          }
        }
      `,
    );
    expect(trail.data.membershipAuditTrail[0]).toMatchObject({
      before: { capitalContributed: "2500000" },
      after: { capitalContributed: "3000000", version: 2, fullName: "Nguyễn Thị Nhập Một" },
    });
  });

  it("lists every bad row as Excel numbers it and writes nothing", async () => {
    const path = await sheetOf(
      "thanh vien",
      ["Mã số HTX", "Họ và tên", "Loại hình thành viên", "Vốn góp (đồng)", "Ngày gia nhập"],
      [
        [coop.registration_number, "Phạm Văn Đúng", "Thành viên chính thức", "1.000.000", "01/02/2024"],
        ["3009999999", "Người Không Tổ Chức", "Thành viên chính thức", "1.000.000", "01/02/2024"],
        [coop.registration_number, "Vốn Âm", "Thành viên chính thức", "-5.000", "01/02/2024"],
        [coop.registration_number, "Ngày Sai", "Thành viên chính thức", "1.000.000", "30/02/2024"],
        [coop.registration_number, "Phạm Văn Đúng", "Thành viên chính thức", "1.000.000", "01/02/2024"],
        [coop.registration_number, "Liên Kết Có Vốn", "Liên kết không góp vốn", "1.000.000", "01/02/2024"],
        [coop.registration_number, "Vào Trước Thành Lập", "Thành viên chính thức", "1.000.000", "01/01/1990"],
      ],
    );
    const members = await count("member");
    const report = await runImport({ file: path, kind: "members", gatewayUrl: gateway.url, token });
    expect(report.written).toBe(false);
    expect(await count("member")).toBe(members);
    const problems = problemsByRow(report);
    expect(Object.keys(problems).map(Number)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(problems[6]).toMatch(/^B\|No organisation has the registration number 3009999999/u);
    expect(problems[7]).toMatch(/^E\|Capital contributed cannot be negative/u);
    expect(problems[8]).toMatch(/^F\|"30\/02\/2024" is not a date that exists/u);
    expect(problems[9]).toMatch(/^C\|.* is also on row 5 of this file/u);
    expect(problems[10]).toMatch(/^E\|An associate member without capital contributes no capital/u);
    expect(problems[11]).toMatch(/^F\|A member cannot join \(1990-01-01\) before the organisation was established/u);
    expect(report.rows.find((r) => r.rowNumber === 5)?.outcome).toBe("SKIPPED");

    const skipping = await runImport({ file: path, kind: "members", gatewayUrl: gateway.url, token, skipInvalid: true });
    expect(skipping).toMatchObject({ written: true, counts: { CREATED: 1, INVALID: 6 } });
    expect(await count("member")).toBe(members + 1);
  });

  it("converts member names typed in TCVN3 and VNI to Unicode", async () => {
    const path = await sheetOf(
      "thanh vien cu",
      ["Mã số HTX", "Họ và tên", "Loại hình thành viên", "Ngày gia nhập"],
      [
        [coop.registration_number, "NguyÔn V¨n Tr­êng", "Thµnh viªn chÝnh thøc", "02/02/2024"],
        [coop.registration_number, "TrÇn ThÞ Hoa", "Thµnh viªn chÝnh thøc", "02/02/2024"],
        [coop.registration_number, "Phaïm Vaên Ñöùc", "Thaønh vieân chính thöùc", "02/02/2024"],
      ],
    );
    const report = await runImport({ file: path, kind: "members", gatewayUrl: gateway.url, token });
    expect(problemsByRow(report)).toEqual({});
    expect(report.counts.CREATED).toBe(3);
    expect(
      (await sql("SELECT full_name FROM member WHERE organization_id = $1 AND joined_on = '2024-02-02' ORDER BY full_name", [coop.id])).map(
        (m: { full_name: string }) => m.full_name,
      ),
    ).toEqual(["Nguyễn Văn Trường", "Phạm Văn Đức", "Trần Thị Hoa"]);
  });

  it("checks a batch in a fixed number of statements, whatever its length", async () => {
    const rows = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        rowNumber: i + 2,
        organization: coop.registration_number,
        fullName: `Thành Viên Đếm ${from + i}`,
        membershipType: "OFFICIAL",
        capitalContributed: "1000000",
        joinedOn: "2024-05-01",
      }));
    const statementsFor = async (batch: unknown[]) => {
      membership.service.statements.start();
      const res = await graphql(gateway.url, IMPORT_KINDS.members.mutation, { rows: batch, dryRun: false, skipInvalid: false });
      expect(res.errors).toBeUndefined();
      expect(res.data.importMembers.written).toBe(true);
      return membership.service.statements.stop();
    };
    expect(await statementsFor(rows(40, 0))).toBe(await statementsFor(rows(4, 100)));
  });
});

describe("npm run import --kind financialReports", () => {
  it("reads money in the header's unit exactly, creates then corrects a year, and lists bad rows writing nothing", async () => {
    const header = [
      "Mã số thuế",
      "Năm",
      "Vốn điều lệ (triệu đồng)",
      "Doanh thu (tr.đ)",
      "Lợi nhuận (triệu đồng)",
      "Lao động thường xuyên",
      "Thu nhập bình quân (nghìn đồng/người/tháng)",
      "Cán bộ quản lý",
      "Cán bộ quản lý đã qua đào tạo",
      "Mức độ ứng dụng CNTT",
    ];
    const good = [coop.registration_number, 2019, "1.234,5", "2,5 tỷ", "-12,3", 9, "4.500", 5, 3, "Có máy tính, thư điện tử"];
    const path = await sheetOf("bao cao", header, [good]);
    await sql("DELETE FROM financial_report WHERE organization_id = $1 AND year = 2019", [coop.id]);
    const first = await runImport({ file: path, kind: "financialReports", gatewayUrl: gateway.url, token });
    expect(problemsByRow(first)).toEqual({});
    expect(first.counts).toMatchObject({ CREATED: 1 });
    expect(
      await sql(
        "SELECT charter_capital::text, revenue::text, profit::text, regular_workers, average_monthly_income::text, it_readiness, version FROM financial_report WHERE organization_id = $1 AND year = 2019",
        [coop.id],
      ),
    ).toEqual([
      {
        charter_capital: "1234500000",
        revenue: "2500000000",
        profit: "-12300000",
        regular_workers: 9,
        average_monthly_income: "4500000",
        it_readiness: "BASIC",
        version: 1,
      },
    ]);
    expect((await runImport({ file: path, kind: "financialReports", gatewayUrl: gateway.url, token })).counts).toMatchObject({ UNCHANGED: 1 });
    const corrected = await sheetOf("bao cao sua", header, [[...good.slice(0, 3), "2,6 tỷ", ...good.slice(4)]]);
    expect((await runImport({ file: corrected, kind: "financialReports", gatewayUrl: gateway.url, token })).counts).toMatchObject({ UPDATED: 1 });
    expect(await sql("SELECT revenue::text, version FROM financial_report WHERE organization_id = $1 AND year = 2019", [coop.id])).toEqual([
      { revenue: "2600000000", version: 2 },
    ]);

    const bad = await sheetOf("bao cao loi", header, [
      [coop.registration_number, 2020, "100", "-5", "0", 3, "4.000", 2, 1, "Có máy tính, thư điện tử"],
      [coop.registration_number, 2021, "100", "nhiều", "0", 3, "4.000", 2, 1, "Có máy tính, thư điện tử"],
      [coop.registration_number, 2022, "100", "50", "80", 3, "4.000", 2, 1, "Có máy tính, thư điện tử"],
      [coop.registration_number, 2023, "100", "50", "10", 3, "4.000", 2, 3, "Có máy tính, thư điện tử"],
      [coop.registration_number, 2019, "100", "50", "10", 3, "4.000", 2, 1, "Có máy tính, thư điện tử"],
      [coop.registration_number, 2019, "100", "50", "10", 3, "4.000", 2, 1, "Có máy tính, thư điện tử"],
      [coop.registration_number, 2099, "100", "50", "10", 3, "4.000", 2, 1, "Có máy tính, thư điện tử"],
    ]);
    const reports = await count("financial_report");
    const report = await runImport({ file: bad, kind: "financialReports", gatewayUrl: gateway.url, token });
    expect(report.written).toBe(false);
    expect(await count("financial_report")).toBe(reports);
    const problems = problemsByRow(report);
    expect(problems[5]).toMatch(/^E\|Revenue cannot be negative/u);
    expect(problems[6]).toMatch(/^E\|"nhiều" is not a number/u);
    expect(problems[7]).toMatch(/^F\|Profit \(80000000 đ\) cannot be larger than revenue \(50000000 đ\)/u);
    expect(problems[8]).toMatch(/^J\|Trained managers \(3\) cannot outnumber managers \(2\)/u);
    expect(problems[9]).toBeUndefined(); // the first 2019 row corrects the graph's 2019 figures
    expect(problems[10]).toMatch(/^C\|.*is also on row 9 of this file/u);
    expect(problems[11]).toMatch(/^C\|The year must be between \d{4} \(establishment\) and \d{4}/u);
  });

  it("exports an organisation's yearly figures back cell for cell what the template held: money in đồng, the IT level by its label", async () => {
    await sql("DELETE FROM financial_report WHERE organization_id = $1 AND year IN (2022, 2023)", [coop.id]);
    const figures = (year: number, revenue: number, itReadiness: string) => ({
      registrationNumber: coop.registration_number,
      year,
      charterCapital: 1_500_000_000,
      revenue,
      profit: -25_000_000,
      regularWorkers: 12,
      averageMonthlyIncome: 5_200_000,
      managersTotal: 5,
      managersTrained: 4,
      itReadiness,
    });
    const template = await filledTemplate(dir, financialReportsKind, "bao-cao-khu-hoi", [
      figures(2022, 2_400_000_000, "Dùng phần mềm kế toán, quản lý"),
      figures(2023, 2_750_500_000, "Có trang web hoặc bán hàng trực tuyến"),
    ]);
    const imported = await runImport({ file: template, kind: "financialReports", gatewayUrl: gateway.url, token });
    expect(problemsByRow(imported)).toEqual({});
    expect(imported.counts).toMatchObject({ CREATED: 2 });
    const out = join(dir, "bao-cao-xuat.xlsx");
    await runExport({
      query: `query($id: ID!) { organization(id: $id) { financialReports(fromYear: 2022, toYear: 2023) {
        Ma_so_HTX: organization { registrationNumber } Ten_to_chuc: organization { name } Nam_bao_cao: year Von_dieu_le: charterCapital Doanh_thu: revenue Loi_nhuan: profit Lao_dong_thuong_xuyen: regularWorkers
        Thu_nhap_binh_quan: averageMonthlyIncome Can_bo_quan_ly: managersTotal Can_bo_quan_ly_da_qua_dao_tao: managersTrained
        Muc_do_ung_dung_CNTT: itReadiness } } }`,
      variables: { id: coop.id },
      out,
      gatewayUrl: gateway.url,
      token,
    });
    // Each row names its organisation (number and name, from the graph); every other cell comes back as it went in.
    const back = await readRows(out, financialReportsKind, "year");
    expect(back).toHaveLength(2);
    expect(back).toEqual((await readRows(template, financialReportsKind, "year")).map((figures) => ({ ...figures, organizationName: coop.name })));
    expect(back[1]).toMatchObject({ registrationNumber: coop.registration_number, revenue: 2_750_500_000n, profit: -25_000_000n, itReadiness: "ONLINE" });
    const again = await runImport({ file: out, kind: "financialReports", gatewayUrl: gateway.url, token });
    expect(problemsByRow(again)).toEqual({});
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, INVALID: 0, UNCHANGED: 2 });
  });
});

describe("npm run import --kind classifications", () => {
  it("records ratings that match their scores, refuses one that contradicts its score and a group's, and changes nothing the second time", async () => {
    await sql("DELETE FROM classification WHERE organization_id = $1 AND year IN (2021, 2022)", [coop.id]);
    const path = await filled(classificationsKind, "xep-loai", [
      [coop.registration_number, null, null, 2021, null, "72,5", "Khá", "Nhỏ", null],
      [coop.registration_number, null, null, 2022, "TT 01/2020", null, "Chưa xếp loại", null, "Tạm ngừng hoạt động quá 3 tháng"],
    ]);
    const first = await runImport({ file: path, kind: "classifications", gatewayUrl: gateway.url, token });
    expect(problemsByRow(first)).toEqual({});
    expect(first.counts).toMatchObject({ CREATED: 2 });
    expect(
      await sql(
        "SELECT year, score::text, rating, size_class, not_rated_reason FROM classification WHERE organization_id = $1 AND year IN (2021, 2022) ORDER BY year",
        [coop.id],
      ),
    ).toEqual([
      { year: 2021, score: "72.50", rating: "FAIR", size_class: "SMALL", not_rated_reason: null },
      { year: 2022, score: null, rating: "NOT_RATED", size_class: null, not_rated_reason: "Tạm ngừng hoạt động quá 3 tháng" },
    ]);
    expect((await runImport({ file: path, kind: "classifications", gatewayUrl: gateway.url, token })).counts).toMatchObject({ UNCHANGED: 2, CREATED: 0 });

    const bad = await filled(classificationsKind, "xep-loai-loi", [
      [coop.registration_number, null, null, 2023, null, 62, "Khá", null, null],
      [null, group.name, null, 2023, null, 85, "Tốt", null, null],
      [coop.registration_number, null, null, 2023, null, 101, "Tốt", null, null],
      [null, "Hợp tác xã Không Hề Có", null, 2023, null, 85, "Tốt", null, null],
    ]);
    const classifications = await count("classification");
    const report = await runImport({ file: bad, kind: "classifications", gatewayUrl: gateway.url, token });
    expect(report.written).toBe(false);
    expect(await count("classification")).toBe(classifications);
    const problems = problemsByRow(report);
    expect(problems[2]).toMatch(/^G\|A score of 62 is rated Trung bình \(50 to under 65 points\), not Khá/u);
    expect(problems[3]).toMatch(/^B\|.* is a cooperative group \(THT\): groups are not rated/u);
    expect(problems[4]).toMatch(/^F\|101 is above 100/u);
    expect(problems[5]).toMatch(/^B\|No organisation is called "Hợp tác xã Không Hề Có"/u);
  });
});

/** Exports `query` to an .xlsx in `dir` and reads it back as the importer reads `kind`. */
async function exported(name: string, query: string, variables: Record<string, unknown>, kind: typeof membersKind, by: string) {
  const out = join(dir, `${name}.xlsx`);
  await runExport({ query, variables, out, gatewayUrl: gateway.url, token });
  return { out, rows: await readRows(out, kind, by) };
}

const MEMBERS_EXPORT = /* GraphQL */ `
  query ($id: ID!) {
    organization(id: $id) {
      members(first: 50) {
        nodes {
          Ma_so_HTX: organization {
            registrationNumber
          }
          Ho_va_ten: fullName
          Loai_thanh_vien: kind
          Loai_hinh_thanh_vien: membershipType
          Von_gop: capitalContributed
          Ngay_gia_nhap: joinedOn
        }
      }
    }
  }
`;

describe("members exported back", () => {
  const mine = (rows: Record<string, unknown>[]) => rows.filter((r) => String(r.fullName).includes("Khứ Hồi"));

  it("exports a filled template's members back cell for cell, naming their cooperative, and the export imports as unchanged", async () => {
    const member = (fullName: string, kind: string, membershipType: string, capitalContributed: number, joinedOn: string) => ({
      registrationNumber: coop.registration_number,
      fullName,
      kind,
      membershipType,
      capitalContributed,
      joinedOn,
    });
    const template = await filledTemplate(dir, membersKind, "thanh-vien-khu-hoi", [
      member("Nguyễn Văn Khứ Hồi", "Cá nhân", "Thành viên chính thức", 4_000_000, "02/01/2024"),
      member("Hộ Lê Thị Khứ Hồi", "Hộ gia đình", "Thành viên liên kết góp vốn", 1_250_000, "03/01/2024"),
      member("Trần Khứ Hồi", "Cá nhân", "Thành viên liên kết không góp vốn", 0, "04/01/2024"),
    ]);
    const imported = await runImport({ file: template, kind: "members", gatewayUrl: gateway.url, token });
    expect(problemsByRow(imported)).toEqual({});
    expect(imported.counts).toMatchObject({ CREATED: 3 });
    const { out, rows } = await exported("thanh-vien-xuat", MEMBERS_EXPORT, { id: coop.id }, membersKind, "fullName");
    const back = mine(rows);
    expect(back).toHaveLength(3);
    expect(back).toEqual(mine(await readRows(template, membersKind, "fullName")));
    expect(back[0]).toMatchObject({ registrationNumber: coop.registration_number, kind: "HOUSEHOLD", capitalContributed: 1_250_000n });

    // Every member of the cooperative, the demo's too, comes back unchanged.
    const again = await runImport({ file: out, kind: "members", gatewayUrl: gateway.url, token });
    expect(problemsByRow(again)).toEqual({});
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, INVALID: 0, UNCHANGED: rows.length });
  });

  it("reads a register as offices keep it (title, STT, units in the header, a subtotal), refuses a bad and a repeated row, and exports the rest back cell for cell", async () => {
    const dotted = coop.registration_number.replace(/^(\d{2})(\d{4})(\d{4})/u, "$1.$2.$3");
    const header = ["Mã số thuế", "Họ tên", "Cá nhân/hộ/pháp nhân", "Thành viên", "Vốn góp (triệu đồng)", "Ngày kết nạp"];
    const rows = [
      [dotted, "Phan Văn Khứ Hồi Bốn", "Cá nhân", "Chính thức", "2,5", "05/02/2024"],
      [dotted, "Hộ Đinh Khứ Hồi Năm", "Hộ", "Liên kết góp vốn", "0,75", "06/02/2024"],
      [dotted, "Võ Thị Khứ Hồi Sáu", "Cá nhân", "Chính thức", "1", "01/01/1990"],
      [dotted, "Phan Văn Khứ Hồi Bốn", "Cá nhân", "Chính thức", "2,5", "05/02/2024"],
    ];
    const path = await messySheet(dir, "so thanh vien khu hoi", header, rows);
    const members = await count("member");
    const refused = await runImport({ file: path, kind: "members", gatewayUrl: gateway.url, token });
    expect(refused.written).toBe(false);
    expect(await count("member")).toBe(members);
    expect(problemsByRow(refused)).toEqual({
      8: expect.stringMatching(/^G\|A member cannot join \(1990-01-01\) before the organisation was established/u),
      9: expect.stringMatching(/^C\|.* is also on row 6 of this file/u),
    });

    const written = await runImport({ file: path, kind: "members", gatewayUrl: gateway.url, token, skipInvalid: true });
    expect(written.counts).toMatchObject({ CREATED: 2, INVALID: 2 });
    const back = mine((await exported("so-thanh-vien-xuat", MEMBERS_EXPORT, { id: coop.id }, membersKind, "fullName")).rows).filter((r) =>
      /Bốn|Năm|Sáu/u.test(String(r.fullName)),
    );
    const sent = (await readRows(path, membersKind, "fullName")).filter((r) => /Bốn|Năm/u.test(String(r.fullName)));
    expect(back).toEqual(sent.slice(0, 2));
    expect(back.map((r) => r.capitalContributed)).toEqual([750_000n, 2_500_000n]);
  });
});

const CLASSIFICATIONS_EXPORT = /* GraphQL */ `
  query ($id: ID!) {
    organization(id: $id) {
      classifications(scheme: CIRCULAR_01_2020) {
        Ma_so_HTX: organization {
          registrationNumber
        }
        Nam_danh_gia: year
        Can_cu_danh_gia: scheme
        Diem: score
        Xep_loai: rating
        Quy_mo: sizeClass
        Ly_do_chua_xep_loai: notRatedReason
      }
    }
  }
`;

describe("classifications exported back", () => {
  const years = (from: number, to: number) => (rows: Record<string, unknown>[]) => rows.filter((r) => Number(r.year) >= from && Number(r.year) <= to);

  it("exports a filled template's ratings back cell for cell, naming their cooperative, and the export imports as unchanged", async () => {
    await sql("DELETE FROM classification WHERE organization_id = $1 AND year BETWEEN 2015 AND 2018", [coop.id]);
    const rating = (year: number, score: number | null, rated: string, sizeClass: string | null, notRatedReason: string | null) => ({
      registrationNumber: coop.registration_number,
      year,
      scheme: "Thông tư 01/2020/TT-BKHĐT",
      score,
      rating: rated,
      sizeClass,
      notRatedReason,
    });
    const template = await filledTemplate(dir, classificationsKind, "xep-loai-khu-hoi", [
      rating(2015, 85.5, "Tốt", "Vừa", null),
      rating(2016, 64, "Trung bình", "Siêu nhỏ", null),
      rating(2017, null, "Chưa xếp loại", null, "Tạm ngừng hoạt động quá 3 tháng"),
    ]);
    const imported = await runImport({ file: template, kind: "classifications", gatewayUrl: gateway.url, token });
    expect(problemsByRow(imported)).toEqual({});
    expect(imported.counts).toMatchObject({ CREATED: 3 });
    const { out, rows } = await exported("xep-loai-xuat", CLASSIFICATIONS_EXPORT, { id: coop.id }, classificationsKind, "year");
    const back = years(2015, 2017)(rows);
    expect(back).toEqual(await readRows(template, classificationsKind, "year"));
    expect(back[0]).toMatchObject({ registrationNumber: coop.registration_number, rating: "GOOD", sizeClass: "MEDIUM" });

    // The cooperative's every rating, the demo's too, comes back unchanged.
    const again = await runImport({ file: out, kind: "classifications", gatewayUrl: gateway.url, token });
    expect(problemsByRow(again)).toEqual({});
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, INVALID: 0, UNCHANGED: rows.length });
  });

  it("reads results as offices report them (title, STT, their own headers, a subtotal), refuses a contradicted and a repeated row, and exports the rest back cell for cell", async () => {
    await sql("DELETE FROM classification WHERE organization_id = $1 AND year BETWEEN 2010 AND 2014", [coop.id]);
    const dotted = coop.registration_number.replace(/^(\d{2})(\d{4})(\d{4})/u, "$1.$2.$3");
    const header = ["Mã số thuế", "Năm xếp loại", "Căn cứ", "Tổng điểm", "Kết quả xếp loại", "Phân loại quy mô", "Lý do"];
    const path = await messySheet(dir, "ket qua xep loai khu hoi", header, [
      [dotted, 2010, "TT 01/2020", "66,5", "Loại khá", "Nhỏ", null],
      [dotted, 2011, null, "79", "Khá", null, null],
      [dotted, 2012, "01/2020", "49", "Khá", null, null],
      [dotted, 2010, "TT 01/2020", "66,5", "Loại khá", "Nhỏ", null],
    ]);
    const classifications = await count("classification");
    const refused = await runImport({ file: path, kind: "classifications", gatewayUrl: gateway.url, token });
    expect(refused.written).toBe(false);
    expect(await count("classification")).toBe(classifications);
    expect(problemsByRow(refused)).toEqual({
      8: expect.stringMatching(/^F\|A score of 49 is rated Yếu \(under 50 points\), not Khá/u),
      9: expect.stringMatching(/^C\|.*is also on row 6 of this file/u),
    });

    const written = await runImport({ file: path, kind: "classifications", gatewayUrl: gateway.url, token, skipInvalid: true });
    expect(written.counts).toMatchObject({ CREATED: 2, INVALID: 2 });
    const back = years(2010, 2014)((await exported("ket-qua-xuat", CLASSIFICATIONS_EXPORT, { id: coop.id }, classificationsKind, "year")).rows);
    const [first, , second] = await readRows(path, classificationsKind, "year"); // 2010, its repeat, 2011, 2012
    // A blank scheme is Circular 01/2020, and the export says so.
    expect(back).toEqual([first, { ...second, scheme: "CIRCULAR_01_2020" }]);
    expect(back.map((r) => [r.year, r.score, r.rating, r.sizeClass])).toEqual([
      [2010, 66.5, "FAIR", "SMALL"],
      [2011, 79, "FAIR", undefined],
    ]);
  });
});

describe("places as registers write them, read on the row's date", () => {
  it("places an organisation by a 2024 commune and its district or by a 2025 commune, and refuses a 2024 commune dated after the reform, naming its successor", async () => {
    const csv = [
      "Tên HTX;Loại hình;Mã số thuế;Đơn vị hành chính;Lĩnh vực;Tình trạng;Ngày thành lập",
      "HTX Nơi Cũ;HTX;3009980011;Xã Sơn Tây, huyện Hương Sơn;Nông nghiệp;Tạm ngừng hoạt động;12/04/2020",
      "HTX Nơi Mới;HTX;3009980022;Xã Sơn Tây;Nông nghiệp;Tạm ngừng hoạt động;12/08/2025",
      "HTX Nơi Đã Nhập;HTX;3009980033;Xã Cẩm Quang;Nông nghiệp;Tạm ngừng hoạt động;12/08/2025",
    ].join("\r\n");
    const path = join(dir, "noi-dang-ky.csv");
    await writeFile(path, `\uFEFF${csv}\r\n`, "utf8");
    const organizations = await count("organization");
    const report = await runImport({ file: path, kind: "organizations", gatewayUrl: gateway.url, token });
    expect(report.written).toBe(false);
    expect(await count("organization")).toBe(organizations);
    expect(problemsByRow(report)).toEqual({
      4: expect.stringMatching(
        /^D\|Xã Cẩm Quang, Huyện Cẩm Xuyên \(18697\) no longer existed on 2025-08-12: it ended on 2025-06-30, and its area then lay in Xã Cẩm Xuyên \(18673\)/u,
      ),
    });
    const written = await runImport({ file: path, kind: "organizations", gatewayUrl: gateway.url, token, skipInvalid: true });
    expect(written.counts).toMatchObject({ CREATED: 2, INVALID: 1 });
    expect(
      await sql(
        "SELECT registration_number, admin_unit_code, commune_id, commune_since::text FROM organization WHERE registration_number IN ('3009980011', '3009980022') ORDER BY registration_number",
      ),
    ).toEqual([
      { registration_number: "3009980011", admin_unit_code: "439", commune_id: "18172", commune_since: "2020-04-12" },
      { registration_number: "3009980022", admin_unit_code: "18172", commune_id: "18172@2025-07-01", commune_since: "2025-08-12" },
    ]);
  });
});
