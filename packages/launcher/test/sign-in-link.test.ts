/**
 * The dashboard sign-in link `npm start` prints: a demo staff token signed with the run's secret,
 * valid 12 hours, and no link at all in production.
 */
import { principalOf, Role } from "@kttt/core";
import { dashboardSignInLink, demoStaffToken } from "@kttt/launcher";

const SECRET = "a-secret-of-this-run-that-is-long-enough-0123456789";
const DASHBOARD = "http://localhost:4000/dashboard/";

const tokenOf = (link: string | null) => /^http:\/\/localhost:4000\/dashboard\/#token=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/u.exec(link ?? "")?.[1];

describe("dashboard sign-in link", () => {
  it("carries a staff token signed with the run's AUTH_JWT_SECRET, valid 12 hours", async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = tokenOf(dashboardSignInLink(DASHBOARD, await demoStaffToken({ AUTH_JWT_SECRET: SECRET, NODE_ENV: "development" })));
    expect(token).toBeDefined();
    expect(await principalOf(`Bearer ${token}`, SECRET)).toEqual({ subject: "demo-staff", role: Role.ALLIANCE_STAFF, department: null, adminUnitCode: null, name: "Cán bộ Liên minh HTX (demo)" });
    await expect(principalOf(`Bearer ${token}`, `${SECRET}-other`)).rejects.toThrow(/not valid/u);
    const exp = JSON.parse(Buffer.from(token!.split(".")[1], "base64url").toString()).exp as number;
    expect(exp - before).toBeGreaterThanOrEqual(12 * 3600);
    expect(exp - before).toBeLessThanOrEqual(12 * 3600 + 5);
  });

  it("is not made in production, nor the token Sandbox would open with", async () => {
    const token = await demoStaffToken({ AUTH_JWT_SECRET: SECRET, NODE_ENV: "production" });
    expect(token).toBeNull();
    expect(dashboardSignInLink(DASHBOARD, token)).toBeNull();
  });
});
