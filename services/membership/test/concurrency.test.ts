/** Concurrent writers of one record: optimistic concurrency lets exactly one win per version. */
import { startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      version
      representative
    }
  }
`;

describe("concurrent updates", () => {
  it("lets exactly one of N writers of the same version win; the others get CONFLICT, nothing is lost", async () => {
    const list = await m.query(`{ cooperatives(first: 1, filter: { status: ACTIVE }) { nodes { id version } } }`);
    const { id, version } = list.data.cooperatives.nodes[0];
    const writers = Array.from({ length: 12 }, (_, i) => `Người đại diện ${i + 1}`);
    const results = await Promise.all(writers.map((representative) => m.query(UPDATE, { input: { id, version, representative } })));
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(writers.length - 1);
    for (const loser of losers) expect(loser.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });
    const after = await m.query(`query($id: ID!) { organization(id: $id) { version representative } }`, { id });
    expect(after.data.organization).toEqual({ version: version + 1, representative: winners[0].data.updateOrganization.representative });
  });

  it("serialises concurrent member additions and keeps every one", async () => {
    const list = await m.query(
      `{ cooperatives(first: 1, filter: { status: ACTIVE, sector: TRANSPORT }) { nodes { id establishedOn members { totalCount } } } }`,
    );
    const coop = list.data.cooperatives.nodes[0];
    const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        m.query(ADD, {
          input: {
            organizationId: coop.id,
            kind: "INDIVIDUAL",
            membershipType: "OFFICIAL",
            fullName: `Thành viên mới ${i + 1}`,
            capitalContributed: "5000000",
            joinedOn: "2024-06-01",
          },
        }),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const after = await m.query(`query($id: ID!) { organization(id: $id) { members { totalCount } } }`, { id: coop.id });
    expect(after.data.organization.members.totalCount).toBe(coop.members.totalCount + 8);
  });
});
