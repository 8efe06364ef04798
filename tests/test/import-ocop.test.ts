/**
 * Importing an OCOP list end to end: the engine reads the file, the command's code finds the
 * membership owners, the ocop subgraph checks (asking membership) and writes products and
 * certificates through the real gateway over HTTP, on real databases.
 */
import { loadGatewayConfig } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { ocopProductsKind, runImport, writeTemplate, runExport } from "@kttt/spreadsheet";
import { graphql, TEST_ADMIN, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import { ocop as ocopSubgraph } from "@kttt/ocop";
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filledTemplate as fillTemplate, readRows } from "./spreadsheets";

let membership: TestSubgraph;
let ocop: TestSubgraph;
let gateway: GatewayServer;
let dir: string;
let token: string;
let cooperative: { id: string; name: string; registration_number: string };
let dissolved: { name: string; registration_number: string };
let group: { id: string; name: string };

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  ocop = await startTestSubgraph(ocopSubgraph, { variant: "demo", lookupUrl: membership.url });
  gateway = await startGateway({
    ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url, OCOP_URL: ocop.url }),
    port: 0,
  });
  dir = await mkdtemp(join(tmpdir(), "kttt-import-ocop-"));
  token = await tokenFor(TEST_ADMIN, 3600);
  const q = (sql: string) => membership.service.dataSource.query(sql);
  [cooperative] = await q(
    "SELECT id, name, registration_number FROM organization WHERE kind = 'COOPERATIVE' AND status = 'ACTIVE' AND registration_number IS NOT NULL ORDER BY registration_number LIMIT 1",
  );
  [dissolved] = await q(
    "SELECT name, registration_number FROM organization WHERE kind = 'COOPERATIVE' AND status = 'DISSOLVED' AND registration_number IS NOT NULL ORDER BY registration_number LIMIT 1",
  );
  [group] = await q(
    "SELECT min(id::text) AS id, name FROM organization WHERE kind = 'COOPERATIVE_GROUP' AND status = 'ACTIVE' GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1",
  );
}, 120_000);
afterAll(async () => {
  await gateway?.close();
  await ocop?.stop();
  await membership?.stop();
  await rm(dir, { recursive: true, force: true });
});

const sql = (text: string, params: unknown[] = []) => ocop.service.dataSource.query(text, params);
const count = async (table: string) => Number((await sql(`SELECT count(*) AS n FROM ${table}`))[0].n);
const auditCount = async () => Number((await sql("SELECT count(*) AS n FROM audit_record WHERE operation = 'importOcopProducts'"))[0].n);

type Row = Partial<Record<(typeof ocopProductsKind.columns)[number]["key"], unknown>>;

