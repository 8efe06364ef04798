/**
 * The file doors of the gateway (/files/import, /files/export) take the API keys /graphql takes, with
 * the same role checks: the key's role decides what its import may write and its export may read.
 */
import { dropDatabase, loadGatewayConfig, Role, type Principal } from "@kttt/core";
import { startGateway, type GatewayServer } from "@kttt/gateway";
import { as, databaseUrl, runPrefix, type TestSubgraph, startTestSubgraph } from "@kttt/testkit";
import { membership as membershipSubgraph } from "@kttt/membership";
import ExcelJS from "exceljs";

let membership: TestSubgraph;
let gateway: GatewayServer;
const gatewayDb = () => databaseUrl(`${runPrefix()}gateway_files_${process.pid}`);
const admin: Principal = { subject: "quantri.minh", role: Role.ALLIANCE_ADMIN, department: null, adminUnitCode: null, name: "Quản trị" };
let base: string;

beforeAll(async () => {
  membership = await startTestSubgraph(membershipSubgraph, { variant: "demo" });
  gateway = await startGateway({
    ...loadGatewayConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MEMBERSHIP_URL: membership.url, GATEWAY_DATABASE_URL: gatewayDb() }),
    port: 0,
  });
  base = gateway.url.replace(/\/graphql$/u, "");
}, 120_000);
afterAll(async () => {
  await gateway?.close();
  await membership?.stop();
  await dropDatabase(gatewayDb());
});

async function newKey(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${base}/admin/api-keys`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await as(admin)) },
    body: JSON.stringify({ expiresOn: "2099-12-31", ...body }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

const CSV = [
  "Tên HTX;Loại hình;Mã số thuế;Huyện;Lĩnh vực;Tình trạng;Ngày thành lập",
  "HTX Khóa API Sen Hồng;HTX;3009997711;Đức Thọ;Nông nghiệp;Tạm ngừng hoạt động;12/4/2018",
].join("\r\n");
const organizations = async () => Number((await membership.service.dataSource.query("SELECT count(*) AS n FROM organization"))[0].n);

function postImport(headers: Record<string, string>, name = "danh-sach.csv", body: Buffer | string = CSV, query = "") {
  return fetch(`${base}/files/import/organizations${query}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name), ...headers },
    body,
  });
}

describe("/files with API keys", () => {
  it("imports with an administrator's key, as a bearer token would", async () => {
    const key = await newKey({ name: "Văn phòng Liên minh — nhập tệp", role: "ALLIANCE_ADMIN" });
    const before = await organizations();
    const check = await postImport({ "x-api-key": key }, "danh-sach.csv", CSV, "?dryRun=true");
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ written: false, dryRun: true, counts: { CREATED: 1, INVALID: 0 } });
    expect(await organizations()).toBe(before);
    const written = await postImport({ "x-api-key": key });
    expect(await written.json()).toMatchObject({ written: true, counts: { CREATED: 1 } });
    expect(await organizations()).toBe(before + 1);
    // The audit trail names the key as the one who wrote.
    const [audit] = await membership.service.dataSource.query(
      "SELECT actor_subject, actor_role FROM audit_record WHERE operation = 'importOrganizations' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toEqual({ actor_subject: expect.stringMatching(/^apikey:[0-9a-f-]{36}$/u), actor_role: "ALLIANCE_ADMIN" });
  });

  it("refuses what the key's role may not do, and keys that are not valid, with the /graphql answers", async () => {
    const department = await newKey({ name: "Sở Công Thương — báo cáo", role: "DEPARTMENT", department: "SO_CT" });
    const before = await organizations();
    const forbidden = await postImport({ "x-api-key": department }, "danh-sach-2.csv", CSV.replace("3009997711", "3009997722"));
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect(await organizations()).toBe(before);

    const bad = await postImport({ "x-api-key": "kttt_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "The API key is not valid." } });
    const both = await postImport({ "x-api-key": department, ...(await as(admin)) });
    expect(both.status).toBe(401);
    expect(((await both.json()) as { error: { message: string } }).error.message).toMatch(/either an API key or a bearer token/u);
  });

  it("exports with a key what its role may read", async () => {
    const key = await newKey({ name: "Sở Công Thương — xuất danh sách", role: "DEPARTMENT", department: "SO_CT" });
    const res = await fetch(`${base}/files/export`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": key },
      body: JSON.stringify({
        query: `{ cooperatives(first: 5, filter: { adminUnitCode: "444" }) { nodes { name registrationNumber } } }`,
        format: "xlsx",
        name: "htx",
      }),
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.actualRowCount).toBeGreaterThan(1);
  });

  it("refuses an .xls file with how to save it as .xlsx, writing nothing", async () => {
    const before = await organizations();
    const res = await postImport({ ...(await as(admin)) }, "cu.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("UNSUPPORTED_FORMAT");
    expect(body.error.message).toMatch(/Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx/u);
    expect(await organizations()).toBe(before);
  });
});
