/**
 * The dashboard sign-in link `npm start` prints: a demo staff token signed with the run's key,
 * valid 12 hours, and no link at all in production.
 */
import { loadSigningKeys, newSigningKey, principalOf, Role } from "@kttt/core";
import { dashboardSignInLink, demoStaffToken } from "@kttt/launcher";

const DASHBOARD = "http://localhost:4000/dashboard/";

const tokenOf = (link: string | null) => /^http:\/\/localhost:4000\/dashboard\/#token=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/u.exec(link ?? "")?.[1];

describe("dashboard sign-in link", () => {
  it("carries a staff token signed with the run's AUTH_SIGNING_KEYS, valid 12 hours", async () => {
    const before = Math.floor(Date.now() / 1000);
    const key = await newSigningKey("EdDSA", "this-run");
    const token = tokenOf(dashboardSignInLink(DASHBOARD, await demoStaffToken({ AUTH_SIGNING_KEYS: JSON.stringify([key]), NODE_ENV: "development" })));
    expect(token).toBeDefined();
    const keys = await loadSigningKeys([key]);
    expect(await principalOf(`Bearer ${token}`, { keys: keys.verifier })).toEqual({
      subject: "demo-staff",
      role: Role.ALLIANCE_STAFF,
      department: null,
      adminUnitCode: null,
      name: "Cán bộ Liên minh HTX (demo)",
    });
    const other = await loadSigningKeys([await newSigningKey("EdDSA", "this-run")]);
    await expect(principalOf(`Bearer ${token}`, { keys: other.verifier })).rejects.toThrow(/not valid/u);
    const exp = JSON.parse(Buffer.from(token!.split(".")[1], "base64url").toString()).exp as number;
    expect(exp - before).toBeGreaterThanOrEqual(12 * 3600);
    expect(exp - before).toBeLessThanOrEqual(12 * 3600 + 5);
  });

  it("is not made in production, nor the token Sandbox would open with", async () => {
    const token = await demoStaffToken({ AUTH_SIGNING_KEYS: JSON.stringify([await newSigningKey()]), NODE_ENV: "production" });
    expect(token).toBeNull();
    expect(dashboardSignInLink(DASHBOARD, token)).toBeNull();
  });
});
