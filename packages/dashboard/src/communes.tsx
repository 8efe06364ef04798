/**
 * The commune table: the 69 communes of a period after 2025-07-01 (or an earlier period re-cut by them), sorted by any
 * column and filtered by a name typed with or without diacritics.
 */
import { useMemo, useState } from "react";
import { count, share, vndShort } from "./format";

export interface CommuneRow {
  code: string;
  name: string;
  cooperativeCount: number | null;
  groupCount: number | null;
  revenueAverage: string | null;
  goodOrFairShare: number | null;
  ocopProducts?: number | null;
  supportDisbursed?: string | null;
  tradeParticipations?: number | null;
}

/** Lower case without diacritics (đ → d), so "tu my" finds "Xã Tứ Mỹ". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gu, "d").replace(/Đ/gu, "D").toLowerCase();
}

/** The name as sorted: without "Xã"/"Phường" in front, folded. */
export function bareName(name: string): string {
  return fold(name.replace(/^(Xã|Phường) /u, ""));
}

type Column = { key: keyof CommuneRow; label: string; render: (r: CommuneRow) => string; value: (r: CommuneRow) => number | string | null };

const COLUMNS: Column[] = [
  { key: "name", label: "Xã, phường", render: (r) => r.name, value: (r) => bareName(r.name) },
  { key: "cooperativeCount", label: "Hợp tác xã", render: (r) => count(r.cooperativeCount), value: (r) => r.cooperativeCount },
  { key: "groupCount", label: "Tổ hợp tác", render: (r) => count(r.groupCount), value: (r) => r.groupCount },
  {
    key: "revenueAverage",
    label: "Doanh thu bình quân/HTX",
    render: (r) => vndShort(r.revenueAverage),
    value: (r) => (r.revenueAverage === null ? null : Number(r.revenueAverage)),
  },
  { key: "goodOrFairShare", label: "Tỷ lệ HTX tốt, khá", render: (r) => share(r.goodOrFairShare), value: (r) => r.goodOrFairShare },
  { key: "ocopProducts", label: "Sản phẩm OCOP", render: (r) => count(r.ocopProducts), value: (r) => r.ocopProducts ?? null },
  {
    key: "supportDisbursed",
    label: "Hỗ trợ đã giải ngân",
    render: (r) => vndShort(r.supportDisbursed),
    value: (r) => (r.supportDisbursed == null ? null : Number(r.supportDisbursed)),
  },
  { key: "tradeParticipations", label: "Lượt tham gia XTTM", render: (r) => count(r.tradeParticipations), value: (r) => r.tradeParticipations ?? null },
];

export function CommuneTable({ rows, membershipOnly = false }: { rows: CommuneRow[]; membershipOnly?: boolean }) {
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<{ key: keyof CommuneRow; descending: boolean }>({ key: "name", descending: false });
  const columns = membershipOnly ? COLUMNS.slice(0, 5) : COLUMNS;
  const shown = useMemo(() => {
    const needle = fold(search.trim());
    const column = COLUMNS.find((c) => c.key === sort.key)!;
    const filtered = needle ? rows.filter((r) => fold(r.name).includes(needle) || r.code.startsWith(needle)) : rows;
    return [...filtered].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      // Missing values last, whichever the direction.
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order = typeof x === "string" ? x.localeCompare(y as string, "vi") : x - (y as number);
      return (sort.descending ? -order : order) || a.code.localeCompare(b.code);
    });
  }, [rows, search, sort]);
  return (
    <>
      <label className="commune-search">
        Tìm xã, phường <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="ví dụ: tu my" />
      </label>{" "}
      <span className="hint" role="status">
        {count(shown.length)} / {count(rows.length)} xã, phường
      </span>
      <table className="districts communes">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} aria-sort={sort.key === c.key ? (sort.descending ? "descending" : "ascending") : "none"}>
                <button
                  type="button"
                  className="sort"
                  onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : c.key !== "name" }))}
                >
                  {c.label}
                  {sort.key === c.key ? (sort.descending ? " ▼" : " ▲") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.code}>
              <td>
                <a href={`#/unit/${r.code}`}>{r.name}</a>
              </td>
              {columns.slice(1).map((c) => (
                <td key={c.key}>{c.render(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
