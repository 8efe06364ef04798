/**
 * The issuer's keys. Callers' tokens are signed with a private key (ES256 or EdDSA) that only the issuer
 * (the gateway, the token CLI) holds, and verified with the public keys it publishes as a JWKS at
 * `/.well-known/jwks.json`: our gateway verifies with its own copy, a subgraph behind another router (and
 * that router) fetches the JWKS. Rotation: `AUTH_SIGNING_KEYS` lists several keys by `kid`; the first
 * signs, every one is published, so tokens signed with an older key stay valid until it is removed.
 */
import { randomBytes } from "node:crypto";
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTVerifyGetKey, type KeyLike } from "jose";

/** Asymmetric algorithms only: whoever can verify a token cannot sign one. */
export const SIGNING_ALGORITHMS = ["ES256", "EdDSA"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/**
 * Development and test only, published here on purpose: production refuses to start with it (by `kid`),
 * as it refuses the development secrets. `npm run token -- --new-signing-key` makes a real one.
 */
export const DEVELOPMENT_SIGNING_KEY: Readonly<JWK> = Object.freeze({
  kty: "EC",
  crv: "P-256",
  x: "P0MmTo5u-NZM9U3rdSU7gD2JHB2_maelquKje7ldG5w",
  y: "BycxvkOcxEk0ISC36zqZ0X1BzFPp6tt-FqGdOUbm1k8",
  d: "SSLLg2eXJuIUb6sCzQy_3jUBe5MkmKR5uDgtIHQoQRE",
  kid: "kttt-development-es256",
  alg: "ES256",
  use: "sig",
});

const CURVES: Record<SigningAlgorithm, { kty: string; crv: string }> = { ES256: { kty: "EC", crv: "P-256" }, EdDSA: { kty: "OKP", crv: "Ed25519" } };

/**
 * `AUTH_SIGNING_KEYS`: a JSON array of private JWKs (or one), each with its `kid` and `alg`; the first
 * signs. Also taken base64-encoded, where braces are awkward (docker-compose's `${VAR:-default}`).
 */
export function parseSigningKeys(text: string): JWK[] {
  let parsed: unknown;
  try {
    const json = /^\s*[[{]/u.test(text) ? text : Buffer.from(text, "base64").toString("utf8");
    parsed = JSON.parse(json);
  } catch {
    throw new Error("AUTH_SIGNING_KEYS must be a JSON array of private JWKs (npm run token -- --new-signing-key makes one).");
  }
  const keys = (Array.isArray(parsed) ? parsed : [parsed]) as JWK[];
  if (keys.length === 0) throw new Error("AUTH_SIGNING_KEYS lists no key: the first key signs tokens.");
  const kids = new Set<string>();
  keys.forEach((key, i) => {
    const where = `AUTH_SIGNING_KEYS[${i}]`;
    if (typeof key !== "object" || key === null) throw new Error(`${where} is not a JWK object.`);
    if (!key.kid || !/^[\w.-]{1,64}$/u.test(key.kid)) throw new Error(`${where} needs a kid (letters, digits, '.', '_' or '-'): verifiers pick the key by it.`);
    if (kids.has(key.kid)) throw new Error(`${where}: the kid ${key.kid} is used twice.`);
    kids.add(key.kid);
    const curve = CURVES[key.alg as SigningAlgorithm];
    if (!curve) throw new Error(`${where} (${key.kid}): alg must be ES256 or EdDSA, not ${key.alg ?? "missing"}.`);
    if (key.kty !== curve.kty || key.crv !== curve.crv) throw new Error(`${where} (${key.kid}): an ${key.alg} key is kty ${curve.kty}, crv ${curve.crv}.`);
    if (!key.d) throw new Error(`${where} (${key.kid}) is a public key: the issuer needs the private key (its "d").`);
  });
  return keys;
}

/** The public half of a JWK, as the JWKS publishes it. */
export function publicJwk(key: JWK): JWK {
  const { d: _private, ...rest } = key;
  return { kty: rest.kty, crv: rest.crv, x: rest.x, ...(rest.y ? { y: rest.y } : {}), kid: rest.kid, alg: rest.alg, use: "sig" };
}

export interface SigningKeySet {
  /** The key that signs new tokens (the first one listed). */
  current: { kid: string; alg: SigningAlgorithm; key: KeyLike | Uint8Array };
  /** What `/.well-known/jwks.json` serves: every key's public half. */
  jwks: { keys: JWK[] };
  /** Verifies tokens signed with any of the keys, picked by `kid`. */
  verifier: JWTVerifyGetKey;
}

export async function loadSigningKeys(keys: readonly JWK[]): Promise<SigningKeySet> {
  const [first] = keys;
  if (!first) throw new Error("No signing key: set AUTH_SIGNING_KEYS.");
  const jwks = { keys: keys.map(publicJwk) };
  return {
    current: { kid: first.kid!, alg: first.alg as SigningAlgorithm, key: await importJWK(first, first.alg) },
    jwks,
    verifier: createLocalJWKSet(jwks),
  };
}

/**
 * The issuer's published keys, fetched when first needed and kept for 10 minutes; a token signed with a
 * `kid` not in the copy fetches the JWKS again (at most once every `cooldownMs`), so a new key works at once.
 */
export function remoteKeys(jwksUrl: string, cooldownMs = 30_000): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: 600_000, cooldownDuration: cooldownMs, timeoutDuration: 5_000 });
}

/** A new private signing key, as `AUTH_SIGNING_KEYS` takes it. */
export async function newSigningKey(
  alg: SigningAlgorithm = "ES256",
  kid = `kttt-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString("hex")}`,
): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
  return { ...(await exportJWK(privateKey)), kid, alg, use: "sig" };
}
