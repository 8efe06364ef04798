/**
 * The dashboard's sign-in link that `npm start` prints, `/dashboard/#token=<jwt>`, and the token Apollo
 * Sandbox opens with: a demo Alliance staff member's, signed with the run's signing key (AUTH_SIGNING_KEYS,
 * whose public half its gateway verifies with), valid 12 hours. Never in production, where people get their own tokens or keys.
 */
import { issueToken, loadSigningKeys, Role, signingKeysOf, type Principal } from "@kttt/core";

export const DEMO_STAFF: Principal = Object.freeze({
  subject: "demo-staff",
  role: Role.ALLIANCE_STAFF,
  department: null,
  adminUnitCode: null,
  name: "Cán bộ Liên minh HTX (demo)",
});

export const SIGN_IN_LINK_HOURS = 12;

/** A token of the demo staff member for this run, valid 12 hours; null in production. */
export async function demoStaffToken(env: NodeJS.ProcessEnv): Promise<string | null> {
  const nodeEnv = env.NODE_ENV || "development";
  if (nodeEnv === "production") return null;
  return issueToken(DEMO_STAFF, await loadSigningKeys(signingKeysOf(env, nodeEnv)), SIGN_IN_LINK_HOURS * 3600);
}

/** The link for the dashboard at `dashboardUrl` (ending in /dashboard/) with `token`, or null without one. */
export function dashboardSignInLink(dashboardUrl: string, token: string | null): string | null {
  return token ? `${dashboardUrl}#token=${token}` : null;
}
