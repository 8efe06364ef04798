/**
 * The dashboard's sign-in link that `npm start` prints: `/dashboard/#token=<jwt>`, a token of a demo
 * Alliance staff member signed with the run's AUTH_JWT_SECRET (the one its gateway and subgraphs
 * verify with), valid 12 hours. Never in production, where people get their own tokens or keys.
 */
import { authSecrets, Role, signToken, type Principal } from "@kttt/core";

export const DEMO_STAFF: Principal = Object.freeze({
  subject: "demo-staff",
  role: Role.ALLIANCE_STAFF,
  department: null,
  adminUnitCode: null,
  name: "Cán bộ Liên minh HTX (demo)",
});

export const SIGN_IN_LINK_HOURS = 12;

/** The link for the dashboard at `dashboardUrl` (ending in /dashboard/), or null in production. */
export async function dashboardSignInLink(dashboardUrl: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const nodeEnv = env.NODE_ENV || "development";
  if (nodeEnv === "production") return null;
  const { authSecret } = authSecrets(env, nodeEnv);
  return `${dashboardUrl}#token=${await signToken(DEMO_STAFF, authSecret, SIGN_IN_LINK_HOURS * 3600)}`;
}
