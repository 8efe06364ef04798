/**
 * Importing a register end to end: the engine reads the file, the command's code checks it, the
 * membership subgraph checks and writes it through the real gateway over HTTP, on a real database.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { foundingMembersKind, IMPORT_KINDS, openTable, organizationsKind, runExport, runImport, writeTemplate, type TableRow } from "@kttt/spreadsheet";
import { graphql, TEST_ADMIN, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import { join } from "node:path";

let membership: TestSubgraph;
let gateway: GatewayServer;
let dir: string;
let token: string;

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url }), port: 0 });
  dir = await mkdtemp(join(tmpdir(), "kttt-import-"));
  token = await tokenFor(TEST_ADMIN, 3600);
});
afterAll(async () => {
  await gateway?.close();
  await membership?.stop();
  await rm(dir, { recursive: true, force: true });
});

const auditCount = async () =>
  Number((await membership.service.dataSource.query("SELECT count(*) AS n FROM audit_record WHERE operation = 'importOrganizations'"))[0].n);
const byNumber = async (number: string) =>
  (
    await membership.service.dataSource.query(
      "SELECT name, kind, admin_unit_code, sector, status, established_on::text, address, representative, version FROM organization WHERE registration_number = $1",
      [number],
    )
  )[0];

const FILLED = [
  [
    "Hợp tác xã Dịch vụ Nông nghiệp Sen Vàng Sơn Tây",
    "Hợp tác xã",
    "3009990011",
    "Huyện Hương Sơn",
    "Nông nghiệp",
    "Tạm ngừng hoạt động",
    new Date(Date.UTC(2020, 2, 15)),
    "Xã Sơn Tây, Hương Sơn",
    "Nguyễn Văn An",
  ],
  ["Liên hiệp HTX Thương mại Sen Vàng Hà Tĩnh", "LHHTX", "30.0999.0022", "436", "Thương mại, dịch vụ", "Tạm ngừng hoạt động", "01/07/2019", null, null],
  ["Tổ hợp tác Rau sạch Sen Vàng Cẩm Bình", "THT", null, "Cẩm Xuyên", "Nông, lâm, ngư, diêm nghiệp", "Tạm ngừng", "5/9/2021", "Xã Cẩm Bình", "Trần Thị Bình"],
];

async function filledTemplate(name: string, rows: unknown[][], members: unknown[][] = []): Promise<string> {
  const template = join(dir, `template-${name}.xlsx`);
  await writeTemplate([organizationsKind, foundingMembersKind], template, { adminUnit: ["Huyện Hương Sơn"] });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet(organizationsKind.sheetName)!;
  rows.forEach((values, i) => (sheet.getRow(i + 2).values = values as ExcelJS.CellValue[]));
  const memberSheet = workbook.getWorksheet(foundingMembersKind.sheetName)!;
  members.forEach((values, i) => (memberSheet.getRow(i + 2).values = values as ExcelJS.CellValue[]));
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe("npm run import of organisations", () => {
  it("writes a template with the headers, the notes and the choice lists", async () => {
    const path = join(dir, "mau.xlsx");
    await writeTemplate([organizationsKind, foundingMembersKind], path, { adminUnit: ["Huyện Hương Sơn", "Huyện Đức Thọ"] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Tổ chức", "Thành viên", "Ghi chú", "Danh mục"]);
    expect((workbook.getWorksheet("Thành viên")!.getRow(1).values as unknown[]).slice(1)).toEqual(foundingMembersKind.columns.map((c) => c.label));
    expect((workbook.getWorksheet("Tổ chức")!.getRow(1).values as unknown[]).slice(1)).toEqual(organizationsKind.columns.map((c) => c.label));
    expect(workbook.getWorksheet("Tổ chức")!.getCell("B2").dataValidation).toMatchObject({ type: "list", formulae: ["'Danh mục'!$A$2:$A$4"] });
    expect(workbook.getWorksheet("Danh mục")!.getColumn(1).values.slice(1)).toEqual(["Loại hình", "Hợp tác xã", "Liên hiệp hợp tác xã", "Tổ hợp tác"]);
    expect(workbook.getWorksheet("Ghi chú")!.getCell("D4").value).toMatch(/10 chữ số/u);
  });

  it("imports a filled template, then changes nothing when the same file comes again", async () => {
    const path = await filledTemplate("filled", FILLED);
    const before = await auditCount();
    const first = await runImport({ file: path, kind: "organizations", gatewayUrl: gateway.url, token });
    expect(first.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(first).toMatchObject({ written: true, counts: { CREATED: 3, INVALID: 0 }, errorCopy: null });
    expect(await byNumber("3009990011")).toEqual({
      name: "Hợp tác xã Dịch vụ Nông nghiệp Sen Vàng Sơn Tây",
      kind: "COOPERATIVE",
      admin_unit_code: "439",
      sector: "AGRICULTURE",
      status: "SUSPENDED",
      established_on: "2020-03-15",
      address: "Xã Sơn Tây, Hương Sơn",
      representative: "Nguyễn Văn An",
      version: 1,
    });
    expect(await byNumber("3009990022")).toMatchObject({ kind: "COOPERATIVE_UNION", admin_unit_code: "436", sector: "TRADE_SERVICES" });
    expect(await auditCount()).toBe(before + 3);

    const again = await runImport({ file: path, kind: "organizations", gatewayUrl: gateway.url, token });
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, UNCHANGED: 3, INVALID: 0 });
    expect(await auditCount()).toBe(before + 3);
    expect((await byNumber("3009990011")).version).toBe(1);

    const edited = await filledTemplate("edited", [[...FILLED[0].slice(0, 7), "Thôn 3, xã Sơn Tây", "Nguyễn Văn Bình"], ...FILLED.slice(1)]);
    const third = await runImport({ file: edited, kind: "organizations", gatewayUrl: gateway.url, token });
    expect(third.counts).toMatchObject({ UPDATED: 1, UNCHANGED: 2 });
    expect(await byNumber("3009990011")).toMatchObject({ address: "Thôn 3, xã Sơn Tây", representative: "Nguyễn Văn Bình", version: 2 });
    const trail = await graphql(
      gateway.url,
      `
        {
          membershipAuditTrail(first: 1, operation: "importOrganizations") {
            before
            after
          }
        }
      `,
    );
    expect(trail.data.membershipAuditTrail[0]).toMatchObject({
      before: { representative: "Nguyễn Văn An" },
      after: { representative: "Nguyễn Văn Bình", version: 2 },
    });
  });

  it("lists every bad row with its Excel row number, writes nothing, and copies the file with a Lỗi column", async () => {
    const [existing] = await membership.service.dataSource.query("SELECT registration_number FROM organization WHERE registration_number IS NOT NULL LIMIT 1");
    const csv = [
      "DANH SÁCH HỢP TÁC XÃ TRÊN ĐỊA BÀN TỈNH",
      "",
      "STT;Tên HTX;Loại hình;Mã số thuế;Huyện;Lĩnh vực hoạt động;Tình trạng;Ngày thành lập",
      "1;HTX Đông Hà Mới;HTX;3009990033;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;12/4/2018",
      "2;HTX Hoạt động Đủ;HTX;3009990044;Đức Thọ;Nông nghiệp;Đang hoạt động;12/4/2018",
      "3;HTX Trùng Mã;HTX;3009990033;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;12/4/2018",
      "4;HTX Huyện Lạ;HTX;3009990055;Huyện Xa Lắm;Nông nghiệp;Tạm ngừng hoạt động;12/4/2018",
      "5;HTX Ngày Sai;HTX;3009990066;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;31/02/2018",
      `6;HTX Đã Có;HTX;${existing.registration_number};Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;12/4/2018`,
      "7;HTX Sau Giải Thể Huyện;HTX;3009990077;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;12/4/2026",
      ";Tổng cộng;;;;;;",
    ].join("\r\n");
    const path = join(dir, "messy.csv");
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]));
    const count = async () => Number((await membership.service.dataSource.query("SELECT count(*) AS n FROM organization"))[0].n);
    const organizations = await count();

    const report = await runImport({ file: path, kind: "organizations", gatewayUrl: gateway.url, token });
    expect(report.written).toBe(false);
    expect(await count()).toBe(organizations);
    const problems = Object.fromEntries(
      report.rows.filter((r) => r.problems.length).map((r) => [r.rowNumber, r.problems.map((p) => `${p.columnLetter}|${p.reason}`).join(" / ")]),
    );
    expect(Object.keys(problems).map(Number)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(problems[5]).toMatch(/^\|An active .* needs at least 5 official members; it would have 0/u);
    expect(problems[6]).toMatch(/^D\|3009990033 is also on row 4 of this file/u);
    expect(problems[7]).toMatch(/^E\|No administrative unit of Hà Tĩnh is called "Huyện Xa Lắm"/u);
    expect(problems[8]).toMatch(/^H\|"31\/02\/2018" is not a date that exists/u);
    // The registration number is the key: a row naming a registered one speaks of that organisation, and may not rewrite its founding.
    expect(problems[9]).toMatch(/^H\|.* was established on \d{4}-\d{2}-\d{2} in the graph; the row says 2018-04-12/u);
    expect(problems[10]).toMatch(/^(H|E)\|.*(did not exist on 2026-04-12|no longer existed on 2026-04-12|cannot be in the future)/u);
    expect(report.rows.find((r) => r.rowNumber === 4)?.outcome).toBe("SKIPPED");

    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(report.errorCopy!);
    const sheet = copy.worksheets[0];
    expect(sheet.getCell("I3").value).toBe("Lỗi");
    expect(sheet.getCell("B6").value).toBe("HTX Trùng Mã");
    expect(String(sheet.getCell("I6").value)).toMatch(/D Mã số thuế: 3009990033 is also on row 4/u);
    expect(sheet.getCell("I4").value).toBeNull();

    const skipping = await runImport({ file: path, kind: "organizations", gatewayUrl: gateway.url, token, skipInvalid: true });
    expect(skipping).toMatchObject({ written: true, counts: { CREATED: 1, INVALID: 6 } });
    expect(await byNumber("3009990033")).toMatchObject({ name: "HTX Đông Hà Mới", admin_unit_code: "440" });
  });

  it("creates an active cooperative with the founding members of the Thành viên sheet, money in its header's unit", async () => {
    const official = (name: string, capital: unknown) => ["30.0999.0301", name, "Cá nhân", "Thành viên chính thức", capital, "10/01/2021"];
    const path = await filledTemplate(
      "members",
      [["Hợp tác xã Nông nghiệp Đủ Thành Viên", "HTX", "3009990301", "Hương Sơn", "Nông nghiệp", "Đang hoạt động", "10/01/2021", null, null]],
      [
        official("Nguyễn Văn A", 5_000_000),
        official("Trần Thị B", "2.500.000"),
        official("Lê Văn C", 1_000_000),
        official("Phạm Thị D", 1_000_000),
        official("Hoàng Văn E", 1_000_000),
        ["3009990301", "Hộ Võ Văn G", "Hộ gia đình", "Liên kết không góp vốn", null, "10/01/2021"],
        ["3009990999", "Người Lạc", "Cá nhân", "Chính thức", 0, "10/01/2021"],
      ],
    );
    const refused = await runImport({ file: path, kind: "organizations", gatewayUrl: gateway.url, token });
    expect(refused.written).toBe(false);
    expect(refused.rows.filter((r) => r.problems.length)).toEqual([
      {
        rowNumber: 8,
        sheet: "Thành viên",
        outcome: "INVALID",
        problems: [expect.objectContaining({ columnLetter: "A", value: "3009990999", reason: expect.stringMatching(/no organisation of sheet/u) })],
      },
    ]);
    expect(await byNumber("3009990301")).toBeUndefined();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    workbook.getWorksheet("Thành viên")!.spliceRows(8, 1);
    await workbook.xlsx.writeFile(path);
    const report = await runImport({ file: path, kind: "organizations", gatewayUrl: gateway.url, token });
    expect(report).toMatchObject({ written: true, counts: { CREATED: 1, INVALID: 0 } });
    const members = await membership.service.dataSource.query(
      "SELECT m.full_name, m.kind, m.membership_type, m.capital_contributed::text AS capital FROM member m JOIN organization o ON o.id = m.organization_id WHERE o.registration_number = '3009990301' ORDER BY m.full_name",
    );
    expect(members).toHaveLength(6);
    expect(members.find((m: { full_name: string }) => m.full_name === "Trần Thị B")).toEqual({
      full_name: "Trần Thị B",
      kind: "INDIVIDUAL",
      membership_type: "OFFICIAL",
      capital: "2500000",
    });
    expect(members.find((m: { full_name: string }) => m.full_name === "Hộ Võ Văn G")).toMatchObject({
      kind: "HOUSEHOLD",
      membership_type: "ASSOCIATE_WITHOUT_CAPITAL",
      capital: "0",
    });
    expect(await byNumber("3009990301")).toMatchObject({ status: "ACTIVE" });
  });

  it("imports a file longer than a batch all or nothing: a bad row in the last batch leaves nothing written, and a second import finds every row unchanged", async () => {
    const csv = (lastStatus: string) =>
      [
        "DANH SÁCH HỢP TÁC XÃ",
        "STT;Tên hợp tác xã;Loại hình;Mã số thuế;Huyện;Lĩnh vực;Tình trạng;Ngày thành lập",
        ...Array.from(
          { length: 65 },
          (_, i) => `${i + 1};HTX Lô Dài Số ${i + 1};HTX;${3007000000 + i};Đức Thọ;Nông nghiệp;${i === 64 ? lastStatus : "Tạm ngừng hoạt động"};12/4/2018`,
        ),
      ].join("\r\n");
    const bad = join(dir, "long-bad.csv");
    const good = join(dir, "long-good.csv");
    // The last row: an active cooperative without its members, which only membership's check finds.
    await writeFile(bad, csv("Đang hoạt động"));
    await writeFile(good, csv("Tạm ngừng hoạt động"));
    const count = async () =>
      Number((await membership.service.dataSource.query("SELECT count(*) AS n FROM organization WHERE registration_number LIKE '300700%'"))[0].n);
    const audits = await auditCount();
    // Four calls of 20 rows (20, 20, 20, 5): the rows of the first three are valid.
    const options = { kind: "organizations", gatewayUrl: gateway.url, token, batchRows: 20 };

    const refused = await runImport({ ...options, file: bad, errorCopy: join(dir, "long-bad.loi.xlsx") });
    expect(refused).toMatchObject({ written: false, counts: { CREATED: 0, INVALID: 1, SKIPPED: 64 } });
    expect(refused.rows.filter((r) => r.outcome === "INVALID")).toEqual([
      { rowNumber: 67, outcome: "INVALID", problems: [expect.objectContaining({ reason: expect.stringMatching(/needs at least 5 official members/u) })] },
    ]);
    expect(await count()).toBe(0);
    expect(await auditCount()).toBe(audits);

    // --skip-invalid writes the valid rows of every batch and reports the rest.
    const skipping = await runImport({ ...options, file: bad, skipInvalid: true, errorCopy: join(dir, "long-bad.loi.xlsx") });
    expect(skipping).toMatchObject({ written: true, counts: { CREATED: 64, INVALID: 1 } });
    expect(await count()).toBe(64);

    const corrected = await runImport({ ...options, file: good });
    expect(corrected).toMatchObject({ written: true, counts: { CREATED: 1, UNCHANGED: 64, INVALID: 0 } });
    expect(corrected.rows.find((r) => r.rowNumber === 67)?.outcome).toBe("CREATED");
    expect(await count()).toBe(65);
    expect(await auditCount()).toBe(audits + 65);

    const again = await runImport({ ...options, file: good });
    expect(again).toMatchObject({ written: true, counts: { CREATED: 0, UPDATED: 0, UNCHANGED: 65, INVALID: 0, SKIPPED: 0 } });
    expect(again.rows.every((r) => r.outcome === "UNCHANGED")).toBe(true);
    expect(await auditCount()).toBe(audits + 65);
    const versions = await membership.service.dataSource.query("SELECT DISTINCT version FROM organization WHERE registration_number LIKE '300700%'");
    expect(versions).toEqual([{ version: 1 }]);
  });

  it("checks a batch in a fixed number of statements, whatever its length", async () => {
    const rows = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        rowNumber: i + 2,
        kind: "COOPERATIVE",
        name: `Hợp tác xã Kiểm Tra ${from + i}`,
        registrationNumber: String(3008000000 + from + i),
        adminUnit: "444",
        sector: "AGRICULTURE",
        status: "SUSPENDED",
        establishedOn: "2019-05-01",
      }));
    const statementsFor = async (batch: unknown[]) => {
      membership.service.statements.start();
      const res = await graphql(gateway.url, IMPORT_KINDS.organizations.mutation, { rows: batch, dryRun: false, skipInvalid: false });
      expect(res.errors).toBeUndefined();
      expect(res.data.importOrganizations.written).toBe(true);
      return membership.service.statements.stop();
    };
    expect(await statementsFor(rows(40, 0))).toBe(await statementsFor(rows(4, 100)));
  });

  it("writes the batches of an import session in one transaction: seen by nobody before the commit, none kept when a batch was invalid", async () => {
    const { session } = IMPORT_KINDS.organizations;
    const rows = (from: number, status = "SUSPENDED") =>
      Array.from({ length: 3 }, (_, i) => ({
        rowNumber: i + 2,
        kind: "COOPERATIVE",
        name: `Hợp tác xã Phiên Nhập ${from + i}`,
        registrationNumber: String(3006000000 + from + i),
        adminUnit: "444",
        sector: "AGRICULTURE",
        status,
        establishedOn: "2019-05-01",
      }));
    const count = async () =>
      Number((await membership.service.dataSource.query("SELECT count(*) AS n FROM organization WHERE registration_number LIKE '300600%'"))[0].n);
    const start = async () => {
      const res = await graphql(gateway.url, session!.start, {});
      expect(res.errors).toBeUndefined();
      expect(res.data.session.state).toBe("OPEN");
      return res.data.session.id as string;
    };
    const batch = (id: string, batchRows: unknown[]) =>
      graphql(gateway.url, IMPORT_KINDS.organizations.mutation, { rows: batchRows, dryRun: false, skipInvalid: false, session: id });
    const audits = await auditCount();

    // Valid batches, written in the session: invisible until finished, then all there with their audit records.
    const id = await start();
    for (const from of [0, 10]) {
      const res = await batch(id, rows(from));
      expect(res.data.importOrganizations).toMatchObject({ written: true, counts: { created: 3 }, rows: [] });
    }
    expect(await count()).toBe(0);
    const done = await graphql(gateway.url, session!.finish, { session: id, commit: true });
    expect(done.data.session).toMatchObject({ id, state: "COMMITTED", rowsWritten: 6 });
    expect(await count()).toBe(6);
    expect(await auditCount()).toBe(audits + 6);

    // A later batch with an invalid row (active without members): the session cannot commit, the earlier batch is not kept.
    const failing = await start();
    expect((await batch(failing, rows(20))).data.importOrganizations.written).toBe(true);
    const refused = await batch(failing, rows(30, "ACTIVE"));
    expect(refused.data.importOrganizations.written).toBe(false);
    expect(refused.data.importOrganizations.rows[0]).toMatchObject({
      outcome: "INVALID",
      problems: [expect.objectContaining({ reason: "BELOW_MINIMUM_MEMBERS" })],
    });
    const commit = await graphql(gateway.url, session!.finish, { session: failing, commit: true });
    expect(commit.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", reason: "SESSION_HAS_INVALID_ROWS" });
    expect(await count()).toBe(6);
    expect(await auditCount()).toBe(audits + 6);

    // A finished session, or another caller's, is unknown; rolling back by choice keeps nothing either.
    const again = await batch(failing, rows(40));
    expect(again.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", field: "session" });
    const mine = await start();
    const other = { authorization: `Bearer ${await tokenFor({ ...TEST_ADMIN, subject: "another-admin" }, 600)}` };
    const stolen = await graphql(gateway.url, IMPORT_KINDS.organizations.mutation, { rows: rows(50), dryRun: false, skipInvalid: false, session: mine }, other);
    expect(stolen.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", field: "session" });
    expect((await batch(mine, rows(60))).data.importOrganizations.written).toBe(true);
    const rolledBack = await graphql(gateway.url, session!.finish, { session: mine, commit: false });
    expect(rolledBack.data.session).toMatchObject({ state: "ROLLED_BACK", rowsWritten: 3 });
    expect(await count()).toBe(6);
  });

  it("answers a session's batch before its rows are written; a write that fails then rolls the session back, and its next call says why", async () => {
    const { session } = IMPORT_KINDS.organizations;
    const rows = Array.from({ length: 3 }, (_, i) => ({
      rowNumber: i + 2,
      kind: "COOPERATIVE",
      name: `Hợp tác xã Ghi Sau ${i}`,
      registrationNumber: String(3005000000 + i),
      adminUnit: "444",
      sector: "AGRICULTURE",
      status: "SUSPENDED",
      establishedOn: "2019-05-01",
    }));
    const count = async () =>
      Number((await membership.service.dataSource.query("SELECT count(*) AS n FROM organization WHERE registration_number LIKE '300500%'"))[0].n);
    const audits = await auditCount();
    // Someone else registers the second row's number at the same moment, not yet committed: the batch's check cannot see it.
    const other = await membership.service.dataSource.createQueryRunner();
    await other.startTransaction();
    try {
      await other.query(
        "INSERT INTO organization (id, kind, name, registration_number, admin_unit_code, sector, status, established_on) VALUES (gen_random_uuid(), 'COOPERATIVE', 'Hợp tác xã Đăng Ký Cùng Lúc', '3005000001', '444', 'AGRICULTURE', 'SUSPENDED', '2019-05-01')",
      );
      const id = (await graphql(gateway.url, session!.start, {})).data.session.id as string;
      // Answered while its rows wait to be written behind the other registration.
      const answered = await graphql(gateway.url, IMPORT_KINDS.organizations.mutation, { rows, dryRun: false, skipInvalid: false, session: id });
      expect(answered.data.importOrganizations).toMatchObject({ written: true, counts: { created: 3 }, rows: [] });
      await other.commitTransaction();
      const commit = await graphql(gateway.url, session!.finish, { session: id, commit: true });
      expect(commit.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", reason: "CONSTRAINT_VIOLATED" });
      expect(commit.data?.session ?? null).toBeNull();
      // Told once: the session is gone, none of its rows or audit records kept.
      const again = await graphql(gateway.url, session!.finish, { session: id, commit: true });
      expect(again.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", field: "session" });
      expect(await count()).toBe(1);
      expect(await auditCount()).toBe(audits);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });

  it("refuses a batch larger than a call takes, and callers who may not write", async () => {
    const res = await graphql(gateway.url, IMPORT_KINDS.organizations.mutation, {
      rows: Array.from({ length: 5001 }, () => ({ kind: "COOPERATIVE", name: "X", adminUnit: "444", sector: "AGRICULTURE", establishedOn: "2019-05-01" })),
      dryRun: true,
      skipInvalid: false,
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "rows", reason: "TOO_MANY_ROWS" });
    const anonymous = await graphql(gateway.url, IMPORT_KINDS.organizations.mutation, { rows: [], dryRun: true, skipInvalid: false }, { authorization: "" });
    expect(anonymous.errors?.[0].extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/u);
  });

  it("exports the imported organisations back, page by page, cell for cell what the template held, and the export imports as unchanged", async () => {
    const template = await filledTemplate("roundtrip", FILLED);
    await runImport({ file: template, kind: "organizations", gatewayUrl: gateway.url, token });
    const query = /* GraphQL */ `
      query ($search: String) {
        organizations(first: 2, orderBy: NAME_ASC, filter: { search: $search }) {
          nodes {
            name
            kind
            registrationNumber
            adminUnit {
              name
            }
            sector
            status
            establishedOn
            address
            representative
          }
        }
      }
    `;
    const out = join(dir, "export.xlsx");
    const exported = await runExport({ query, variables: { search: "sen vang" }, out, gatewayUrl: gateway.url, token });
    expect(exported).toMatchObject({ rows: 3, pages: 2 });
    expect(exported.columns.map((c) => c.header)).toEqual(organizationsKind.columns.map((c) => c.label));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell("G2").value).toEqual(new Date(Date.UTC(2020, 2, 15))); // a date, not text
    expect(sheet.getCell("G2").numFmt).toBe("dd/mm/yyyy");
    const read = async (path: string) => {
      const rows: TableRow[] = [];
      for await (const row of (await openTable(path, organizationsKind)).rows) rows.push(row);
      return rows.map((r) => r.values).sort((a, b) => String(a.name).localeCompare(String(b.name)));
    };
    const original = await read(template);
    const back: Record<string, unknown>[] = (await read(out)).map((values) => ({ ...values, adminUnit: String(values.adminUnit) }));
    // Cell for cell, as the importer reads them: units come back by name, codes by their digits.
    expect(back).toEqual(
      original.map((values) => ({
        ...values,
        adminUnit: { "Huyện Hương Sơn": "Huyện Hương Sơn", "436": "Thành phố Hà Tĩnh", "Cẩm Xuyên": "Huyện Cẩm Xuyên" }[String(values.adminUnit)],
      })),
    );
    expect(back.map((v) => v.kind)).toEqual(["COOPERATIVE", "COOPERATIVE_UNION", "COOPERATIVE_GROUP"]);

    const again = await runImport({ file: out, kind: "organizations", gatewayUrl: gateway.url, token });
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, UNCHANGED: 3, INVALID: 0 });
  });

  it("exports money as numbers in đồng and dates as dates from a nested connection, and a CSV Excel opens with no formula to run", async () => {
    const [org] = await membership.service.dataSource.query(
      "SELECT o.id FROM organization o JOIN member m ON m.organization_id = o.id WHERE m.capital_contributed > 0 GROUP BY o.id HAVING count(*) >= 3 LIMIT 1",
    );
    const query = `query($id: ID!) { organization(id: $id) { name members(first: 2) { nodes { fullName capitalContributed joinedOn } } } }`;
    const out = join(dir, "members.xlsx");
    const result = await runExport({ query, variables: { id: org.id }, out, gatewayUrl: gateway.url, token });
    const truth = (
      await graphql(
        gateway.url,
        `
          query ($id: ID!) {
            organization(id: $id) {
              members(first: 100) {
                totalCount
                nodes {
                  fullName
                  capitalContributed
                  joinedOn
                }
              }
            }
          }
        `,
        { id: org.id },
      )
    ).data.organization.members;
    expect(result.rows).toBe(truth.totalCount);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell("B2").value).toBe(Number(truth.nodes[0].capitalContributed));
    expect(sheet.getCell("B2").numFmt).toBe('#,##0 "đ"');
    expect(sheet.getCell("C2").value).toEqual(new Date(`${truth.nodes[0].joinedOn}T00:00:00Z`));

    const hostile = await graphql(
      gateway.url,
      `
        mutation ($input: RegisterOrganizationInput!) {
          registerOrganization(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          kind: "COOPERATIVE",
          name: '=HYPERLINK("http://x.example","Sen Vàng độc")',
          registrationNumber: "3009990099",
          adminUnitCode: "444",
          sector: "AGRICULTURE",
          establishedOn: "2019-01-01",
          status: "SUSPENDED",
        },
      },
    );
    expect(hostile.errors).toBeUndefined();
    const csv = join(dir, "export.csv");
    await runExport({
      query: `{ organizations(first: 50, orderBy: NAME_ASC, filter: { search: "sen vang" }) { nodes { name registrationNumber establishedOn } } }`,
      out: csv,
      gatewayUrl: gateway.url,
      token,
    });
    const bytes = await readFile(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("Tên tổ chức,Mã số HTX (mã số thuế),Ngày thành lập");
    expect(lines).toContain(`"'=HYPERLINK(""http://x.example"",""Sen Vàng độc"")",3009990099,01/01/2019`);
  });

  it("runs as the commands people type: npm run import and npm run export, through the gateway with a token", async () => {
    const run = (script: string, args: string[]) =>
      promisify(execFile)(process.execPath, [join(__dirname, "..", "..", "packages", "spreadsheet", "dist", "cli", script), ...args], {
        env: { ...process.env, KTTT_TOKEN: token, KTTT_GATEWAY_URL: gateway.url },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    const template = join(dir, "cli-template.xlsx");
    expect(await run("import.js", ["--template", "organizations", "--out", template])).toMatchObject({ code: 0, stdout: expect.stringContaining(template) });
    expect((await stat(template)).size).toBeGreaterThan(1000);

    const bad = join(dir, "cli-bad.csv");
    await writeFile(
      bad,
      "Tên HTX,Loại hình,Mã số thuế,Huyện,Lĩnh vực,Tình trạng,Ngày thành lập\nHTX Dòng Lỗi,HTX,3009990123,Đức Thọ,Nông nghiệp,Tạm ngừng hoạt động,30/02/2020\n",
    );
    const refused = await run("import.js", [bad]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/Dòng 2, cột G "Ngày thành lập" \(giá trị "30\/02\/2020"\): "30\/02\/2020" is not a date that exists/u);
    expect(refused.stdout).toMatch(/Không ghi gì/u);
    expect(refused.stdout).toContain("cli-bad.loi.xlsx");

    const wrong = join(dir, "cli-wrong.xlsx");
    await writeFile(wrong, "not a workbook");
    expect(await run("import.js", [wrong])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^FILE_TYPE_MISMATCH: .*is named \.xlsx but is text/u) });

    const query = join(dir, "list.graphql");
    await writeFile(
      query,
      `{ organizations(first: 100, orderBy: NAME_ASC, filter: { adminUnitCode: "441" }) { nodes { name registrationNumber establishedOn } } }`,
    );
    const out = join(dir, "cli-export.xlsx");
    const exported = await run("export.js", ["--query", query, "--out", out]);
    const total = (
      await graphql(
        gateway.url,
        `
          {
            organizations(first: 1, filter: { adminUnitCode: "441" }) {
              totalCount
            }
          }
        `,
      )
    ).data.organizations.totalCount;
    expect(total).toBeGreaterThan(100); // more than one page
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringContaining(`${total} dòng, 3 cột`) });
  }, 180_000); // five command runs, each a fresh Node process that loads the engine
});
