/**
 * What the gateway does to answer fast, and what must never happen because of it: identical queries in
 * flight answered once (gateway/src/collapse.ts) but never a caller receiving an answer computed for a
 * wider caller, nor a read sent after a write returned missing that write; large answers compressed
 * (static-pages.ts `compress`).
 */
import { Role, type Principal } from "@kttt/core";
import { as, freePort, graphql } from "@kttt/testkit";
import http from "node:http";
import zlib from "node:zlib";
import { startTestGraph, type TestGraph } from "./graph";

/**
 * The ocop subgraph as the gateway reaches it: through a relay that can hold its answers back, so a
 * read is surely still in flight while a write is made (ocop is not the subgraph written to).
 */
let ocopUrl = "";
let holdOcopMs = 0;
const relay = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k, v]) => typeof v === "string" && !["host", "content-length", "connection"].includes(k)),
    ) as Record<string, string>;
    const answer = await fetch(ocopUrl, { method: req.method, headers, body: Buffer.concat(chunks) });
    const body = Buffer.from(await answer.arrayBuffer());
    await new Promise((r) => setTimeout(r, holdOcopMs));
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(body);
  });
});

let graph: TestGraph;
beforeAll(async () => {
  const port = await freePort();
  await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
  graph = await startTestGraph({ OCOP_URL: `http://127.0.0.1:${port}/graphql` });
  ocopUrl = graph.subgraphs.ocop.url;
}, 60_000);
afterAll(async () => {
  await graph?.stop();
  relay.close();
});

