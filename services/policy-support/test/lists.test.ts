import { startTestPolicySupport, type TestPolicySupport } from "./helpers";

let s: TestPolicySupport;
beforeAll(async () => {
  s = await startTestPolicySupport("demo");
});
afterAll(() => s?.stop());

describe("legal documents", () => {
  it("finds documents without diacritics and follows the supersession chain both ways", async () => {
    const res = await s.query(
      `{ legalDocuments(filter: { search: "luat hop tac xa quoc hoi" }) { totalCount nodes { number supersedes { number } supersededBy { number } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.legalDocuments.nodes).toEqual([
      { number: "17/2023/QH15", supersedes: { number: "23/2012/QH13" }, supersededBy: null },
      { number: "23/2012/QH13", supersedes: null, supersededBy: { number: "17/2023/QH15" } },
    ]);
    const decrees = await s.query(`{ legalDocuments(filter: { search: "nd-cp" }) { nodes { number type typeLabel } } }`);
    expect(decrees.data.legalDocuments.nodes.map((d: any) => d.number)).toEqual(["113/2024/NĐ-CP", "77/2019/NĐ-CP", "92/2024/NĐ-CP"]);
    expect(decrees.data.legalDocuments.nodes.every((d: any) => d.type === "DECREE" && d.typeLabel === "Nghị định")).toBe(true);
  });

  it("filters by type and looks a document up by number", async () => {
    const res = await s.query(
      `{ legalDocuments(filter: { type: DECISION }) { nodes { number } } legalDocument(number: "148/QĐ-TTg") { issuedOn supersedes { number issuedOn } } }`,
    );
    expect(res.data.legalDocuments.nodes.map((d: any) => d.number).sort()).toEqual(["1048/QĐ-TTg", "148/QĐ-TTg", "340/QĐ-TTg"]);
    expect(res.data.legalDocument).toEqual({ issuedOn: "2023-02-24", supersedes: { number: "1048/QĐ-TTg", issuedOn: "2019-08-21" } });
  });

  it("pages through every document with keyset cursors, no row twice", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await s.query(
        `query($after: String) { legalDocuments(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { number } } }`,
        { after },
      );
      seen.push(...res.data.legalDocuments.nodes.map((n: any) => n.number));
      if (!res.data.legalDocuments.pageInfo.hasNextPage) break;
      after = res.data.legalDocuments.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
  });
});

describe("policies and programmes", () => {
  it("lists policies with their legal basis and eligible forms, filtered", async () => {
    const res = await s.query(
      `{ supportPolicies(filter: { eligibleFor: COOPERATIVE_GROUP, search: "dao tao" }) { nodes { code kind kindLabel eligibleOrganizationKinds legalBasis { number } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.supportPolicies.nodes).toHaveLength(1);
    expect(res.data.supportPolicies.nodes[0]).toMatchObject({ code: "CS-NNL", kind: "HUMAN_RESOURCES", kindLabel: "Đào tạo, bồi dưỡng nguồn nhân lực" });
    expect(res.data.supportPolicies.nodes[0].legalBasis.map((d: any) => d.number)).toContain("17/2023/QH15");
    const land = await s.query(`{ supportPolicies(filter: { kind: LAND }) { nodes { eligibleOrganizationKinds } } }`);
    expect(land.data.supportPolicies.nodes[0].eligibleOrganizationKinds).not.toContain("COOPERATIVE_GROUP");
  });

  it("filters programmes by kind, agency, year and unit", async () => {
    const query = `query($filter: SupportProgrammeFilter) { supportProgrammes(first: 100, filter: $filter) { totalCount nodes { code startsOn endsOn agency { code adminUnit { id } } policy { kind } } } }`;
    const trade = await s.query(query, { filter: { kind: "TRADE_PROMOTION_MARKET", agency: "SO-CT", year: 2024 } });
    expect(trade.data.supportProgrammes.nodes).toEqual([
      expect.objectContaining({ code: "CT-2024-SO-CT-CS-XTTM", agency: { code: "SO-CT", adminUnit: null } }),
    ]);
    const all2023 = await s.query(query, { filter: { year: 2023 } });
    expect(all2023.data.supportProgrammes.nodes.every((p: any) => p.startsOn <= "2023-12-31" && p.endsOn >= "2023-01-01")).toBe(true);
    const huongKhe = await s.query(query, { filter: { adminUnitCode: "444", year: 2024 } });
    const codes = huongKhe.data.supportProgrammes.nodes.map((p: any) => p.agency.code);
    expect(codes).toContain("UBND-444");
    expect(codes.filter((c: string) => c.startsWith("UBND-")).every((c: string) => c === "UBND-444")).toBe(true);
    expect(huongKhe.data.supportProgrammes.totalCount).toBeGreaterThan(1); // provincial programmes reaching Hương Khê too
    const locHa2025 = await s.query(query, { filter: { agency: "UBND-448", year: 2025 } });
    expect(locHa2025.data.supportProgrammes.totalCount).toBe(0);
  });

  it("shows a programme's budget by source, its results and its beneficiaries", async () => {
    const res = await s.query(`{ supportProgrammes(first: 1, filter: { agency: "LMHTX", kind: HUMAN_RESOURCES, year: 2024 }) { nodes {
      budget funding { source sourceLabel plannedAmount } results { planned disbursed implementationRate allocationCount }
      beneficiaries(first: 3) { totalCount nodes { plannedAmount disbursedAmount remainingAmount organization { __typename ... on Cooperative { id } } disbursements { amount disbursedOn } } }
    } } }`);
    expect(res.errors).toBeUndefined();
    const p = res.data.supportProgrammes.nodes[0];
    expect(p.funding.reduce((a: bigint, f: any) => a + BigInt(f.plannedAmount), 0n)).toBe(BigInt(p.budget));
    expect(BigInt(p.results.planned)).toBeLessThanOrEqual(BigInt(p.budget));
    expect(p.beneficiaries.totalCount).toBe(p.results.allocationCount);
    for (const b of p.beneficiaries.nodes) {
      expect(b.disbursements.reduce((a: bigint, d: any) => a + BigInt(d.amount), 0n)).toBe(BigInt(b.disbursedAmount));
      expect(BigInt(b.remainingAmount)).toBe(BigInt(b.plannedAmount) - BigInt(b.disbursedAmount));
    }
  });

  it("refuses a malformed filter with the field at fault", async () => {
    const res = await s.query(`{ supportProgrammes(filter: { adminUnitCode: "44" }) { totalCount } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.adminUnitCode" });
    const id = await s.query(`{ supportProgrammes(filter: { policyId: "nope" }) { totalCount } }`);
    expect(id.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.policyId", reason: "INVALID_ID" });
  });

  it("lists the agencies with stable codes, one committee per unit", async () => {
    const res = await s.query(`{ agencies(kind: DISTRICT_COMMITTEE) { code name adminUnit { id } responsibleKinds } }`);
    expect(res.data.agencies).toHaveLength(13);
    expect(res.data.agencies[0]).toMatchObject({ code: "UBND-436", name: "Ủy ban nhân dân Thành phố Hà Tĩnh", adminUnit: { id: "436" } });
  });
});
