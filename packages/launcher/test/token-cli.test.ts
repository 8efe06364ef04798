/**
 * `npm run token` in production, as an administrator runs it: it needs the token key (AUTH_JWT_SECRET)
 * and nothing else, signs a token the gateway accepts, and says in one sentence what is wrong otherwise.
 */
import { principalOf } from "@kttt/core";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const CLI = path.resolve(__dirname, "..", "dist", "token-cli.js");
const KEY = "k".repeat(40);

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
  it("signs with AUTH_JWT_SECRET alone, without GATEWAY_SECRET", async () => {
    const run = await token({ NODE_ENV: "production", AUTH_JWT_SECRET: KEY }, "--role", "DEPARTMENT", "--department", "SO_CT", "--name", "Sở Công Thương", "--days", "30");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Verified as the gateway verifies a caller's token.
    expect(await principalOf(`Bearer ${run.stdout.trim()}`, KEY)).toMatchObject({ role: "DEPARTMENT", department: "SO_CT", name: "Sở Công Thương" });
  });

  it("says in one sentence that the key is missing or too short", async () => {
    const missing = await token({ NODE_ENV: "production" }, "--role", "ALLIANCE_STAFF");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^AUTH_JWT_SECRET must be set in production, to a random secret of at least 32 characters/u);
    const short = await token({ NODE_ENV: "production", AUTH_JWT_SECRET: "ngắn" }, "--role", "ALLIANCE_STAFF");
    expect(short.stderr.trim()).toBe("AUTH_JWT_SECRET must be at least 32 characters (got 4).");
    expect(short.stdout).toBe("");
  });
});
