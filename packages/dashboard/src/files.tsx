/**
 * The dashboard's doors to the spreadsheet engine of the gateway: the import page (choose a file,
 * see the check, confirm, see the result) and a download button for a table, both as the signed-in user.
 */
import { useState } from "react";
import { credentialHeaders, currentCredential } from "./auth";

interface Problem {
  column: string;
  columnLetter: string;
  value: string;
  reason: string;
}

interface ImportReport {
  source: string;
  written: boolean;
  dryRun: boolean;
  counts: { CREATED: number; UPDATED: number; UNCHANGED: number; INVALID: number; SKIPPED: number };
  rows: { rowNumber: number; outcome: string; problems: Problem[] }[];
}

/** What the page imports: the gateway's import kinds (`npm run import -- --kind <kind>`), one line each. */
const KINDS = [
  { kind: "organizations", label: "Tổ chức (HTX, LHHTX, THT) và thành viên sáng lập" },
  { kind: "members", label: "Thành viên của tổ chức đã đăng ký" },
  { kind: "financialReports", label: "Báo cáo tài chính năm" },
  { kind: "classifications", label: "Kết quả phân loại, xếp loại" },
  { kind: "ocopProducts", label: "Sản phẩm OCOP và giấy chứng nhận" },
  { kind: "tradeParticipations", label: "Tham gia xúc tiến thương mại" },
  { kind: "beneficiaries", label: "Đối tượng thụ hưởng chính sách hỗ trợ" },
  { kind: "disbursements", label: "Giải ngân hỗ trợ" },
];

async function postFile(file: File, kind: string, dryRun: boolean): Promise<ImportReport> {
  const response = await fetch(`/files/import/${encodeURIComponent(kind)}?dryRun=${dryRun}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(file.name), ...credentialHeaders(currentCredential()) },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as ImportReport & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body;
}

function Counts({ report }: { report: ImportReport }) {
  const c = report.counts;
  return (
    <p className={c.INVALID > 0 ? "error" : "notice"} role="status" aria-label="Kết quả">
      {c.CREATED} tạo mới, {c.UPDATED} cập nhật, {c.UNCHANGED} không đổi, {c.INVALID} lỗi.{" "}
      {report.written ? "Đã ghi vào hệ thống." : report.dryRun ? "Kiểm tra xong: chưa ghi gì." : "Không ghi gì."}
    </p>
  );
}

export function ImportPage({ isAdmin }: { isAdmin: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState(KINDS[0].kind);
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!isAdmin)
    return (
      <p className="error" role="alert">
        Chỉ quản trị viên Liên minh HTX được nhập dữ liệu.
      </p>
    );
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? "Đang kiểm tra tệp…" : "Đang ghi vào hệ thống…");
    setProblem(null);
    try {
      const report = await postFile(file, kind, dryRun);
      if (dryRun) setCheck(report);
      else setResult(report);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };
  const problems = (check ?? result)?.rows.flatMap((r) => r.problems.map((p) => ({ row: r.rowNumber, ...p }))) ?? [];
  return (
    <section aria-label="Nhập danh sách">
      <h2>Nhập danh sách từ Excel hoặc CSV</h2>
      <p className="hint">
        Tệp .xlsx hoặc .csv; mẫu: <code>npm run import -- --template {kind}</code>. Không ghi gì nếu còn dòng lỗi.
      </p>
      <label>
        Loại danh sách{" "}
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            setCheck(null);
            setResult(null);
          }}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        Tệp danh sách{" "}
        <input
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setCheck(null);
            setResult(null);
          }}
        />
      </label>{" "}
      <button type="button" disabled={!file || !!busy} onClick={() => void run(true)}>
        Kiểm tra
      </button>{" "}
      {check && check.counts.INVALID === 0 && !result && (
        <button type="submit" disabled={!!busy} onClick={() => void run(false)}>
          Ghi vào hệ thống
        </button>
      )}
      {busy && (
        <p role="status" aria-live="polite">
          <progress aria-label={busy} /> {busy}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {(result ?? check) && <Counts report={(result ?? check)!} />}
      {problems.length > 0 && (
        <table className="districts import-problems" aria-label="Các dòng lỗi">
          <thead>
            <tr>
              <th>Dòng</th>
              <th>Cột</th>
              <th>Giá trị</th>
              <th>Lỗi</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{p.row}</td>
                <td>{`${p.columnLetter} ${p.column}`.trim()}</td>
                <td>{p.value}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Saves a download the gateway answered under `fileName`, or throws the gateway's sentence. */
async function saveDownload(response: Response, fileName: string): Promise<void> {
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: { message: string } }).error?.message ?? `HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** A download button and what it is doing: "Đang tạo tệp…", or why it failed. */
function useDownload(): [string | null, (fetchFile: () => Promise<void>) => Promise<void>] {
  const [state, setState] = useState<string | null>(null);
  const run = async (fetchFile: () => Promise<void>) => {
    setState("Đang tạo tệp…");
    try {
      await fetchFile();
      setState(null);
    } catch (error) {
      setState(`Không tải được: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return [state, run];
}

/**
 * Downloads what a table's query answers, with the table's current filters, as .xlsx or .csv through the
 * gateway's export (the same engine as `npm run export -- --query`).
 */
export function DownloadButton({ query, variables, name, table }: { query: string; variables: Record<string, unknown>; name: string; table: string }) {
  const [state, run] = useDownload();
  const download = (format: "xlsx" | "csv") =>
    run(async () =>
      saveDownload(
        await fetch("/files/export", {
          method: "POST",
          headers: { "content-type": "application/json", ...credentialHeaders(currentCredential()) },
          body: JSON.stringify({ query, variables, format, name }),
        }),
        `${name.replace(/[^\p{L}\p{N}_-]/gu, "-")}.${format}`,
      ),
    );
  return (
    <span className="download" role="group" aria-label={`Tải bảng ${table}`}>
      <button type="button" onClick={() => void download("xlsx")}>
        Tải .xlsx
      </button>{" "}
      <button type="button" onClick={() => void download("csv")}>
        Tải .csv
      </button>{" "}
      {state && <span role="status">{state}</span>}
    </span>
  );
}

/** The collective-economy report of the period as the Alliance's workbook (`npm run export -- --report`). */
export function ReportButton({ period, unitMap }: { period: string; unitMap: "PERIOD" | "TODAY" }) {
  const [state, run] = useDownload();
  const download = () =>
    run(async () =>
      saveDownload(
        await fetch(`/files/report?period=${encodeURIComponent(period)}&unitMap=${unitMap}`, { headers: credentialHeaders(currentCredential()) }),
        `bao-cao-kttt-${period.replace(/[^\w-]/gu, "-")}${unitMap === "TODAY" ? "-theo-xa-hien-nay" : ""}.xlsx`,
      ),
    );
  return (
    <span className="download">
      <button type="button" onClick={() => void download()}>
        Tải báo cáo (.xlsx)
      </button>{" "}
      {state && <span role="status">{state}</span>}
    </span>
  );
}