const STAFF: Principal = { subject: "test-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: null };
const OTHER_STAFF: Principal = { ...STAFF, subject: "test-staff-2" };
/** Xã Hương Xuân (18544), a commune of today's map with demo cooperatives. */
const COMMUNE_18544: Principal = { subject: "test-commune-18544", role: Role.COMMUNE, department: null, adminUnitCode: "18544", name: null };

/** Heavy enough (100 rows over four subgraphs) that the copies sent together overlap in flight. */
const PAGE_SELECTION = /* GraphQL */ `
    cooperatives(first: 100) {
      nodes {
        id name adminUnitCode representative communeOn { code }
        allianceMembership { joinedOn isMember }
        financialReport(year: 2024) { revenue }
        members(first: 3) { totalCount nodes { fullName } }
        ocopProducts(first: 3) { totalCount }
        supportReceived(first: 3) { totalCount }
      }
    }`;
const PAGE = `query Page { ${PAGE_SELECTION} }`;

async function collapsedSoFar(): Promise<number> {
  const text = await (await fetch(graph.gateway.url.replace(/\/graphql$/u, "/metrics"))).text();
  const line = text.split("\n").find((l) => l.startsWith("gateway_collapsed_queries_total"));
  return Number(line?.split(" ").pop() ?? NaN);
}

type Page = {
  cooperatives: {
    nodes: {
      adminUnitCode: string;
      communeOn: { code: string } | null;
      representative: string | null;
      allianceMembership: unknown;
      financialReport: { revenue: string } | null;
      members: { totalCount: number; nodes: { fullName: string | null }[] } | null;
    }[];
  };
};

describe("identical queries in flight", () => {
  it("are answered once for callers of the same access, each getting the whole answer", async () => {
    const before = await collapsedSoFar();
    const headers = await Promise.all([STAFF, OTHER_STAFF].map((p) => as(p)));
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => graphql<Page>(graph.gateway.url, PAGE, undefined, headers[i % 2])));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.cooperatives.nodes).toHaveLength(100);
      expect(answer).toEqual(answers[0]);
    }
    expect(await collapsedSoFar()).toBeGreaterThan(before);
  });

  it("never gives a commune an answer computed for the Alliance, sent at the same moment", async () => {
    const staff = await as(STAFF);
    const commune = await as(COMMUNE_18544);
    const callers = Array.from({ length: 8 }, (_, i) => (i % 2 ? "commune" : "staff"));
    const answers = await Promise.all(callers.map((c) => graphql<Page>(graph.gateway.url, PAGE, undefined, c === "commune" ? commune : staff)));
    answers.forEach((answer, i) => {
      const rows = answer.data!.cooperatives.nodes;
      // Rows that lie in another commune today (a row whose commune was split is left out: its address decides).
      const others = rows.filter((r) => r.communeOn !== null && r.communeOn.code !== "18544");
      expect(others.length).toBeGreaterThan(0);
      if (callers[i] === "staff") {
        expect(answer.errors).toBeUndefined();
        expect(others.every((r) => r.financialReport !== null && r.members !== null)).toBe(true);
        expect(others.some((r) => r.representative !== null)).toBe(true);
      } else {
        // Another commune's details are refused field by field, its people's names withheld.
        expect(answer.errors?.length).toBeGreaterThan(0);
        expect(answer.errors!.every((e) => e.extensions?.code === "FORBIDDEN")).toBe(true);
        expect(others.every((r) => r.financialReport === null && r.members === null && r.allianceMembership === null && r.representative === null)).toBe(true);
      }
    });
  });

  it("never answers a read sent after a write returned with an answer begun before it", async () => {
    const headers = await as(STAFF);
    const ids = (
      await graphql<{ cooperatives: { nodes: { id: string }[] } }>(
        graph.gateway.url,
        `
          {
            cooperatives(first: 2) {
              nodes {
                id
              }
            }
          }
        `,
        undefined,
        headers,
      )
    ).data!.cooperatives.nodes.map((n) => n.id);
    // 2026: the demo has no report of that year (its illustrative figures stop at 2025).
    const READ = `query Read($id: ID!) { organization(id: $id) { financialReport(year: 2026) { revenue } } ${PAGE_SELECTION} }`;
    holdOcopMs = 3000;
    try {
      for (const [attempt, id] of ids.entries()) {
        // A read starts (held back in ocop), then a write of the figures it asks for; a second read goes out the moment the write returns.
        let firstDone = 0;
        const first = graphql<{ organization: { financialReport: { revenue: string } | null } }>(graph.gateway.url, READ, { id }, headers).then(
          (r) => ((firstDone = Date.now()), r),
        );
        await new Promise((r) => setTimeout(r, 500));
        const written = await graphql(
          graph.gateway.url,
          `
            mutation ($input: RecordFinancialReportInput!) {
              recordFinancialReport(input: $input) {
                revenue
              }
            }
          `,
          {
            input: {
              organizationId: id,
              year: 2026,
              charterCapital: "2000000000",
              revenue: String(1_000_000_000 + attempt),
              profit: "100000000",
              regularWorkers: 5,
              averageMonthlyIncome: "4000000",
              managersTotal: 3,
              managersTrained: 1,
              itReadiness: "BASIC",
            },
          },
          headers,
        );
        expect(written.errors).toBeUndefined();
        const secondSent = Date.now();
        const second = await graphql<{ organization: { financialReport: { revenue: string } | null } }>(graph.gateway.url, READ, { id }, headers);
        const before = await first;
        // The case that matters: the first read (begun before the write) was still in flight when the second was sent.
        expect(firstDone).toBeGreaterThan(secondSent);
        expect(before.data!.organization.financialReport).toBeNull();
        expect(second.errors).toBeUndefined();
        expect(second.data!.organization.financialReport).toEqual({ revenue: String(1_000_000_000 + attempt) });
      }
    } finally {
      holdOcopMs = 0;
    }
  });
});

/** A POST with the headers given, the answer's headers and raw bytes as they came over the wire. */
function rawPost(url: string, body: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ headers: response.headers, bytes: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("compression", () => {
  it("gzips a large answer for a client that accepts it, the same answer as uncompressed, and leaves small ones alone", async () => {
    const auth = await as(STAFF);
    const page = JSON.stringify({ query: PAGE });
    const zipped = await rawPost(graph.gateway.url, page, { ...auth, "accept-encoding": "gzip" });
    const plain = await rawPost(graph.gateway.url, page, auth);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(JSON.parse(zlib.gunzipSync(zipped.bytes).toString("utf8"))).toEqual(JSON.parse(plain.bytes.toString("utf8")));
    const small = await rawPost(graph.gateway.url, JSON.stringify({ query: '{ adminUnits(asOf: "2024-07-15", level: DISTRICT) { code } }' }), {
      ...auth,
      "accept-encoding": "gzip",
    });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.bytes.toString("utf8")).data.adminUnits.length).toBeGreaterThan(0);
  });
});
