import { onlyError, startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

/** Everything a failed mutation could have touched: row counts and version sums of every table. */
async function fingerprint(): Promise<unknown> {
  const [row] = await m.service.dataSource.query(`SELECT
    (SELECT count(*) FROM organization) AS orgs, (SELECT sum(version) FROM organization) AS org_versions,
    (SELECT count(*) FROM member) AS members, (SELECT sum(version) FROM member) AS member_versions,
    (SELECT count(*) FROM financial_report) AS reports, (SELECT sum(version) FROM financial_report) AS report_versions,
    (SELECT count(*) FROM classification) AS classes, (SELECT sum(version) FROM classification) AS class_versions,
    (SELECT count(*) FROM alliance_membership WHERE left_on IS NULL) AS alliance`);
  return row;
}

async function expectRefused(query: string, variables: Record<string, unknown>, code: string, field: string, message?: RegExp) {
  const before = await fingerprint();
  const res = await m.query(query, variables);
  const error = onlyError(res);
  expect(error.extensions).toMatchObject({ code, field });
  if (message) expect(error.message).toMatch(message);
  expect(await fingerprint()).toEqual(before);
  return error;
}

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      id
      __typename
      name
      version
      status
      adminUnit {
        code
      }
      members {
        totalCount
      }
    }
  }
