/**
 * The gateway's landing page (`GET /` in a browser): the offline explorer always, and Apollo Sandbox
 * when this gateway serves it (not under INTROSPECTION=off) and this browser can reach Apollo's CDN,
 * where Sandbox is loaded from. Without this script (or before it has run) every link is there.
 */
import "./start.css";

/** The script Apollo Server's landing page loads Sandbox from (its default version, v2). */
export const SANDBOX_SCRIPT = "https://embeddable-sandbox.cdn.apollographql.com/v2/embeddable-sandbox.umd.production.min.js";
const PROBE_MS = 5000;

type SandboxState = "ready" | "offline" | "off";

const TEXT: Record<SandboxState, string> = {
  ready: "Sẵn sàng (tải từ máy chủ của Apollo trên Internet).",
  offline:
    "Không tải được: Sandbox được tải từ máy chủ của Apollo, mà trình duyệt này không kết nối được tới đó (không có Internet). Hãy dùng trình khám phá API ở trên.",
  off: "Máy chủ này không phục vụ Sandbox (INTROSPECTION=off). Hãy dùng trình khám phá API ở trên.",
};

async function sandboxState(): Promise<SandboxState> {
  // The gateway serves Sandbox's page at /graphql unless introspection is off (then Apollo's
  // production page, whose CSP still names Sandbox's CDN: look for Sandbox's own element).
  const page = await fetch("/graphql", { headers: { accept: "text/html" } })
    .then((r) => r.text())
    .catch(() => "");
  if (!page.includes('id="embeddableSandbox"')) return "off";
  try {
    // An opaque answer is enough: it says the CDN can be reached.
    await fetch(SANDBOX_SCRIPT, { mode: "no-cors", cache: "no-store", signal: AbortSignal.timeout(PROBE_MS) });
    return "ready";
  } catch {
    return "offline";
  }
}

async function show(): Promise<void> {
  const item = document.getElementById("sandbox");
  const status = item?.querySelector<HTMLElement>(".status");
  if (!item || !status) return;
  const state = await sandboxState();
  status.dataset.state = state;
  status.textContent = TEXT[state];
  status.className = `status ${state === "ready" ? "ok" : "unavailable"}`;
  item.classList.toggle("unavailable", state !== "ready");
}

void show();
