/**
 * "Today" is the date in Hà Tĩnh: before 07:00 there, UTC is still on the day before, and a date
 * a clerk types for today must not be refused as "in the future". The clock (Date only; timers stay
 * real) is set to 06:30 in Hà Tĩnh on 2024-07-15, which is 23:30 UTC on 2024-07-14.
 */
import { onlyError, startTestMembership, type TestMembership } from "./helpers";

let m: TestMembership;
beforeAll(async () => {
  m = await startTestMembership("demo");
});
afterAll(() => m?.stop());

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      id
      establishedOn
    }
  }
`;
const group = (date: string, registrationNumber: null = null) => ({
  kind: "COOPERATIVE_GROUP",
  name: `Tổ hợp tác Sáng sớm ${date}`,
  registrationNumber,
  adminUnitCode: "444",
  sector: "AGRICULTURE",
  establishedOn: date,
  members: [1, 2].map((i) => ({ kind: "INDIVIDUAL", membershipType: "OFFICIAL", fullName: `Trần Văn Sớm ${i}`, capitalContributed: "0", joinedOn: date })),
});

describe("dates on the morning of a day in Hà Tĩnh", () => {
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date("2024-07-14T23:30:00Z"),
      doNotFake: [
        "hrtime",
        "nextTick",
        "performance",
        "queueMicrotask",
        "setImmediate",
        "clearImmediate",
        "setInterval",
        "clearInterval",
        "setTimeout",
        "clearTimeout",
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  it("accepts today's date in Hà Tĩnh at 06:30 there", async () => {
    const res = await m.query(REGISTER, { input: group("2024-07-15") });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerOrganization.establishedOn).toBe("2024-07-15");
  });

  it("still refuses tomorrow's date there", async () => {
    const error = onlyError(await m.query(REGISTER, { input: group("2024-07-16") }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.establishedOn", reason: "DATE_IN_FUTURE" });
  });
});
