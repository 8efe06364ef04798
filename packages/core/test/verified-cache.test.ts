/**
 * Tokens and gateway proofs are verified once and then remembered (auth.ts), for speed: what is remembered
 * never outlives the token or proof, never crosses key sets or secrets, never holds a refusal, and a proof
 * the gateway reuses names one caller only (a commune never gets the Alliance's proof).
 */
import { gatewayProofFor, issueToken, loadSigningKeys, newSigningKey, principalOf, Role, signGatewayProof, verifyGatewayProof, type Principal } from "../src";

const staff: Principal = { subject: "staff-1", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "Cán bộ Liên minh" };
const department: Principal = { subject: "so-ct", role: Role.DEPARTMENT, department: "SO_CT", adminUnitCode: null, name: null };
const secret = "p".repeat(32);

async function refusal(promise: Promise<unknown>): Promise<{ message: string; code: unknown }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { message: string; extensions: Record<string, unknown> } | null;
  if (!error) throw new Error("expected a refusal");
  return { message: error.message, code: error.extensions.code };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("verified tokens", () => {
  it("accepts a token again from memory, but not past its expiry nor under another key set", async () => {
    const keys = await loadSigningKeys([await newSigningKey("ES256", "cache-1")]);
    const other = await loadSigningKeys([await newSigningKey("ES256", "cache-2")]);
    const bearer = `Bearer ${await issueToken(staff, keys, 2)}`;
    expect(await principalOf(bearer, { keys: keys.verifier })).toEqual(staff);
    expect(await principalOf(bearer, { keys: keys.verifier })).toEqual(staff);
    // Another service's keys never see what this one verified.
    expect(await refusal(principalOf(bearer, { keys: other.verifier }))).toEqual({ code: "UNAUTHENTICATED", message: "The token is not valid." });
    await sleep(2100);
    expect(await refusal(principalOf(bearer, { keys: keys.verifier }))).toEqual({ code: "UNAUTHENTICATED", message: "The token has expired: sign in again." });
  });

  it("keeps no refusal: a forged token stays refused, the real one is accepted", async () => {
    const keys = await loadSigningKeys([await newSigningKey("ES256", "cache-3")]);
    const token = await issueToken(staff, keys);
    const forged = `Bearer ${token.slice(0, -4)}AAAA`;
    expect(await refusal(principalOf(forged, { keys: keys.verifier }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusal(principalOf(forged, { keys: keys.verifier }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await principalOf(`Bearer ${token}`, { keys: keys.verifier })).toEqual(staff);
  });
});

describe("gateway proofs", () => {
  it("reuses one proof per caller, each naming its own caller; the request id comes from the header", async () => {
    const first = await gatewayProofFor(staff, secret);
    expect(await gatewayProofFor(staff, secret)).toBe(first);
    const theirs = await gatewayProofFor(department, secret);
    expect(theirs).not.toBe(first);
    expect(await gatewayProofFor({ ...staff, subject: "staff-2" }, secret)).not.toBe(first);
    expect(await verifyGatewayProof(first, secret, "req-1")).toEqual({ principal: staff, requestId: "req-1" });
    expect(await verifyGatewayProof(first, secret, "req-2")).toEqual({ principal: staff, requestId: "req-2" });
    expect(await verifyGatewayProof(theirs, secret, "req-3")).toEqual({ principal: department, requestId: "req-3" });
    // A proof that names its request keeps that id, whatever the header says.
    expect(await verifyGatewayProof(await signGatewayProof(staff, "req-signed", secret), secret, "req-header")).toEqual({
      principal: staff,
      requestId: "req-signed",
    });
  });

  it("refuses a remembered proof under another secret, and once it has expired", async () => {
    const proof = await signGatewayProof(staff, "req-4", secret, 2);
    expect((await verifyGatewayProof(proof, secret)).principal).toEqual(staff);
    expect(await refusal(verifyGatewayProof(proof, "q".repeat(32)))).toEqual({ code: "UNAUTHENTICATED", message: "The gateway's proof is not valid." });
    await sleep(2100);
    expect(await refusal(verifyGatewayProof(proof, secret))).toEqual({
      code: "UNAUTHENTICATED",
      message: "The gateway's proof has expired: send the request through the gateway again.",
    });
  });
});
