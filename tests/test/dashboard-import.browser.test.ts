/**
 * The dashboard's import page in a real browser (Debian's Chromium through playwright-core), against
 * the real gateway and membership subgraph: an administrator chooses a file, sees the check (with the
 * bad rows as Excel numbers them), confirms, and the organisations are in the graph; staff get no
 * import. The gateway's /files endpoints are also asked directly (export download, refusals).
 */
import { loadGatewayConfig, Role, type Principal } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { TEST_ADMIN, tokenFor, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import ExcelJS from "exceljs";
import fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = fs.existsSync(CHROMIUM);
const describeIfBrowser = available ? describe : describe.skip;
const STAFF: Principal = { subject: "demo-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "Cán bộ" };

let membership: TestSubgraph;
let gateway: GatewayServer;
let browser: Browser;
let page: Page;
let adminToken: string;

const csv = (rows: string[]) => ({
  name: "danh-sach.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFFTên HTX;Loại hình;Mã số thuế;Huyện;Lĩnh vực;Tình trạng;Ngày thành lập\r\n${rows.join("\r\n")}\r\n`, "utf8"),
});

describeIfBrowser("the import page and the file endpoints", () => {
  beforeAll(async () => {
    membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
    gateway = await startGateway({ ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url }), port: 0 });
    adminToken = await tokenFor(TEST_ADMIN, 3600);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1200 }, locale: "vi-VN" });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await membership?.stop();
  });

  const dashboardUrl = () => gateway.url.replace(/\/graphql$/u, "/dashboard/");
  const organization = async (number: string) =>
    (await membership.service.dataSource.query("SELECT name, admin_unit_code FROM organization WHERE registration_number = $1", [number]))[0];

  it("lets an administrator check a file, see its bad rows, then import a good one", async () => {
    await page.goto(`${dashboardUrl()}#token=${adminToken}`);
    await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
    const input = page.getByLabel("Tệp danh sách");

    await input.setInputFiles(csv(["HTX Trình Duyệt Lỗi;HTX;3009990201;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;31/02/2020"]));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByRole("status", { name: "Kết quả" }).filter({ hasText: "1 lỗi" }).waitFor();
    const problems = page.getByRole("table", { name: "Các dòng lỗi" });
    await expect(problems.locator("tbody tr").first().innerText()).resolves.toMatch(
      /^2\s+G Ngày thành lập\s+31\/02\/2020\s+"31\/02\/2020" is not a date that exists/u,
    );
    expect(await page.getByRole("button", { name: "Ghi vào hệ thống" }).count()).toBe(0);
    expect(await organization("3009990201")).toBeUndefined();

    await input.setInputFiles(csv(["HTX Trình Duyệt Đúng;HTX;3009990202;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;28/02/2020"]));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByRole("status", { name: "Kết quả" }).filter({ hasText: "1 tạo mới, 0 cập nhật, 0 không đổi, 0 lỗi. Kiểm tra xong: chưa ghi gì." }).waitFor();
    expect(await organization("3009990202")).toBeUndefined();
    await page.getByRole("button", { name: "Ghi vào hệ thống" }).click();
    await page.getByRole("status", { name: "Kết quả" }).filter({ hasText: "Đã ghi vào hệ thống." }).waitFor();
    expect(await organization("3009990202")).toEqual({ name: "HTX Trình Duyệt Đúng", admin_unit_code: "440" });
  });

  it("imports the other kinds the page offers: a member register for a registered cooperative", async () => {
    const [coop] = await membership.service.dataSource.query(
      "SELECT id, registration_number FROM organization WHERE kind = 'COOPERATIVE' AND status = 'ACTIVE' AND established_on < '2020-01-01' ORDER BY registration_number LIMIT 1",
    );
    const members = async () =>
      (await membership.service.dataSource.query("SELECT full_name FROM member WHERE organization_id = $1 AND full_name LIKE '%Trình Duyệt%'", [coop.id])).map(
        (m: { full_name: string }) => m.full_name,
      );
    await page.goto("about:blank");
    await page.goto(`${dashboardUrl()}#token=${adminToken}`);
    await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
    await page.getByLabel("Loại danh sách").selectOption({ label: "Thành viên của tổ chức đã đăng ký" });
    await expect(page.locator("p.hint code").innerText()).resolves.toBe("npm run import -- --template members");
    const register = (name: string, joined: string) => ({
      name: "thanh-vien.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `\uFEFFMã số HTX;Họ và tên;Loại hình thành viên;Vốn góp (đồng);Ngày gia nhập\r\n${coop.registration_number};${name};Thành viên chính thức;1.000.000;${joined}\r\n`,
        "utf8",
      ),
    });
    await page.getByLabel("Tệp danh sách").setInputFiles(register("Thành Viên Trình Duyệt", "31/02/2024"));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByRole("status", { name: "Kết quả" }).filter({ hasText: "1 lỗi" }).waitFor();
    await expect(page.getByRole("table", { name: "Các dòng lỗi" }).locator("tbody tr").first().innerText()).resolves.toMatch(
      /^2\s+E Ngày gia nhập\s+31\/02\/2024/u,
    );

    await page.getByLabel("Tệp danh sách").setInputFiles(register("Thành Viên Trình Duyệt", "28/02/2024"));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByRole("status", { name: "Kết quả" }).filter({ hasText: "1 tạo mới, 0 cập nhật, 0 không đổi, 0 lỗi. Kiểm tra xong: chưa ghi gì." }).waitFor();
    expect(await members()).toEqual([]);
    await page.getByRole("button", { name: "Ghi vào hệ thống" }).click();
    await page.getByRole("status", { name: "Kết quả" }).filter({ hasText: "Đã ghi vào hệ thống." }).waitFor();
    expect(await members()).toEqual(["Thành Viên Trình Duyệt"]);
  });

  it("imports the kind of list chosen: an organisations file checked as an OCOP list lacks its columns", async () => {
    await page.goto("about:blank");
    await page.goto(`${dashboardUrl()}#token=${adminToken}`);
    await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
    await page.getByLabel("Loại danh sách").selectOption({ label: "Sản phẩm OCOP và giấy chứng nhận" });
    await expect(page.locator(".hint code").innerText()).resolves.toBe("npm run import -- --template ocopProducts");
    await page.getByLabel("Tệp danh sách").setInputFiles(csv(["HTX Sai Loại;HTX;3009990204;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;28/02/2020"]));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "No header row for OCOP products" }).innerText()).resolves.toMatch(/"Tên sản phẩm" \(required\)/u);
    expect(await organization("3009990204")).toBeUndefined();
  });

  it("gives staff no import", async () => {
    await page.goto("about:blank");
    await page.goto(`${dashboardUrl()}#token=${await tokenFor(STAFF, 3600)}`);
    await page.locator(".signed-in .who").waitFor();
    expect(await page.getByRole("link", { name: "Nhập dữ liệu" }).count()).toBe(0);
    await page.goto(`${dashboardUrl()}#/import`);
    await expect(page.getByRole("alert").filter({ hasText: "Chỉ quản trị viên" }).innerText()).resolves.toMatch(/Chỉ quản trị viên/u);
    // The page is for administrators; the endpoint lets the graph decide, as for any write: a commune may not.
    const refused = await fetch(gateway.url.replace(/\/graphql$/u, "/files/import/organizations?dryRun=false"), {
      method: "POST",
      headers: { authorization: `Bearer ${await tokenFor({ ...STAFF, role: Role.COMMUNE, adminUnitCode: "18304" }, 600)}`, "x-file-name": "a.csv" },
      body: csv(["HTX Nhân Viên;HTX;3009990203;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;28/02/2020"]).buffer,
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await organization("3009990203")).toBeUndefined();
  });

  it("downloads a list as .xlsx and refuses files it cannot read", async () => {
    const files = gateway.url.replace(/\/graphql$/u, "/files");
    const download = await fetch(`${files}/export`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: `{ adminUnits(asOf: "2024-07-15", level: DISTRICT) { code name validFrom } }`, name: "don-vi" }),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/don-vi\.xlsx/u);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(14); // header and the 13 district-level units of the mid-2024 review
    expect(sheet.getCell("C2").value).toBeInstanceOf(Date);

    const wrong = await fetch(`${files}/import/organizations?dryRun=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, "x-file-name": "a.xlsx" },
      body: "not a workbook",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: "FILE_TYPE_MISMATCH" } });
    const huge = await fetch(`${files}/import/organizations?dryRun=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, "x-file-name": "a.csv" },
      body: Buffer.alloc(21 * 1024 * 1024, "a"),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "FILE_TOO_LARGE" } });
    const anonymous = await fetch(`${files}/import/organizations?dryRun=true`, { method: "POST", headers: { "x-file-name": "a.csv" }, body: "x" });
    expect(anonymous.status).toBe(401);
  });
});
