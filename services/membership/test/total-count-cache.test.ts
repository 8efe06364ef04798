/**
 * The `totalCount` of a list is counted once per data version and access scope (core's paginate with the caller's
 * scope): counting every match of a common search term over a large register costs more than its page. A write is
 * visible in the very next count, and a count made for one scope is never handed to another.
 */
import { ALLIANCE_STAFF, countedRead, readsPerScope } from "@kttt/testkit";
import { startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

/** The count statement of an organisation list (TypeORM's getCount). */
const COUNTS = /^SELECT COUNT\(1\) AS "cnt" FROM "organization"/u;
const SEARCH = `{ cooperatives(first: 5, filter: { search: "nong nghiep" }) { totalCount nodes { id } } }`;

it("counts a search once per access scope: a commune's first read counts again", async () => {
  expect(await readsPerScope(m, SEARCH, COUNTS)).toEqual(["computed", "cached", "computed", "cached"]);
});

it("keeps counts of different filters apart", async () => {
  const wide = await countedRead(m, `{ cooperatives(first: 1) { totalCount } }`, COUNTS, ALLIANCE_STAFF);
  const narrow = await countedRead(m, `{ cooperatives(first: 1, filter: { search: "nong nghiep" }) { totalCount } }`, COUNTS, ALLIANCE_STAFF);
  expect(narrow.data.cooperatives.totalCount).toBeLessThan(wide.data.cooperatives.totalCount);
  expect(narrow.data.cooperatives.totalCount).toBeGreaterThan(0);
});

it("shows a cooperative registered since in the next count", async () => {
  const before = await countedRead(m, SEARCH, COUNTS, ALLIANCE_STAFF);
  expect(await countedRead(m, SEARCH, COUNTS, ALLIANCE_STAFF)).toEqual({ data: before.data, computed: 0 });
  const registered = await m.query(`mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`, {
    input: {
      kind: "COOPERATIVE",
      name: "Hợp tác xã Nông nghiệp Đếm Lại",
      registrationNumber: "3099988001",
      adminUnitCode: "444",
      sector: "AGRICULTURE",
      establishedOn: "2024-01-15",
      members: Array.from({ length: 5 }, (_, i) => ({
        kind: "INDIVIDUAL",
        membershipType: "OFFICIAL",
        fullName: `Nguyễn Văn Đếm ${i + 1}`,
        capitalContributed: "10000000",
        joinedOn: "2024-01-15",
      })),
    },
  });
  expect(registered.errors).toBeUndefined();
  const after = await countedRead(m, SEARCH, COUNTS, ALLIANCE_STAFF);
  expect(after.data.cooperatives.totalCount).toBe(before.data.cooperatives.totalCount + 1);
  expect(after.computed).toBe(1);
});

it("does not count a list whose totalCount is not asked", async () => {
  expect((await countedRead(m, `{ cooperatives(first: 3) { nodes { id } } }`, COUNTS, ALLIANCE_STAFF)).computed).toBe(0);
});
