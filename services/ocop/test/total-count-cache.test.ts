/**
 * The catalogue's `totalCount` is counted once per data version and access scope (core's paginate with the caller's
 * scope), as membership's lists are: a commune's first read counts again, and a product registered since is in the
 * next count.
 */
import { ALLIANCE_STAFF, countedRead, readsPerScope } from "@kttt/testkit";
import { startTestOcop, type TestOcop } from "./helpers";

let o: TestOcop;
beforeAll(async () => {
  o = await startTestOcop("demo");
});
afterAll(() => o?.stop());

/** The count statement of the product list (TypeORM's getCount). */
const COUNTS = /^SELECT COUNT\(1\) AS "cnt" FROM "ocop_product"/u;
const CATALOGUE = `{ ocopProducts(first: 5, filter: { asOf: "2024-07-15" }) { totalCount nodes { id } } }`;

it("counts the catalogue once per access scope", async () => {
  expect(await readsPerScope(o, CATALOGUE, COUNTS)).toEqual(["computed", "cached", "computed", "cached"]);
});

it("shows a product registered since in the next count", async () => {
  const before = await countedRead(o, CATALOGUE, COUNTS, ALLIANCE_STAFF);
  expect(await countedRead(o, CATALOGUE, COUNTS, ALLIANCE_STAFF)).toEqual({ data: before.data, computed: 0 });
  const owner = { newLocalOwner: { type: "HOUSEHOLD_BUSINESS", name: "Hộ kinh doanh Đếm Lại", registrationNumber: "8199990077", adminUnitCode: "439" } };
  const product = { name: "Mật ong đếm lại", group: "FOOD", subgroup: "Nông sản tươi sống", adminUnitCode: "439", registeredOn: "2024-01-10", owner };
  const registered = await o.query(`mutation($input: RegisterOcopProductInput!) { registerOcopProduct(input: $input) { id } }`, { input: product });
  expect(registered.errors).toBeUndefined();
  const after = await countedRead(o, CATALOGUE, COUNTS, ALLIANCE_STAFF);
  expect(after.data.ocopProducts.totalCount).toBe(before.data.ocopProducts.totalCount + 1);
  expect(after.computed).toBe(1);
});