`;

const members = (n: number, type = "OFFICIAL") =>
  Array.from({ length: n }, (_, i) => ({
    kind: "INDIVIDUAL",
    membershipType: type,
    fullName: `Nguyễn Văn Thành viên ${i + 1}`,
    capitalContributed: "10000000",
    joinedOn: "2024-01-15",
  }));

let counter = 0;
const registration = (overrides: Record<string, unknown> = {}) => ({
  kind: "COOPERATIVE",
  name: "Hợp tác xã Nông nghiệp Thử nghiệm",
  registrationNumber: `30990${String(++counter).padStart(5, "0")}`,
  adminUnitCode: "444",
  sector: "AGRICULTURE",
  establishedOn: "2024-01-15",
  members: members(5),
  ...overrides,
});

async function someCooperative(): Promise<{ id: string; version: number; name: string; registrationNumber: string }> {
  const res = await m.query(`{ cooperatives(first: 1, filter: { status: ACTIVE, search: "mộc" }) { nodes { id version name registrationNumber } } }`);
  return res.data.cooperatives.nodes[0];
}

describe("registerOrganization", () => {
  it("registers a cooperative with its founding members in one go, names stored in NFC", async () => {
    const decomposed = "Hợp tác xã Dịch vụ Nông nghiệp Phúc Trạch Mới".normalize("NFD");
    const res = await m.query(REGISTER, { input: registration({ name: `  ${decomposed}  ` }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerOrganization).toMatchObject({
      __typename: "Cooperative",
      name: "Hợp tác xã Dịch vụ Nông nghiệp Phúc Trạch Mới".normalize("NFC"),
      version: 1,
      status: "ACTIVE",
      adminUnit: { code: "444" },
      members: { totalCount: 5 },
    });
    const found = await m.query(`{ cooperatives(filter: { search: "phuc trach moi" }) { totalCount } }`);
    expect(found.data.cooperatives.totalCount).toBe(1);
  });

  it("registers a group without registration number", async () => {
    const res = await m.query(REGISTER, {
      input: registration({ kind: "COOPERATIVE_GROUP", name: "Tổ hợp tác Làm Bánh đa Thử nghiệm", registrationNumber: null, members: members(2) }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerOrganization.__typename).toBe("CooperativeGroup");
  });

  it("refuses an active cooperative with fewer than 5 official members", async () => {
    const input = registration({ members: [...members(4), ...members(3, "ASSOCIATE_WITHOUT_CAPITAL").map((x) => ({ ...x, capitalContributed: "0" }))] });
    const error = await expectRefused(REGISTER, { input }, "BAD_USER_INPUT", "input.members", /at least 5 official members/u);
    expect(error.extensions?.reason).toBe("BELOW_MINIMUM_MEMBERS");
  });

  it("accepts a suspended cooperative with fewer members", async () => {
    const res = await m.query(REGISTER, { input: registration({ status: "SUSPENDED", members: members(2) }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerOrganization.status).toBe("SUSPENDED");
  });

  it("refuses an unknown administrative unit", async () => {
    await expectRefused(
      REGISTER,
      { input: registration({ adminUnitCode: "999" }) },
      "BAD_USER_INPUT",
      "input.adminUnitCode",
      /no administrative unit with code 999/u,
    );
  });

  it("refuses a unit that did not exist on the establishment date", async () => {
    await expectRefused(
      REGISTER,
      { input: registration({ adminUnitCode: "448", establishedOn: "2025-02-01", members: members(5).map((x) => ({ ...x, joinedOn: "2025-02-01" })) }) },
      "BAD_USER_INPUT",
      "input.adminUnitCode",
      /no longer existed on 2025-02-01.*Huyện Thạch Hà \(445, part\) and Thành phố Hà Tĩnh \(436, part\)/u,
    );
  });

  it("refuses a duplicate registration number with CONFLICT", async () => {
    const existing = await someCooperative();
    const error = await expectRefused(
      REGISTER,
      { input: registration({ registrationNumber: existing.registrationNumber }) },
      "CONFLICT",
      "input.registrationNumber",
    );
    expect(error.message).toContain(existing.name);
  });

  it("refuses a union naming the same member cooperative twice as ALREADY_MEMBER, not as a taken registration number", async () => {
    const coop = await someCooperative();
    const member = {
      kind: "LEGAL_ENTITY",
      membershipType: "OFFICIAL",
      fullName: coop.name,
      memberOrganizationId: coop.id,
      capitalContributed: "0",
      joinedOn: "2024-01-15",
    };
    const input = registration({ kind: "COOPERATIVE_UNION", name: "Liên hiệp Hợp tác xã Thử nghiệm", status: "SUSPENDED", members: [member, member] });
    const error = await expectRefused(REGISTER, { input }, "CONFLICT", "input.members.1.memberOrganizationId", /already a member/u);
    expect(error.extensions?.reason).toBe("ALREADY_MEMBER");
  });

  it("refuses negative capital in a founding member", async () => {
    const input = registration({ members: [...members(4), { ...members(1)[0], capitalContributed: "-5" }] });
    await expectRefused(REGISTER, { input }, "BAD_USER_INPUT", "input.members.4.capitalContributed", /cannot be negative/u);
  });

  it("refuses a too-short name and a malformed registration number, naming the field", async () => {
    await expectRefused(REGISTER, { input: registration({ name: "HT" }) }, "BAD_USER_INPUT", "input.name");
    await expectRefused(REGISTER, { input: registration({ registrationNumber: "12AB" }) }, "BAD_USER_INPUT", "input.registrationNumber");
  });

  it("refuses a money amount that is not a whole number", async () => {
    const res = await m.query(REGISTER, { input: registration({ members: [...members(4), { ...members(1)[0], capitalContributed: 10.5 }] }) });
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/whole number of đồng/u);
  });
});

describe("updateOrganization", () => {
  const UPDATE = /* GraphQL */ `
    mutation ($input: UpdateOrganizationInput!) {
      updateOrganization(input: $input) {
        id
        name
        version
        representative
      }
    }
  `;

  it("updates with the current version and bumps it; a stale version gets CONFLICT", async () => {
    const coop = await someCooperative();
    const ok = await m.query(UPDATE, { input: { id: coop.id, version: coop.version, representative: "Trần Thị Hoa" } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateOrganization).toMatchObject({ representative: "Trần Thị Hoa", version: coop.version + 1 });
    const error = await expectRefused(UPDATE, { input: { id: coop.id, version: coop.version, representative: "Lê Văn Nam" } }, "CONFLICT", "input.version");
    expect(error.extensions?.details).toEqual({ expectedVersion: coop.version, currentVersion: coop.version + 1 });
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    await expectRefused(UPDATE, { input: { id: "00000000-0000-5000-8000-000000000000", version: 1, name: "Không tồn tại" } }, "NOT_FOUND", "input.id");
  });
});

describe("recordFinancialReport", () => {
  const RECORD = /* GraphQL */ `
    mutation ($input: RecordFinancialReportInput!) {
      recordFinancialReport(input: $input) {
        year
        charterCapital
        revenue
        profit
        version
      }
    }
  `;
  const report = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
    organizationId,
    year: 2024,
    charterCapital: "3500000000",
    revenue: "9007199254740993",
    profit: "1200000000",
    regularWorkers: 12,
    averageMonthlyIncome: "5200000",
    managersTotal: 5,
    managersTrained: 2,
    itReadiness: "SOFTWARE",
    ...overrides,
  });

  it("refuses to overwrite a recorded year without its version, then corrects it with the version, exactly beyond 2^53", async () => {
    const coop = await someCooperative();
    await expectRefused(RECORD, { input: report(coop.id) }, "CONFLICT", "input.version");
    const current = await m.query(`query($id: ID!) { organization(id: $id) { financialReport(year: 2024) { version } } }`, { id: coop.id });
    const res = await m.query(RECORD, { input: report(coop.id, { version: current.data.organization.financialReport.version }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordFinancialReport).toMatchObject({ revenue: "9007199254740993", version: 2 });
  });

  it("refuses negative money, profit above revenue and more trained managers than managers", async () => {
    const coop = await someCooperative();
    await expectRefused(RECORD, { input: report(coop.id, { year: 2021, charterCapital: "-1" }) }, "BAD_USER_INPUT", "input.charterCapital");
    await expectRefused(
      RECORD,
      { input: report(coop.id, { year: 2021, revenue: "100", profit: "101" }) },
      "BAD_USER_INPUT",
      "input.profit",
      /cannot be larger than revenue/u,
    );
    await expectRefused(RECORD, { input: report(coop.id, { year: 2021, managersTrained: 6 }) }, "BAD_USER_INPUT", "input.managersTrained");
    await expectRefused(RECORD, { input: report(coop.id, { year: 2021, regularWorkers: -3 }) }, "BAD_USER_INPUT", "input.regularWorkers");
  });

  it("accepts a loss", async () => {
    const coop = await someCooperative();
    const res = await m.query(RECORD, { input: report(coop.id, { year: 2021, revenue: "500000000", profit: "-75000000" }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordFinancialReport.profit).toBe("-75000000");
  });
});

describe("recordClassification", () => {
  const RECORD = /* GraphQL */ `
    mutation ($input: RecordClassificationInput!) {
      recordClassification(input: $input) {
        year
        score
        rating
        ratingLabel
        version
      }
    }
  `;

  it("refuses a rating that does not match the score band", async () => {
    const coop = await someCooperative();
    const error = await expectRefused(
      RECORD,
      { input: { organizationId: coop.id, year: 2022, assessedOn: "2023-03-01", score: 72, rating: "GOOD" } },
      "BAD_USER_INPUT",
      "input.rating",
    );
    expect(error.message).toBe("A score of 72 is rated Khá (65 to under 80 points), not Tốt.");
    expect(error.extensions?.reason).toBe("RATING_SCORE_MISMATCH");
  });

  it("records a rating inside its band, and NOT_RATED only with a reason and no score", async () => {
    const coop = await someCooperative();
    const ok = await m.query(RECORD, { input: { organizationId: coop.id, year: 2022, assessedOn: "2023-03-01", score: 80, rating: "GOOD" } });
    expect(ok.data.recordClassification).toMatchObject({ score: 80, rating: "GOOD", ratingLabel: "Tốt", version: 1 });
    await expectRefused(
      RECORD,
      { input: { organizationId: coop.id, year: 2021, assessedOn: "2022-03-01", rating: "NOT_RATED" } },
      "BAD_USER_INPUT",
      "input.notRatedReason",
    );
    await expectRefused(
      RECORD,
      { input: { organizationId: coop.id, year: 2021, assessedOn: "2022-03-01", score: 40, rating: "NOT_RATED", notRatedReason: "Mới thành lập" } },
      "BAD_USER_INPUT",
      "input.score",
    );
    await expectRefused(
      RECORD,
      { input: { organizationId: coop.id, year: 2021, assessedOn: "2022-03-01", score: 100.5, rating: "GOOD" } },
      "BAD_USER_INPUT",
      "input.score",
    );
  });
});

describe("members and dissolution", () => {
  const ADD = /* GraphQL */ `
    mutation ($input: AddMemberInput!) {
      addMember(input: $input) {
        id
        version
        leftOn
        membershipType
      }
    }
  `;
  const END = /* GraphQL */ `
    mutation ($input: EndMembershipInput!) {
      endMembership(input: $input) {
        id
        leftOn
        version
      }
    }
  `;
  const DISSOLVE = /* GraphQL */ `
    mutation ($input: DissolveOrganizationInput!) {
      dissolveOrganization(input: $input) {
        status
        dissolvedOn
        version
        allianceMembership {
          isMember
          leftOn
        }
      }
    }
  `;

  it("adds and ends memberships but never leaves an active cooperative below 5 official members", async () => {
    const created = await m.query(REGISTER, { input: registration() });
    const id = created.data.registerOrganization.id;
    const added = await m.query(ADD, {
      input: {
        organizationId: id,
        kind: "HOUSEHOLD",
        membershipType: "OFFICIAL",
        fullName: "Hộ ông Phan Văn Lâm",
        capitalContributed: "20000000",
        joinedOn: "2024-03-01",
      },
    });
    expect(added.errors).toBeUndefined();
    const ended = await m.query(END, { input: { memberId: added.data.addMember.id, version: 1, leftOn: "2024-05-01" } });
    expect(ended.data.endMembership).toMatchObject({ leftOn: "2024-05-01", version: 2 });
    const list = await m.query(`query($id: ID!) { organization(id: $id) { members { totalCount nodes { id version } } } }`, { id });
    expect(list.data.organization.members.totalCount).toBe(5);
    const someone = list.data.organization.members.nodes[0];
    await expectRefused(
      END,
      { input: { memberId: someone.id, version: someone.version, leftOn: "2024-05-01" } },
      "BAD_USER_INPUT",
      "input.memberId",
      /at least 5 official members/u,
    );
    await expectRefused(
      ADD,
      {
        input: {
          organizationId: id,
          kind: "INDIVIDUAL",
          membershipType: "ASSOCIATE_WITHOUT_CAPITAL",
          fullName: "Lê Thị Mai",
          capitalContributed: "1000",
          joinedOn: "2024-03-01",
        },
      },
      "BAD_USER_INPUT",
      "input.capitalContributed",
    );
    await expectRefused(
      ADD,
      { input: { organizationId: id, kind: "INDIVIDUAL", membershipType: "OFFICIAL", fullName: "Lê Thị Mai", joinedOn: "2023-03-01" } },
      "BAD_USER_INPUT",
      "input.joinedOn",
    );
  });

  it("dissolves once, ending the Alliance membership; a second try is a CONFLICT", async () => {
    const res = await m.query(`{ cooperatives(first: 1, filter: { allianceMember: true, status: ACTIVE }) { nodes { id version establishedOn } } }`);
    const coop = res.data.cooperatives.nodes[0];
    const done = await m.query(DISSOLVE, { input: { id: coop.id, version: coop.version, dissolvedOn: "2024-06-30" } });
    expect(done.errors).toBeUndefined();
    expect(done.data.dissolveOrganization).toMatchObject({
      status: "DISSOLVED",
      dissolvedOn: "2024-06-30",
      allianceMembership: { isMember: false, leftOn: "2024-06-30" },
    });
    await expectRefused(DISSOLVE, { input: { id: coop.id, version: coop.version + 1, dissolvedOn: "2024-06-30" } }, "CONFLICT", "input.id");
  });

  it("refuses an impossible calendar date", async () => {
    const coop = await someCooperative();
    const res = await m.query(DISSOLVE, { input: { id: coop.id, version: coop.version, dissolvedOn: "2024-02-30" } });
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/real calendar date/u);
  });
});
