/**
 * `npm run token` in production, as an administrator runs it: it needs the issuer's signing keys
 * (AUTH_SIGNING_KEYS) and nothing else, signs a token the gateway accepts (verified with the published
 * keys), says in one sentence what is wrong otherwise, and makes a new signing key on request.
 */
import { loadSigningKeys, newSigningKey, parseSigningKeys, principalOf } from "@kttt/core";
// The units register the commune check that principalOf holds a commune token to.
import "@kttt/reference";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const CLI = path.resolve(__dirname, "..", "dist", "token-cli.js");

async function token(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // Only what is given: no secret of the test run leaks in.
  const clean = { PATH: process.env.PATH ?? "", ...env };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: clean });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run token in production", () => {
  it("signs with AUTH_SIGNING_KEYS alone, without GATEWAY_SECRET, with the first key's kid", async () => {
    const keys = [await newSigningKey("ES256", "prod-2"), await newSigningKey("ES256", "prod-1")];
    const run = await token(
      { NODE_ENV: "production", AUTH_SIGNING_KEYS: JSON.stringify(keys) },
      "--role",
      "DEPARTMENT",
      "--department",
      "SO_CT",
      "--name",
      "Sở Công Thương",
      "--days",
      "30",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const jwt = run.stdout.trim();
    expect(JSON.parse(Buffer.from(jwt.split(".")[0], "base64url").toString())).toMatchObject({ alg: "ES256", kid: "prod-2" });
    // Verified as the gateway verifies a caller's token: with the public keys only.
    const verifier = (await loadSigningKeys(keys)).verifier;
    expect(await principalOf(`Bearer ${jwt}`, { keys: verifier })).toMatchObject({ role: "DEPARTMENT", department: "SO_CT", name: "Sở Công Thương" });
  });

  it("issues a commune token only for a commune in force today, and no district token", async () => {
    const keys = [await newSigningKey("ES256", "prod-3")];
    const env = { NODE_ENV: "production", AUTH_SIGNING_KEYS: JSON.stringify(keys) };
    const run = await token(env, "--role", "COMMUNE", "--unit", "18202", "--name", "UBND xã Tứ Mỹ");
    expect(run.stderr).toBe("");
    const principal = await principalOf(`Bearer ${run.stdout.trim()}`, { keys: (await loadSigningKeys(keys)).verifier });
    expect(principal).toMatchObject({ role: "COMMUNE", adminUnitCode: "18202", name: "UBND xã Tứ Mỹ" });
    const district = await token(env, "--role", "DISTRICT", "--unit", "444");
    expect({ code: district.code, stdout: district.stdout }).toEqual({ code: 1, stdout: "" });
    expect(district.stderr).toMatch(/DISTRICT is no longer issued.*district level ended on 1 July 2025/u);
    for (const unit of ["444", "18178"]) {
      const refused = await token(env, "--role", "COMMUNE", "--unit", unit);
      expect({ unit, code: refused.code }).toEqual({ unit, code: 1 });
      expect(refused.stderr).toMatch(/^--unit: /u);
    }
  });

  it("says in one sentence that the keys are missing or unusable", async () => {
    const missing = await token({ NODE_ENV: "production" }, "--role", "ALLIANCE_STAFF");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^AUTH_SIGNING_KEYS must be set in production/u);
    const broken = await token({ NODE_ENV: "production", AUTH_SIGNING_KEYS: "not json" }, "--role", "ALLIANCE_STAFF");
    expect(broken.stderr.trim()).toMatch(/^AUTH_SIGNING_KEYS must be a JSON array of private JWKs/u);
    expect(broken.stdout).toBe("");
  });

  it("makes a new private signing key that AUTH_SIGNING_KEYS takes", async () => {
    const run = await token({}, "--new-signing-key", "--alg", "EdDSA");
    expect(run.code).toBe(0);
    const [key] = parseSigningKeys(run.stdout.trim());
    expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig", kid: expect.stringMatching(/^kttt-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}$/u) });
    expect(key.d).toBeTruthy();
  });
});
