/** The sign-in form, and who is signed in (from the token's payload, for display only). */
import { useState, type FormEvent } from "react";
import { decodeClaims, MESSAGES, parseCredential, signIn, signOut, type Credential } from "./auth";

const ROLES: Record<string, string> = {
  ALLIANCE_ADMIN: "Quản trị Liên minh HTX",
  ALLIANCE_STAFF: "Cán bộ Liên minh HTX",
  DEPARTMENT: "Sở, ngành",
  COMMUNE: "UBND cấp xã",
};

const DEPARTMENT_NAMES: Record<string, string> = {
  SO_NN: "Sở Nông nghiệp và PTNT",
  SO_CT: "Sở Công Thương",
  SO_TC: "Sở Tài chính",
  SO_KHDT: "Sở Kế hoạch và Đầu tư",
};

const time = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric" });

/** "Cán bộ Liên minh HTX (demo) · Cán bộ Liên minh HTX", "Sở Công Thương", "UBND cấp xã · đơn vị 18202", "API key". */
function describe(credential: Credential): { who: string; until: string | null } {
  if (credential.kind === "apiKey") return { who: "API key", until: null };
  const claims = decodeClaims(credential.value);
  if (!claims) return { who: "Mã truy cập", until: null };
  const role = claims.role ? (ROLES[claims.role] ?? claims.role) : null;
  const scope = claims.dept ? (DEPARTMENT_NAMES[claims.dept] ?? claims.dept) : claims.unit ? `đơn vị ${claims.unit}` : null;
  const parts = [claims.name ?? claims.sub, role, scope].filter((p): p is string => Boolean(p));
  return { who: [...new Set(parts)].join(" · "), until: typeof claims.exp === "number" ? time.format(new Date(claims.exp * 1000)) : null };
}

export function SignedIn({ credential }: { credential: Credential }) {
  const { who, until } = describe(credential);
  return (
    <div className="signed-in" aria-label="Người đăng nhập">
      <span>
        Đăng nhập: <strong className="who">{who}</strong>
        {until && <span className="until"> (đến {until})</span>}
      </span>
      <button type="button" onClick={() => signOut()}>
        Đăng xuất
      </button>
    </div>
  );
}

export function SignInForm({ notice }: { notice: string | null }) {
  const [input, setInput] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const credential = parseCredential(input);
    if (!credential) return setProblem(MESSAGES.empty);
    signIn(credential);
  };
  return (
    <form className="sign-in" aria-label="Đăng nhập" onSubmit={submit}>
      <h2>Đăng nhập</h2>
      <p className={problem || (notice && notice !== MESSAGES.signedOut) ? "error" : "notice"} role="alert">
        {problem ?? notice ?? MESSAGES.signInRequired}
      </p>
      <label htmlFor="credential">Mã truy cập (token) hoặc API key</label>
      <input id="credential" type="password" autoComplete="off" spellCheck={false} value={input} onChange={(e) => setInput(e.target.value)} />
      <button type="submit">Đăng nhập</button>
      <p className="hint">
        Mã truy cập do quản trị viên cấp cho từng người; API key do quản trị viên cấp cho hệ thống của sở, ngành. Khi chạy thử bằng <code>npm start</code>, mở
        liên kết «Dashboard» in trên màn hình để đăng nhập ngay. Thông tin đăng nhập chỉ được giữ trong thẻ trình duyệt này.
      </p>
    </form>
  );
}