/** The kind's template, filled in as a person would, by column. */
async function filledTemplate(name: string, rows: Row[]): Promise<string> {
  const template = join(dir, `template-${name}.xlsx`);
  await writeTemplate(ocopProductsKind, template);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet(ocopProductsKind.sheetName)!;
  rows.forEach((row, i) => (sheet.getRow(i + 2).values = ocopProductsKind.columns.map((c) => (row[c.key] ?? null) as ExcelJS.CellValue)));
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

const HONEY: Row = {
  name: "Mật ong rừng Sen Vàng",
  group: "Thực phẩm",
  subgroup: "Thực phẩm chế biến",
  adminUnit: "Huyện Hương Sơn",
  registeredOn: "10/01/2024",
  ownerType: "HTX",
  scoreA: 25,
  scoreB: 15,
  scoreC: 20,
  stars: "3 sao",
  decisionNumber: "1234/QĐ-UBND",
  decidedOn: new Date(Date.UTC(2024, 2, 1)),
};
const TEA: Row = {
  name: "Chè xanh Sen Vàng",
  group: "Thực phẩm",
  subgroup: "Chè và sản phẩm từ chè",
  adminUnit: "439",
  registeredOn: "15/02/2024",
  ownerType: "Doanh nghiệp",
  ownerName: "Công ty TNHH Chè Sen Vàng",
  ownerRegistrationNumber: "3009998801",
  ownerAddress: "Xã Sơn Kim 1",
};
const WINE: Row = {
  name: "Rượu nếp Sen Vàng",
  group: "Đồ uống",
  subgroup: "Đồ uống có cồn",
  adminUnit: "Đức Thọ",
  registeredOn: "01/03/2024",
  ownerType: "Hộ kinh doanh",
  ownerName: "Hộ kinh doanh Nguyễn Văn Sen",
  ownerRegistrationNumber: "30.0999.8802",
  scoreA: 30,
  scoreB: 20,
  scoreC: 25,
  stars: 4,
  decisionNumber: "2394/QĐ-UBND",
  decidedOn: "15/10/2024",
};
const SEEDS: Row = {
  name: "Lạc giống Sen Vàng",
  group: "Thực phẩm",
  subgroup: "Nông sản sơ chế",
  adminUnit: "436",
  registeredOn: "02/04/2024",
  ownerType: "THT",
};

describe("npm run import -- --kind ocopProducts", () => {
  it("imports a filled template (membership owners found by number or name), then changes nothing when the same file comes again", async () => {
    const rows = [
      { ...HONEY, ownerName: cooperative.name, ownerRegistrationNumber: cooperative.registration_number },
      TEA,
      WINE,
      { ...SEEDS, ownerName: group.name },
    ];
    const path = await filledTemplate("filled", rows);
    const before = {
      products: await count("ocop_product"),
      certificates: await count("ocop_certification"),
      owners: await count("ocop_owner"),
      audits: await auditCount(),
    };

    const first = await runImport({ file: path, kind: "ocopProducts", gatewayUrl: gateway.url, token });
    expect(first.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(first).toMatchObject({ written: true, counts: { CREATED: 4, INVALID: 0 }, errorCopy: null });
    expect(await count("ocop_product")).toBe(before.products + 4);
    expect(await count("ocop_certification")).toBe(before.certificates + 2);
    expect(await count("ocop_owner")).toBe(before.owners + 2);
    const [honey] = await sql(
      "SELECT p.owner_type, p.owner_organization_id, p.admin_unit_code, p.registered_on::text, c.stars, c.level, c.kind, c.score, c.decided_on::text, c.valid_until::text FROM ocop_product p JOIN ocop_certification c ON c.product_id = p.id WHERE p.name = $1",
      [HONEY.name],
    );
    expect(honey).toEqual({
      owner_type: "COOPERATIVE",
      owner_organization_id: cooperative.id,
      admin_unit_code: "439",
      registered_on: "2024-01-10",
      stars: 3,
      level: "DISTRICT",
      kind: "INITIAL",
      score: 60,
      decided_on: "2024-03-01",
      valid_until: "2027-02-28",
    });
    const [wine] = await sql(
      "SELECT o.type, o.registration_number, c.stars, c.level FROM ocop_product p JOIN ocop_owner o ON o.id = p.owner_id JOIN ocop_certification c ON c.product_id = p.id WHERE p.name = $1",
      [WINE.name],
    );
    expect(wine).toEqual({ type: "HOUSEHOLD_BUSINESS", registration_number: "3009998802", stars: 4, level: "PROVINCE" });
    expect((await sql("SELECT owner_organization_id FROM ocop_product WHERE name = $1", [SEEDS.name]))[0].owner_organization_id).toBe(group.id);
    // One audit record per product and per certificate written.
    expect(await auditCount()).toBe(before.audits + 6);
    const through = await graphql(
      gateway.url,
      `
        {
          ocopProducts(filter: { search: "sen vang" }, first: 10) {
            nodes {
              name
              stars
              owner {
                __typename
              }
            }
          }
        }
      `,
    );
    expect(through.data.ocopProducts.nodes.map((n: any) => `${n.name} ${n.stars ?? "-"} ${n.owner.__typename}`).sort()).toEqual([
      `Chè xanh Sen Vàng - OcopLocalOwner`,
      `Lạc giống Sen Vàng - CooperativeGroup`,
      `Mật ong rừng Sen Vàng 3 Cooperative`,
      `Rượu nếp Sen Vàng 4 OcopLocalOwner`,
    ]);

    const again = await runImport({ file: path, kind: "ocopProducts", gatewayUrl: gateway.url, token });
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, UNCHANGED: 4, INVALID: 0 });
    expect(await count("ocop_product")).toBe(before.products + 4);
    expect(await auditCount()).toBe(before.audits + 6);

    // The next list: the tea was rated, the honey re-assessed with more points (an upgrade).
    const next = await filledTemplate("next", [
      { ...rows[0], scoreA: 32, scoreB: 20, scoreC: 25, stars: "4 sao", decisionNumber: "88/QĐ-UBND", decidedOn: "20/06/2024" },
      { ...TEA, scoreA: 35, scoreB: 22, scoreC: 33, stars: 5, decisionNumber: "99/QĐ-TTg", decidedOn: "01/07/2024" },
    ]);
    const third = await runImport({ file: next, kind: "ocopProducts", gatewayUrl: gateway.url, token });
    expect(third.counts).toMatchObject({ UPDATED: 2, INVALID: 0 });
    const history = await sql(
      "SELECT c.sequence, c.kind, c.stars, c.level FROM ocop_certification c JOIN ocop_product p ON p.id = c.product_id WHERE p.name = $1 ORDER BY c.sequence",
      [HONEY.name],
    );
    expect(history).toEqual([
      { sequence: 1, kind: "INITIAL", stars: 3, level: "DISTRICT" },
      { sequence: 2, kind: "UPGRADE", stars: 4, level: "PROVINCE" },
    ]);
    expect((await sql("SELECT version FROM ocop_product WHERE name = $1", [HONEY.name]))[0].version).toBe(2);
  });

  it("lists every bad row with its Excel row number and column, writes nothing, and with skipInvalid writes the valid rows", async () => {
    const csv = [
      "DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN NĂM 2024",
      "(Kèm theo Quyết định số 2394/QĐ-UBND)",
      "",
      "STT;Tên sản phẩm;Nhóm;Phân nhóm;Huyện;Ngày đăng ký;Loại chủ thể;Chủ thể;Mã số thuế;Phần A;Phần B;Phần C;Hạng sao;Số QĐ;Ngày công nhận",
      `1;Bưởi Phúc Trạch Hoa Sen;Thực phẩm;Nông sản tươi sống;Hương Khê;05/01/2024;Doanh nghiệp;Công ty Hoa Sen;3009998811;25;15;20;3 sao;301/QĐ-UBND;01/03/2024`,
      `2;Cam Sai Sao;Thực phẩm;Nông sản tươi sống;Hương Khê;05/01/2024;Doanh nghiệp;Công ty Hoa Sen;3009998811;25;15;20;4 sao;302/QĐ-UBND;01/03/2024`,
      `3;Nước mắm Không Chủ;Thực phẩm;Gia vị;Lộc Hà;05/01/2024;HTX;HTX Không Có;3009990999;;;;;;`,
      `4;Bưởi Phúc Trạch Hoa Sen;Thực phẩm;Nông sản tươi sống;Hương Khê;05/01/2024;Doanh nghiệp;Công ty Hoa Sen;3009998811;;;;;;`,
      `5;Kẹo Ngày Sai;Thực phẩm;Thực phẩm chế biến;Hương Khê;31/02/2024;Doanh nghiệp;Công ty Hoa Sen;3009998811;;;;;;`,
      `6;Mứt Đã Giải Thể;Thực phẩm;Thực phẩm chế biến;Hương Khê;05/01/2024;HTX;${dissolved.name};${dissolved.registration_number};;;;;;`,
      `7;Tinh dầu Điểm Âm;Dược liệu;Mỹ phẩm, tinh dầu từ dược liệu;Hương Khê;05/01/2024;Hộ kinh doanh;Hộ Trần Sen;3009998812;-5;15;20;3;303/QĐ-UBND;01/03/2024`,
      `8;Gạo Tương Lai;Thực phẩm;Nông sản sơ chế;Hương Khê;05/01/2024;Hộ kinh doanh;Hộ Trần Sen;3009998812;25;15;20;3;304/QĐ-UBND;01/03/2099`,
      `9;Nấm Hoa Sen;Thực phẩm;Nông sản sơ chế;Hương Khê;05/01/2024;Hộ kinh doanh;Hộ Trần Sen;3009998812;;;;;;`,
      ";Tổng cộng: 9 sản phẩm;;;;;;;;;;;;;",
    ].join("\r\n");
    const path = join(dir, "messy.csv");
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]));
    const before = { products: await count("ocop_product"), certificates: await count("ocop_certification"), owners: await count("ocop_owner") };

    const report = await runImport({ file: path, kind: "ocopProducts", gatewayUrl: gateway.url, token, errorCopy: join(dir, "messy.loi.xlsx") });
    expect(report.written).toBe(false);
    expect({ products: await count("ocop_product"), certificates: await count("ocop_certification"), owners: await count("ocop_owner") }).toEqual(before);
    const problems = Object.fromEntries(
      report.rows.filter((r) => r.problems.length).map((r) => [r.rowNumber, r.problems.map((p) => `${p.columnLetter} ${p.column}: ${p.reason}`).join(" / ")]),
    );
    expect(Object.keys(problems).map(Number)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(problems[6]).toMatch(/^M Hạng sao: A total score of 60 \(A 25 \+ B 15 \+ C 20\) earns 3★ \(50–69 points\), not 4★/u);
    expect(problems[7]).toMatch(/^I Mã số thuế: The membership registry has no hợp tác xã with registration number 3009990999/u);
    expect(problems[8]).toBe("B Tên sản phẩm: Bưởi Phúc Trạch Hoa Sen of Công ty Hoa Sen is also on row 5 of this file");
    expect(problems[9]).toMatch(/^F Ngày đăng ký: "31\/02\/2024" is not a date that exists/u);
    expect(problems[10]).toMatch(/^I Mã số thuế: .* is dissolved/u);
    expect(problems[11]).toMatch(/^J Phần A: -5 is below 0/u);
    expect(problems[12]).toMatch(/^O Ngày công nhận: The decision date \(2099-03-01\) cannot be in the future/u);
    expect(report.rows.find((r) => r.rowNumber === 13)).toMatchObject({ outcome: "SKIPPED", problems: [] });
    expect(report.errorCopy).toBe(join(dir, "messy.loi.xlsx"));
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(report.errorCopy!);
    const sheet = copy.worksheets[0];
    expect(sheet.getCell("P4").value).toBe("Lỗi");
    expect(sheet.getCell("P6").text).toMatch(/^M Hạng sao: /u);
    expect(sheet.getCell("P5").value).toBeNull();

    const skipping = await runImport({
      file: path,
      kind: "ocopProducts",
      gatewayUrl: gateway.url,
      token,
      skipInvalid: true,
      errorCopy: join(dir, "messy2.loi.xlsx"),
    });
    expect(skipping).toMatchObject({ written: true, counts: { CREATED: 2, INVALID: 7 } });
    expect(await count("ocop_product")).toBe(before.products + 2);
    expect(await count("ocop_certification")).toBe(before.certificates + 1);
    expect(await count("ocop_owner")).toBe(before.owners + 2);
    expect(
      (await sql("SELECT name FROM ocop_product WHERE name = ANY($1) ORDER BY name", [["Bưởi Phúc Trạch Hoa Sen", "Nấm Hoa Sen", "Cam Sai Sao"]])).map(
        (r: { name: string }) => r.name,
      ),
    ).toEqual(["Bưởi Phúc Trạch Hoa Sen", "Nấm Hoa Sen"]);
  });

  it("places products by their commune on the registration date (a 2024 commune with its district, a 2025 commune), and exports them back cell for cell", async () => {
    const rows: Row[] = [
      {
        name: "Mật ong Ngọc Lan",
        group: "Thực phẩm",
        subgroup: "Thực phẩm chế biến",
        adminUnit: "Huyện Hương Sơn",
        commune: "Xã Sơn Tây",
        registeredOn: "10/03/2024",
        ownerType: "Doanh nghiệp",
        ownerName: "Công ty TNHH Ngọc Lan",
        ownerRegistrationNumber: "3009997701",
        description: "Mật ong rừng nguyên chất",
      },
      {
        name: "Chè xanh Ngọc Lan",
        group: "Thực phẩm",
        subgroup: "Chè và sản phẩm từ chè",
        commune: "Xã Tứ Mỹ",
        registeredOn: "01/08/2025",
        ownerType: "Hộ kinh doanh",
        ownerName: "Hộ kinh doanh Lê Ngọc Lan",
        ownerRegistrationNumber: "3009997702",
      },
    ];
    const template = await fillTemplate(dir, ocopProductsKind, "communes", rows);
    // The template offers the communes to choose from: the 216 of the mid-2024 review with their district, then today's 69.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.getWorksheet(ocopProductsKind.sheetName)!;
    const communeColumn = ocopProductsKind.columns.findIndex((c) => c.key === "commune") + 1;
    expect(sheet.getRow(1).getCell(communeColumn).value).toBe("Xã, phường");
    const formula = String(sheet.getRow(40).getCell(communeColumn).dataValidation.formulae?.[0]);
    const [, listSheet, letter, last] = /^'(.+)'!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/u.exec(formula)!;
    const communes = workbook
      .getWorksheet(listSheet)!
      .getColumn(letter)
      .values.slice(2, Number(last) + 1);
    expect(communes).toHaveLength(216 + 69);
    expect(communes).toEqual(expect.arrayContaining(["Xã Sơn Tây, Huyện Hương Sơn", "Thị trấn Cẩm Xuyên, Huyện Cẩm Xuyên", "Xã Tứ Mỹ", "Phường Thành Sen"]));
    const first = await runImport({ file: template, kind: "ocopProducts", gatewayUrl: gateway.url, token });
    expect(first.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(first).toMatchObject({ written: true, counts: { CREATED: 2 } });
    const placed = await sql(
      "SELECT p.name, p.admin_unit_code, p.commune_id, p.commune_since::text, o.admin_unit_code AS owner_unit, o.commune_id AS owner_commune FROM ocop_product p JOIN ocop_owner o ON o.id = p.owner_id WHERE p.name = ANY($1) ORDER BY p.name",
      [rows.map((r) => r.name)],
    );
    // Before 1/7/2025 the district is the unit of registration and the commune is kept with the date; after, the commune is both.
    expect(placed).toEqual([
      {
        name: "Chè xanh Ngọc Lan",
        admin_unit_code: "18202",
        commune_id: "18202@2025-07-01",
        commune_since: "2025-08-01",
        owner_unit: "18202",
        owner_commune: "18202@2025-07-01",
      },
      { name: "Mật ong Ngọc Lan", admin_unit_code: "439", commune_id: "18172", commune_since: "2024-03-10", owner_unit: "439", owner_commune: "18172" },
    ]);

    // Aliases give the export the import's headers (underscores for spaces; case and diacritics do not matter). The
    // commune as recorded (ocop serves `commune` by code), and its district on the last day districts existed.
    const query = /* GraphQL */ `
      query ($search: String) {
        ocopProducts(first: 1, filter: { search: $search }) {
          nodes {
            Ten_san_pham: name
            Nhom_san_pham: group
            Phan_nhom: subgroup
            Don_vi_hanh_chinh: districtOn(asOf: "2025-06-30") {
              name
            }
            Xa_phuong: communeName
            Ngay_dang_ky: registeredOn
            Loai_chu_the: ownerType
            Chu_the: owner {
              ... on OcopLocalOwner {
                name
              }
            }
            Ma_so_thue_chu_the: owner {
              ... on OcopLocalOwner {
                registrationNumber
              }
            }
            Mo_ta: description
          }
        }
      }
    `;
    const out = join(dir, "ocop-export.xlsx");
    expect(await runExport({ query, variables: { search: "ngoc lan" }, out, gatewayUrl: gateway.url, token })).toMatchObject({ rows: 2, pages: 2 });
    expect(await readRows(out, ocopProductsKind, "name")).toEqual(await readRows(template, ocopProductsKind, "name"));
    const again = await runImport({ file: out, kind: "ocopProducts", gatewayUrl: gateway.url, token });
    expect(again.counts).toMatchObject({ CREATED: 0, UPDATED: 0, UNCHANGED: 2, INVALID: 0 });
  });

  it("refuses a place that is not in force on the row's date, naming the unit, the date and what replaced it", async () => {
    const csv = [
      "STT;Tên sản phẩm;Nhóm;Phân nhóm;Huyện;Xã;Ngày đăng ký;Loại chủ thể;Chủ thể;Mã số thuế",
      "1;Bánh đa Ngọc Mai;Thực phẩm;Thực phẩm chế biến;Cẩm Xuyên;Cẩm Xuyên;05/01/2024;Doanh nghiệp;Công ty Ngọc Mai;3009997711",
      "2;Kẹo cu đơ Ngọc Mai;Thực phẩm;Thực phẩm chế biến;Huyện Hương Sơn;Xã Sơn Tây;05/01/2026;Doanh nghiệp;Công ty Ngọc Mai;3009997711",
      "3;Cam Ngọc Mai;Thực phẩm;Nông sản tươi sống;444;;05/01/2026;Doanh nghiệp;Công ty Ngọc Mai;3009997711",
      "4;Nước mắm Ngọc Mai;Thực phẩm;Gia vị;;Xã Không Có;05/01/2024;Doanh nghiệp;Công ty Ngọc Mai;3009997711",
      "5;Chè Ngọc Mai;Thực phẩm;Chè và sản phẩm từ chè;;Xã Tứ Mỹ;05/01/2024;Doanh nghiệp;Công ty Ngọc Mai;3009997711",
      "6;Gạo Ngọc Mai;Thực phẩm;Nông sản sơ chế;;;05/01/2024;Doanh nghiệp;Công ty Ngọc Mai;3009997711",
    ].join("\n");
    const path = join(dir, "places.csv");
    await writeFile(path, csv);
    const report = await runImport({
      file: path,
      kind: "ocopProducts",
      gatewayUrl: gateway.url,
      token,
      skipInvalid: true,
      errorCopy: join(dir, "places.loi.xlsx"),
    });
    const problems = Object.fromEntries(
      report.rows.filter((r) => r.problems.length).map((r) => [r.rowNumber, r.problems.map((p) => `${p.columnLetter} ${p.column}: ${p.reason}`).join(" / ")]),
    );
    expect(Object.keys(problems).map(Number)).toEqual([3, 4, 5, 6, 7]);
    expect(problems[3]).toMatch(/^E Huyện: Huyện Hương Sơn \(439\) no longer existed on 2026-01-05: .*Xã Sơn Tây \(18172, part\)/u);
    expect(problems[4]).toMatch(/^E Huyện: Huyện Hương Khê \(444\) no longer existed on 2026-01-05: .*Xã Hương Khê \(18496, part\)/u);
    expect(problems[5]).toMatch(/^F Xã: No administrative unit of Hà Tĩnh is called "Xã Không Có".*\(the row's date: 05\/01\/2024\)$/u);
    expect(problems[6]).toMatch(/^F Xã: Xã Tứ Mỹ \(18202\) did not exist yet on 2024-01-05: it is in force from 2025-07-01/u);
    expect(problems[7]).toMatch(/^F Xã: The row names no place/u);
    expect(report).toMatchObject({ written: true, counts: { CREATED: 1, INVALID: 5 } });
    // A bare name that is a district's and its township's: the district column names the district, the commune column the township.
    expect(await sql("SELECT admin_unit_code, commune_id FROM ocop_product WHERE name = 'Bánh đa Ngọc Mai'")).toEqual([
      { admin_unit_code: "446", commune_id: "18673" },
    ]);
  });

  it("refuses a call of more rows than one transaction takes", async () => {
    const rows = Array.from({ length: 5001 }, () => ({
      name: "Mật ong",
      group: "FOOD",
      subgroup: "Gia vị",
      adminUnit: "444",
      registeredOn: "2024-01-02",
      ownerType: "ENTERPRISE",
      ownerName: "Cty X",
    }));
    const big = await graphql(
      gateway.url,
      `
        mutation ($rows: [OcopProductImportRow!]!) {
          importOcopProducts(rows: $rows, dryRun: true) {
            written
          }
        }
      `,
      { rows },
    );
    expect(big.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "rows" });
  });
});
