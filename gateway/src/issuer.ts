/**
 * The token issuer, served by the gateway (and alone by `issuer-main.ts` when another router serves the
 * graph): `GET /.well-known/jwks.json`, the public keys every router and subgraph verify callers' tokens
 * with, and `POST /oauth/token`, where a machine client exchanges its API key for a short-lived bearer
 * token (OAuth 2.0 client credentials, RFC 6749 §4.4), so a router only ever sees bearer tokens.
 */
import { ErrorCode, isDomainError, issueToken, loadSigningKeys, openDatabase, type CallerTokenKeys, type GatewayConfig, type SigningKeySet } from "@kttt/core";
import express, { type RequestHandler, type Response } from "express";
import { apiKeyAdmin } from "./api-key-admin";
import { apiKeyMigrations, ApiKeyStore } from "./api-keys";

/** How long a token exchanged for an API key lives: a router caches nothing longer, a revoked key stops soon. */
export const API_KEY_TOKEN_TTL_SECONDS = 300;

/** RFC 6749 §5.2: `{ error, error_description }`, never cached. */
function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).set("cache-control", "no-store");
  if (error === "invalid_client") res.set("www-authenticate", 'Basic realm="kttt-graph"');
  res.json({ error, error_description: description });
}

/** The client's credentials, from HTTP Basic (RFC 6749 §2.3.1) or from the body. */
function credentials(req: express.Request): { clientId: string | null; clientSecret: string | null } {
  const basic = /^Basic\s+(\S+)$/iu.exec(req.headers.authorization ?? "");
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon >= 0)
      return { clientId: decodeURIComponent(decoded.slice(0, colon)) || null, clientSecret: decodeURIComponent(decoded.slice(colon + 1)) || null };
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  return {
    clientId: typeof body.client_id === "string" ? body.client_id : null,
    clientSecret: typeof body.client_secret === "string" ? body.client_secret : null,
  };
}

export function issuerRoutes(keys: SigningKeySet, apiKeys: ApiKeyStore | null): express.Router {
  const router = express.Router();
  router.get("/.well-known/jwks.json", (_req, res) => {
    // Verifiers refetch on an unknown kid, so a short cache is enough for rotation.
    res.set("cache-control", "public, max-age=300").json(keys.jwks);
  });
  router.post("/oauth/token", express.urlencoded({ extended: false, limit: "8kb" }), express.json({ limit: "8kb" }), async (req, res, next) => {
    const grantType = (req.body as Record<string, unknown> | undefined)?.grant_type;
    if (grantType !== "client_credentials")
      return oauthError(res, 400, grantType ? "unsupported_grant_type" : "invalid_request", "grant_type must be client_credentials.");
    const { clientId, clientSecret } = credentials(req);
    if (!clientSecret)
      return oauthError(res, 401, "invalid_client", "Send the API key as client_secret (in the body or with HTTP Basic); client_id is the key's id, optional.");
    if (!apiKeys)
      return oauthError(res, 503, "temporarily_unavailable", "This issuer has no database for API keys (set DATABASE_URL or GATEWAY_DATABASE_URL).");
    try {
      const principal = await apiKeys.verify(clientSecret);
      if (clientId && `apikey:${clientId}` !== principal.subject)
        return oauthError(res, 401, "invalid_client", "client_id does not name this API key (give its id, or leave client_id out).");
      const token = await issueToken(principal, keys, API_KEY_TOKEN_TTL_SECONDS);
      res.set("cache-control", "no-store").set("pragma", "no-cache").json({ access_token: token, token_type: "Bearer", expires_in: API_KEY_TOKEN_TTL_SECONDS });
    } catch (error) {
      if (isDomainError(error) && error.extensions.code === ErrorCode.UNAUTHENTICATED) return oauthError(res, 401, "invalid_client", error.message);
      next(error);
    }
  });
  return router;
}

export interface Issuer {
  signingKeys: SigningKeySet;
  /** How callers' tokens are checked here: the issuer's own keys, and former HS256 tokens while configured. */
  tokenKeys: CallerTokenKeys;
  /** API keys, in the gateway's own database; null without one. */
  apiKeys: ApiKeyStore | null;
  close(): Promise<void>;
}

export async function openIssuer(config: GatewayConfig): Promise<Issuer> {
  const database = config.databaseUrl
    ? await openDatabase({ url: config.databaseUrl, entities: [], migrations: apiKeyMigrations, poolSize: 3, applicationName: "kttt-gateway" })
    : null;
  const signingKeys = await loadSigningKeys(config.signingKeys);
  return {
    signingKeys,
    tokenKeys: { keys: signingKeys.verifier, legacySecret: config.legacyAuthSecret },
    apiKeys: database ? new ApiKeyStore(database.dataSource) : null,
    close: async () => void (await database?.dataSource.destroy()),
  };
}

/** The issuer's routes on an app: the JWKS, the token endpoint (rate-limited like GraphQL) and the API keys' administration. */
export function mountIssuer(app: express.Express, issuer: Issuer, limit: RequestHandler): void {
  app.use("/admin/api-keys", express.json({ limit: "16kb" }), apiKeyAdmin(issuer.apiKeys, issuer.tokenKeys));
  app.use("/oauth/token", limit);
  app.use(issuerRoutes(issuer.signingKeys, issuer.apiKeys));
}
