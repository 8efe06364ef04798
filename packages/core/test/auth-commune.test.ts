/**
 * The COMMUNE role in core's auth, on its own: a commune token is held to the units' check (refused when no
 * check is registered), the retired DISTRICT role is refused with its reason, and `OWN_COMMUNE` lets a
 * commune read a record whose `communeCodeToday` is its code and nothing else.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { AuthCheckerFn } from "type-graphql";
import { authChecker, DETAILS, issueToken, loadSigningKeys, newSigningKey, OWN_COMMUNE, principalOf, registerCommuneCheck, Role, type Principal } from "../src";

const commune = (unit: string | null): Principal => ({ subject: `xa.${unit}`, role: Role.COMMUNE, department: null, adminUnitCode: unit, name: null });

async function refusal(promise: Promise<unknown>): Promise<{ message: string; code: unknown; reason: unknown }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { message: string; extensions: Record<string, unknown> } | null;
  if (!error) throw new Error("expected a refusal");
  return { message: error.message, code: error.extensions.code, reason: error.extensions.reason };
}

describe("commune and district tokens", () => {
  it("refuses every commune token while no units are registered, then holds them to the registered check; refuses a district token with its reason", async () => {
    const keys = await loadSigningKeys([await newSigningKey("ES256", "t-1")]);
    const bearer = async (principal: Principal) => `Bearer ${await issueToken(principal, keys)}`;
    expect(await refusal(principalOf(await bearer(commune("18202")), { keys: keys.verifier }))).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "COMMUNE_UNIT_INVALID",
      message: expect.stringMatching(/cannot check commune codes/u),
    });

    registerCommuneCheck((code) => code === "18202");
    expect(await principalOf(await bearer(commune("18202")), { keys: keys.verifier })).toMatchObject({ role: "COMMUNE", adminUnitCode: "18202" });
    expect(await refusal(principalOf(await bearer(commune("18178")), { keys: keys.verifier }))).toMatchObject({
      reason: "COMMUNE_UNIT_INVALID",
      message: expect.stringMatching(/^18178 is not the code of a Hà Tĩnh commune in force today/u),
    });
    expect(await refusal(principalOf(await bearer(commune("444")), { keys: keys.verifier }))).toMatchObject({
      reason: "COMMUNE_UNIT_INVALID",
      message: expect.stringMatching(/5-digit code/u),
    });

    const district = { ...commune("444"), role: "DISTRICT" } as unknown as Principal;
    expect(await refusal(principalOf(await bearer(district), { keys: keys.verifier }))).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "DISTRICT_ROLE_RETIRED",
      message: expect.stringMatching(/district level ended on 1 July 2025/u),
    });
  });
});

describe("OWN_COMMUNE", () => {
  const info = { parentType: { name: "Cooperative" }, fieldName: "members" } as unknown as GraphQLResolveInfo;
  // core's checker is a function (type-graphql also takes a class).
  const checker = authChecker as AuthCheckerFn<{ principal: Principal }>;
  const check = (principal: Principal, root: unknown) => checker({ context: { principal }, root, info, args: {} }, DETAILS.MEMBERSHIP);

  it("is one of every field's details rules", () => {
    for (const rules of Object.values(DETAILS)) expect(rules).toContain(OWN_COMMUNE);
  });

  it("lets a commune read a record that lies in it today, and refuses it another's or one that says nowhere", () => {
    expect(check(commune("18202"), { communeCodeToday: "18202" })).toBe(true);
    expect(() => check(commune("18202"), { communeCodeToday: "18073" })).toThrow(/the commune where the record lies; your role \(COMMUNE 18202\)/u);
    expect(() => check(commune("18202"), { communeCodeToday: null })).toThrow(/may not read it/u);
    // A district code on the record (`adminUnitCode`) is not where it lies today.
    expect(() => check(commune("18202"), { adminUnitCode: "18202" })).toThrow(/may not read it/u);
    // Only a commune principal: a department with a unit code is judged by its department.
    expect(() => check({ ...commune("18202"), role: Role.DEPARTMENT, department: "SO_CT" }, { communeCodeToday: "18202" })).toThrow(/may not read it/u);
  });
});
