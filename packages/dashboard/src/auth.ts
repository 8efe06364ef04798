/**
 * Who the dashboard speaks as. The user's credential (a bearer token or an API key) is kept in
 * sessionStorage for this tab and sent with every request; the gateway alone decides what it is
 * worth. The token's payload is decoded here only to say who is signed in, never trusted.
 */
import { useSyncExternalStore } from "react";

export type Credential = { kind: "token"; value: string } | { kind: "apiKey"; value: string };

export interface AuthState {
  credential: Credential | null;
  /** Why the sign-in form is shown (expired, refused, signed out …); null for the plain first visit. */
  notice: string | null;
}

const STORAGE_KEY = "kttt-dashboard-credential";

/** Three dot-separated base64url parts: a JWT, sent as a bearer token; anything else is an API key. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/u;

export const MESSAGES = {
  signInRequired: "Bảng điều khiển chỉ dành cho người dùng đã đăng nhập. Vui lòng đăng nhập bằng mã truy cập (token) hoặc API key để xem số liệu.",
  expired: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại bằng mã truy cập mới.",
  refused: "Mã truy cập hoặc API key không hợp lệ, đã hết hạn hoặc đã bị thu hồi. Vui lòng đăng nhập lại.",
  signedOut: "Bạn đã đăng xuất.",
  badLink: "Liên kết đăng nhập không chứa mã truy cập hợp lệ. Vui lòng đăng nhập lại.",
  empty: "Vui lòng dán mã truy cập (token) hoặc API key.",
  districtRetired:
    "Mã truy cập hoặc API key cấp huyện không còn được chấp nhận: cấp huyện đã kết thúc từ ngày 01/7/2025. Vui lòng đề nghị Liên minh HTX tỉnh cấp mã truy cập cho UBND xã, phường của đơn vị (vai trò COMMUNE, mã xã 5 chữ số).",
} as const;

/** A pasted credential: a JWT (with or without "Bearer ") or an API key; null when empty. */
export function parseCredential(input: string): Credential | null {
  const value = input.trim().replace(/^Bearer\s+/iu, "");
  if (!value) return null;
  return JWT.test(value) ? { kind: "token", value } : { kind: "apiKey", value };
}

/** The headers that present a credential to the gateway: exactly one of the two. */
export function credentialHeaders(credential: Credential | null): Record<string, string> {
  if (!credential) return {};
  return credential.kind === "token" ? { authorization: `Bearer ${credential.value}` } : { "x-api-key": credential.value };
}

export interface TokenClaims {
  sub?: string;
  role?: string;
  dept?: string | null;
  unit?: string | null;
  name?: string | null;
  exp?: number;
}

/** The token's payload, for display only (its signature is the gateway's business). */
export function decodeClaims(token: string): TokenClaims | null {
  try {
    const part = token.split(".")[1].replace(/-/gu, "+").replace(/_/gu, "/");
    const binary = atob(part + "=".repeat((4 - (part.length % 4)) % 4));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as unknown;
    return claims && typeof claims === "object" ? claims : null;
  } catch {
    return null;
  }
}

function readStored(): Credential | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return stored ? parseCredential(stored) : null;
  } catch {
    return null;
  }
}

function store(credential: Credential | null): void {
  try {
    if (credential) sessionStorage.setItem(STORAGE_KEY, credential.value);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode, quota): the credential lasts until the page is left.
  }
}

let state: AuthState = { credential: null, notice: null };
const listeners = new Set<() => void>();

function set(next: AuthState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function signIn(credential: Credential): void {
  store(credential);
  set({ credential, notice: null });
}

export function signOut(notice: string | null = MESSAGES.signedOut): void {
  store(null);
  set({ credential: null, notice });
}

/**
 * The gateway refused this credential (HTTP 401 or UNAUTHENTICATED), for `reason` when it gave one. Only
 * the credential in use is dropped: a late answer to an old one does not sign out a user who has just
 * signed in again. A district credential is told that districts ended and to ask for a commune's.
 */
export function credentialRefused(credential: Credential | null, reason?: string): void {
  if (credential !== state.credential) return;
  if (reason === "DISTRICT_ROLE_RETIRED") return signOut(MESSAGES.districtRetired);
  const exp = credential?.kind === "token" ? decodeClaims(credential.value)?.exp : undefined;
  signOut(typeof exp === "number" && exp * 1000 <= Date.now() ? MESSAGES.expired : MESSAGES.refused);
}

export function currentCredential(): Credential | null {
  return state.credential;
}

/**
 * A sign-in link (`/dashboard/#token=<jwt>`): takes the token, and removes it from the address bar
 * at once with replaceState, so it stays neither in the history nor in a bookmark.
 */
function takeTokenFromFragment(): void {
  const fragment = window.location.hash.replace(/^#/u, "");
  if (!/^token=|&token=/u.test(fragment)) return;
  const params = new URLSearchParams(fragment);
  const token = params.get("token") ?? "";
  params.delete("token");
  const rest = params.toString();
  window.history.replaceState(window.history.state, "", `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ""}`);
  const credential = parseCredential(token);
  if (credential?.kind === "token") signIn(credential);
  else signOut(MESSAGES.badLink);
}

/** Called once before the first render: the stored credential, then a sign-in link if there is one. */
export function initAuth(): void {
  set({ credential: readStored(), notice: null });
  takeTokenFromFragment();
  // A sign-in link opened in a tab that already shows the dashboard changes only the fragment.
  window.addEventListener("hashchange", takeTokenFromFragment);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useAuth(): AuthState {
  return useSyncExternalStore(subscribe, () => state);
}
