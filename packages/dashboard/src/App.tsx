import { Fragment, useEffect, useState } from "react";
import districtBreakdown from "../operations/district-breakdown.graphql?raw";
import districtOverview from "../operations/district-overview.graphql?raw";
import provinceOverview from "../operations/province-overview.graphql?raw";
import yearOverYear from "../operations/year-over-year.graphql?raw";
import communeRecut from "../operations/commune-recut.graphql?raw";
import planTargets from "../operations/plan-targets.graphql?raw";
import { CommuneTable, type CommuneRow } from "./communes";
import { missingParts, someForbidden, useQuery, type QueryState } from "./api";
import { useAuth } from "./auth";
import { BarChart, DoughnutChart } from "./charts";
import { count, share, vnd, vndShort } from "./format";
import { SignedIn, SignInForm } from "./SignIn";
import { decodeClaims } from "./auth";
import { DownloadButton, ImportPage, ReportButton } from "./files";

interface Period {
  year: number;
  half: "H1" | "H2" | null;
  /** Date of the report; counts as they stood that day. */
  asOf?: string;
}

const PERIODS: { label: string; value: Period }[] = [
  { label: "6 tháng đầu năm 2024 (báo cáo ngày 15/7/2024)", value: { year: 2024, half: "H1", asOf: "2024-07-15" } },
  { label: "Năm 2024", value: { year: 2024, half: null } },
  { label: "Năm 2023", value: { year: 2023, half: null } },
  { label: "6 tháng cuối năm 2025 (69 xã, phường)", value: { year: 2025, half: "H2" } },
  { label: "Năm 2025 (69 xã, phường)", value: { year: 2025, half: null } },
  { label: "6 tháng đầu năm 2026 (69 xã, phường)", value: { year: 2026, half: "H1" } },
];

/** Districts ended on 2025-06-30: from 2025-07-01 the province has 69 communes and no district level. */
const TWO_TIER_FROM = "2025-07-01";

/** The period as the report names it (`ReportingPeriod.id`): "2024", "2025-H2", "2024-H1@2024-07-15". */
function periodId(period: Period): string {
  return `${period.year}${period.half ? `-${period.half}` : ""}${period.asOf ? `@${period.asOf}` : ""}`;
}

/** The date whose map of units a period's breakdown follows: its report date, or its last day (as the API does). */
function mapDate(period: Period): string {
  return period.asOf ?? (period.half === "H1" ? `${period.year}-06-30` : `${period.year}-12-31`);
}

/** An earlier period's membership figures re-cut by today's communes, with what no commune can take counted apart. */
function Recut({ period }: { period: Period }) {
  const state = useQuery<{
    membershipStatistics: {
      unitMapDate: string;
      groups: {
        key: string | null;
        label: string;
        adminUnit: { code: string; name: string } | null;
        figures: { cooperativeCount: number; groupCount: number; revenue: { average: string | null }; goodOrFairShare: number | null };
      }[];
    } | null;
  }>(communeRecut, { year: period.year, asOf: period.asOf ?? null });
  const groups = state.data?.membershipStatistics?.groups ?? [];
  const rows: CommuneRow[] = groups
    .filter((g) => g.key !== null)
    .map((g) => ({
      code: g.key!,
      name: g.adminUnit?.name ?? g.label,
      cooperativeCount: g.figures.cooperativeCount,
      groupCount: g.figures.groupCount,
      revenueAverage: g.figures.revenue.average,
      goodOrFairShare: g.figures.goodOrFairShare,
    }));
  const unplaced = groups.find((g) => g.key === null)?.figures;
  return (
    <>
      <Status state={state} empty={rows.length === 0} />
      {rows.length > 0 && (
        <>
          <p className="notice unplaced" role="note">
            Chưa xác định được xã, phường hiện nay (xã cũ bị chia tách hoặc chưa rõ nơi sáp nhập): {count(unplaced?.cooperativeCount ?? 0)} HTX,{" "}
            {count(unplaced?.groupCount ?? 0)} THT. Chỉ số liệu thành viên, tài chính, xếp loại được chia lại theo xã.
          </p>
          <CommuneTable rows={rows} membershipOnly />
        </>
      )}
    </>
  );
}

interface OcopFigures {
  activeProducts: number;
  collectiveOwnedProducts: number;
  collectiveOwners?: number;
  otherOwnedProducts?: number;
  threeStarProducts: number;
  fourStarProducts: number;
  fiveStarProducts: number;
  expiringWithin180Days?: number;
}

interface SupportFigures {
  planned: string;
  disbursed: string;
  implementationRate: number | null;
  beneficiaryCount?: number;
}

interface TradeFigures {
  events?: number;
  participations: number;
  participants?: number;
  booths?: number;
  sales: string;
  contractValue?: string;
  onlineSellingShare?: number | null;
}

function TradeCards({ trade }: { trade: TradeFigures | null }) {
  if (!trade) return null;
  return (
    <section className="cards" aria-label="Xúc tiến thương mại">
      {trade.events !== undefined && <Card label="Sự kiện xúc tiến thương mại" value={count(trade.events)} />}
      <Card
        label="Lượt tham gia hội chợ, sự kiện"
        value={count(trade.participations)}
        note={trade.participants !== undefined ? `${count(trade.participants)} tổ chức, chủ thể` : undefined}
      />
      <Card label="Doanh số bán tại sự kiện" value={vndShort(trade.sales)} note={vnd(trade.sales)} />
      {trade.contractValue !== undefined && <Card label="Giá trị hợp đồng ký kết" value={vndShort(trade.contractValue)} />}
      {trade.onlineSellingShare !== undefined && (
        <Card label="Chủ thể OCOP bán hàng trực tuyến" value={share(trade.onlineSellingShare)} note="mục tiêu ≥ 50%" />
      )}
    </section>
  );
}

interface PlanTarget {
  indicatorLabel: string;
  unit: string;
  target: number | null;
  targetAmount: string | null;
  actual: number | null;
  actualAmount: string | null;
  achieved: boolean | null;
  achievementRate: number | null;
}

function planValue(t: PlanTarget, which: "target" | "actual"): string {
  if (t.unit === "VND") return vndShort(which === "target" ? t.targetAmount : t.actualAmount);
  const value = which === "target" ? t.target : t.actual;
  if (value === null) return "—";
  return t.unit === "PERCENT" ? `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(value)}%` : count(value);
}

function PlanTable({ targets }: { targets: PlanTarget[] }) {
  return (
    <table className="districts plan">
      <thead>
        <tr>
          <th>Chỉ tiêu kế hoạch</th>
          <th>Kế hoạch</th>
          <th>Thực hiện</th>
          <th>Đánh giá</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.indicatorLabel}>
            <td>{t.indicatorLabel}</td>
            <td>{planValue(t, "target")}</td>
            <td>{planValue(t, "actual")}</td>
            <td>{t.achieved === null ? "Chưa có số liệu" : t.achieved ? "Đạt" : "Chưa đạt"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Figures {
  cooperativeCount: number;
  unionCount: number;
  groupCount: number;
  reportingCooperativeCount?: number;
  charterCapital: { average: string | null };
  revenue: { average: string | null };
  profit: { average: string | null };
  averageWorkerMonthlyIncome: string | null;
  managersTrainedShare?: number | null;
  goodOrFairShare: number | null;
  ratingCounts: { good: number; fair: number; average: number; weak: number; notRated: number; unclassified: number };
  itReadiness?: { none: number; basic: number; software: number; online: number };
}

function useRoute(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return hash.replace(/^#/u, "") || "/";
}

function Status<T>({ state, empty }: { state: QueryState<T>; empty: boolean }) {
  if (state.loading && !state.data)
    return (
      <p className="loading" role="status">
        Đang tải dữ liệu…
      </p>
    );
  if (state.failed)
    return (
      <p className="error" role="alert">
        Không kết nối được với máy chủ dữ liệu (API). Vui lòng thử lại sau.
      </p>
    );
  const missing = missingParts(state.errors);
  const forbidden = someForbidden(state.errors);
  return (
    <>
      {missing.length > 0 && (
        <p className="error" role="alert">
          Một phần dữ liệu tạm thời không có: {missing.join("; ")}. Các số liệu còn lại vẫn được hiển thị.
        </p>
      )}
      {forbidden && (
        <p className="error" role="alert">
          Tài khoản đang đăng nhập không có quyền xem một phần số liệu. Các số liệu còn lại vẫn được hiển thị.
        </p>
      )}
      {empty && !state.loading && missing.length === 0 && !forbidden && <p className="empty">Chưa có dữ liệu cho kỳ báo cáo này.</p>}
    </>
  );
}

function Card({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="card">
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
      {note && <div className="card-note">{note}</div>}
    </div>
  );
}

function MembershipCards({ m }: { m: Figures }) {
  return (
    <section className="cards" aria-label="Số liệu tổng hợp">
      <Card label="Hợp tác xã" value={count(m.cooperativeCount)} />
      <Card label="Liên hiệp hợp tác xã" value={count(m.unionCount)} />
      <Card label="Tổ hợp tác" value={count(m.groupCount)} />
      <Card label="Vốn điều lệ bình quân/HTX" value={vnd(m.charterCapital.average)} note={vndShort(m.charterCapital.average)} />
      <Card label="Doanh thu bình quân/HTX" value={vnd(m.revenue.average)} note={vndShort(m.revenue.average)} />
      <Card label="Lợi nhuận bình quân/HTX" value={vnd(m.profit.average)} note={vndShort(m.profit.average)} />
      <Card label="Thu nhập bình quân lao động thường xuyên" value={vnd(m.averageWorkerMonthlyIncome)} note="đồng/người/tháng" />
      <Card label="Tỷ lệ HTX tốt, khá" value={share(m.goodOrFairShare)} />
      {m.managersTrainedShare !== undefined && <Card label="Cán bộ quản lý đã qua đào tạo" value={share(m.managersTrainedShare)} />}
    </section>
  );
}

function OcopAndSupportCards({ ocop, support }: { ocop: OcopFigures | null; support: SupportFigures | null }) {
  if (!ocop && !support) return null;
  return (
    <section className="cards" aria-label="OCOP và chính sách hỗ trợ">
      {ocop && <Card label="Sản phẩm OCOP" value={count(ocop.activeProducts)} note="còn hiệu lực" />}
      {ocop && (
        <Card
          label="Sản phẩm OCOP của HTX, THT"
          value={count(ocop.collectiveOwnedProducts)}
          note={ocop.collectiveOwners !== undefined ? `của ${count(ocop.collectiveOwners)} HTX, THT` : undefined}
        />
      )}
      {ocop?.expiringWithin180Days !== undefined && <Card label="OCOP sắp hết hạn (180 ngày)" value={count(ocop.expiringWithin180Days)} />}
      {support && <Card label="Kinh phí hỗ trợ được duyệt" value={vndShort(support.planned)} note={vnd(support.planned)} />}
      {support && <Card label="Đã giải ngân" value={vndShort(support.disbursed)} note={vnd(support.disbursed)} />}
      {support && <Card label="Tỷ lệ giải ngân" value={share(support.implementationRate)} />}
    </section>
  );
}

function OcopStarsChart({ ocop }: { ocop: OcopFigures }) {
  return (
    <DoughnutChart
      title="Sản phẩm OCOP theo hạng sao"
      labels={["3 sao", "4 sao", "5 sao"]}
      values={[ocop.threeStarProducts, ocop.fourStarProducts, ocop.fiveStarProducts]}
    />
  );
}

function RatingChart({ m }: { m: Figures }) {
  const r = m.ratingCounts;
  if (r.good + r.fair + r.average + r.weak + r.notRated === 0) {
    return (
      <figure className="chart">
        <figcaption>Xếp loại HTX</figcaption>
        <p className="empty">
          Không có xếp loại theo Thông tư 01/2020/TT-BKHĐT cho kỳ này: thông tư hết hiệu lực từ 18/9/2025 (Thông tư 78/2025/TT-BTC), các đánh giá sau ngày đó
          không có xếp loại quốc gia.
        </p>
      </figure>
    );
  }
  return (
    <DoughnutChart
      title="Xếp loại HTX"
      labels={["Tốt", "Khá", "Trung bình", "Yếu", "Chưa xếp loại"]}
      values={[r.good, r.fair, r.average, r.weak, r.notRated]}
    />
  );
}

function Province({ period }: { period: Period }) {
  const overview = useQuery<{
    collectiveEconomy: {
      period: { label: string; asOf: string };
      membership: Figures | null;
      ocop: OcopFigures | null;
      policySupport: SupportFigures | null;
      tradePromotion: TradeFigures | null;
    } | null;
    bySector: { groups: { key: string; label: string; figures: { cooperativeCount: number } }[] } | null;
    ocopByGroup: { groups: { key: string; label: string; figures: { activeProducts: number } }[] } | null;
    supportByKind: { groups: { key: string; label: string; figures: SupportFigures }[] } | null;
    plan: { targets: PlanTarget[] } | null;
  }>(provinceOverview, { period, year: period.year, asOf: period.asOf ?? null });
  const districts = useQuery<{
    collectiveEconomyByAdminUnit: {
      id: string;
      adminUnit: { code: string; name: string };
      membership: { cooperativeCount: number; groupCount: number; revenue: { average: string | null }; goodOrFairShare: number | null } | null;
      ocop: { activeProducts: number } | null;
      policySupport: SupportFigures | null;
      tradePromotion: { participations: number; sales: string } | null;
    }[];
  }>(districtBreakdown, { period });
  const trend = useQuery<{
    collectiveEconomyTrend: { id: string; period: { label: string }; membership: { cooperativeCount: number; revenue: { average: string | null } } | null }[];
  }>(yearOverYear, { periods: [{ year: 2023 }, { year: 2024 }, { year: 2025 }] });
  const m = overview.data?.collectiveEconomy?.membership ?? null;
  const ocop = overview.data?.collectiveEconomy?.ocop ?? null;
  const support = overview.data?.collectiveEconomy?.policySupport ?? null;
  const units = districts.data?.collectiveEconomyByAdminUnit ?? [];
  const plan = (overview.data?.plan?.targets ?? []).filter((t) => t.achievementRate !== null);
  const communeMap = mapDate(period) >= TWO_TIER_FROM;
  const [recut, setRecut] = useState(false);
  const communeRows: CommuneRow[] = units.map((u) => ({
    code: u.adminUnit.code,
    name: u.adminUnit.name,
    cooperativeCount: u.membership?.cooperativeCount ?? null,
    groupCount: u.membership?.groupCount ?? null,
    revenueAverage: u.membership?.revenue.average ?? null,
    goodOrFairShare: u.membership?.goodOrFairShare ?? null,
    ocopProducts: u.ocop?.activeProducts ?? null,
    supportDisbursed: u.policySupport?.disbursed ?? null,
    tradeParticipations: u.tradePromotion?.participations ?? null,
  }));
  return (
    <>
      <p className="report">
        Báo cáo kinh tế tập thể của kỳ (tổng quan, theo đơn vị, kế hoạch, OCOP, hỗ trợ){!communeMap && recut ? ", chia lại theo 69 xã, phường hiện nay" : ""}:{" "}
        <ReportButton period={periodId(period)} unitMap={!communeMap && recut ? "TODAY" : "PERIOD"} />
      </p>
      <Status state={overview} empty={!m && !ocop && !support} />
      <OcopAndSupportCards ocop={ocop} support={support} />
      <TradeCards trade={overview.data?.collectiveEconomy?.tradePromotion ?? null} />
      {m && m.cooperativeCount + m.groupCount + m.unionCount > 0 && <MembershipCards m={m} />}
      {/* Each chart needs only its own subgraph: the others still show when one is down. */}
      <section className="charts">
        {units.length > 0 && (
          <BarChart
            title="Số HTX và THT theo đơn vị hành chính"
            labels={units.map((u) => u.adminUnit.name.replace(/^(Huyện|Thị xã|Thành phố|Xã|Phường) /u, ""))}
            series={[
              { label: "Hợp tác xã", values: units.map((u) => u.membership?.cooperativeCount ?? 0) },
              { label: "Tổ hợp tác", values: units.map((u) => u.membership?.groupCount ?? 0) },
            ]}
          />
        )}
        {overview.data?.bySector && (
          <BarChart
            title="Số HTX theo lĩnh vực"
            labels={overview.data.bySector.groups.map((g) => g.label)}
            series={[{ label: "Hợp tác xã", values: overview.data.bySector.groups.map((g) => g.figures.cooperativeCount) }]}
          />
        )}
        {m && <RatingChart m={m} />}
        {m?.itReadiness && (
          <DoughnutChart
            title="Ứng dụng công nghệ thông tin"
            labels={["Chưa ứng dụng", "Cơ bản", "Phần mềm", "Trực tuyến"]}
            values={[m.itReadiness.none, m.itReadiness.basic, m.itReadiness.software, m.itReadiness.online]}
          />
        )}
        {ocop && <OcopStarsChart ocop={ocop} />}
        {(overview.data?.ocopByGroup?.groups ?? []).length > 0 && (
          <BarChart
            title="Sản phẩm OCOP theo nhóm"
            labels={overview.data!.ocopByGroup!.groups.map((g) => g.label)}
            series={[{ label: "Sản phẩm", values: overview.data!.ocopByGroup!.groups.map((g) => g.figures.activeProducts) }]}
          />
        )}
        {(overview.data?.supportByKind?.groups ?? []).length > 0 && (
          <BarChart
            title="Kinh phí hỗ trợ: được duyệt và đã giải ngân (triệu đồng)"
            labels={overview.data!.supportByKind!.groups.map((g) => g.label)}
            series={[
              { label: "Được duyệt", values: overview.data!.supportByKind!.groups.map((g) => Number(g.figures.planned) / 1e6) },
              { label: "Đã giải ngân", values: overview.data!.supportByKind!.groups.map((g) => Number(g.figures.disbursed) / 1e6) },
            ]}
          />
        )}
        {plan.length > 0 && (
          <BarChart
            title="Kế hoạch phát triển KTTT: mức thực hiện so với chỉ tiêu (%)"
            horizontal
            labels={plan.map((t) => t.indicatorLabel)}
            series={[
              { label: "Thực hiện / chỉ tiêu (%)", values: plan.map((t) => Math.round((t.achievementRate ?? 0) * 1000) / 10) },
              { label: "Chỉ tiêu (100%)", values: plan.map(() => 100) },
            ]}
          />
        )}
        {(trend.data?.collectiveEconomyTrend ?? []).length > 0 && (
          <BarChart
            title="Số HTX qua các năm"
            labels={trend.data!.collectiveEconomyTrend.map((t) => t.period.label)}
            series={[{ label: "Hợp tác xã", values: trend.data!.collectiveEconomyTrend.map((t) => t.membership?.cooperativeCount ?? 0) }]}
          />
        )}
      </section>
      {(overview.data?.plan?.targets ?? []).length > 0 && (
        <section aria-label="Kế hoạch phát triển kinh tế tập thể">
          <h2>
            Kế hoạch phát triển kinh tế tập thể năm {period.year}{" "}
            <DownloadButton query={planTargets} variables={{ year: period.year }} name={`ke-hoach-${period.year}`} table="kế hoạch" />
          </h2>
          <PlanTable targets={overview.data!.plan!.targets} />
        </section>
      )}
      <section aria-label="Theo đơn vị hành chính">
        <h2>
          Theo đơn vị hành chính{" "}
          {!communeMap && recut ? (
            <DownloadButton
              query={communeRecut}
              variables={{ year: period.year, asOf: period.asOf ?? null }}
              name={`theo-xa-hien-nay-${periodId(period)}`}
              table="theo đơn vị hành chính"
            />
          ) : (
            <DownloadButton
              query={districtBreakdown}
              variables={{ period }}
              name={`theo-don-vi-hanh-chinh-${periodId(period)}`}
              table="theo đơn vị hành chính"
            />
          )}
        </h2>
        {!communeMap && (
          <label className="recut">
            <input type="checkbox" checked={recut} onChange={(e) => setRecut(e.target.checked)} /> Xem theo 69 xã, phường hiện nay (chia lại số liệu kỳ này)
          </label>
        )}
        {!communeMap && recut ? <Recut period={period} /> : <Status state={districts} empty={units.length === 0} />}
        {communeMap && units.length > 0 && <CommuneTable rows={communeRows} />}
        {!communeMap && !recut && units.length > 0 && (
          <table className="districts">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Hợp tác xã</th>
                <th>Tổ hợp tác</th>
                <th>Doanh thu bình quân/HTX</th>
                <th>Tỷ lệ HTX tốt, khá</th>
                <th>Sản phẩm OCOP</th>
                <th>Hỗ trợ đã giải ngân</th>
                <th>Lượt tham gia XTTM</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id}>
                  <td>
                    <a href={`#/unit/${u.adminUnit.code}`}>{u.adminUnit.name}</a>
                  </td>
                  <td>{count(u.membership?.cooperativeCount)}</td>
                  <td>{count(u.membership?.groupCount)}</td>
                  <td>{vndShort(u.membership?.revenue.average)}</td>
                  <td>{share(u.membership?.goodOrFairShare)}</td>
                  <td>{count(u.ocop?.activeProducts)}</td>
                  <td>{u.policySupport ? `${vndShort(u.policySupport.disbursed)} (${share(u.policySupport.implementationRate)})` : "—"}</td>
                  <td>{count(u.tradePromotion?.participations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function District({ code, period }: { code: string; period: Period }) {
  const state = useQuery<{
    adminUnit: {
      code: string;
      name: string;
      validTo: string | null;
      collectiveEconomy: { membership: Figures | null; ocop: OcopFigures | null; policySupport: SupportFigures | null; tradePromotion: TradeFigures | null };
    } | null;
  }>(districtOverview, { code, period });
  const unit = state.data?.adminUnit;
  const m = unit?.collectiveEconomy.membership ?? null;
  const ocop = unit?.collectiveEconomy.ocop ?? null;
  return (
    <>
      <p>
        <a href="#/">← Toàn tỉnh</a>
      </p>
      <h2>{unit?.name ?? `Đơn vị ${code}`}</h2>
      {!state.loading && !unit && !state.failed && <p className="empty">Không có đơn vị hành chính mã {code}.</p>}
      <Status state={state} empty={Boolean(unit) && (!m || m.cooperativeCount + m.groupCount === 0)} />
      {m && m.cooperativeCount + m.groupCount > 0 && (
        <>
          <MembershipCards m={m} />
          <OcopAndSupportCards ocop={ocop} support={unit?.collectiveEconomy.policySupport ?? null} />
          <TradeCards trade={unit?.collectiveEconomy.tradePromotion ?? null} />
          <section className="charts">
            <RatingChart m={m} />
            {ocop && ocop.activeProducts > 0 && <OcopStarsChart ocop={ocop} />}
          </section>
        </>
      )}
    </>
  );
}

export function App() {
  const route = useRoute();
  const { credential, notice } = useAuth();
  const [periodIndex, setPeriodIndex] = useState(0);
  const period = PERIODS[periodIndex].value;
  const unit = /^\/unit\/(\d{3}|\d{5})$/u.exec(route);
  const isAdmin = credential?.kind === "token" && decodeClaims(credential.value)?.role === "ALLIANCE_ADMIN";
  return (
    <main>
      <header>
        <h1>Kinh tế tập thể tỉnh Hà Tĩnh</h1>
        {credential && (
          <label>
            Kỳ báo cáo{" "}
            <select value={periodIndex} onChange={(e) => setPeriodIndex(Number(e.target.value))}>
              {PERIODS.map((p, i) => (
                <option key={p.label} value={i}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {credential && <SignedIn credential={credential} />}
      </header>
      {!credential ? (
        <SignInForm notice={notice} />
      ) : (
        // A new credential starts every query afresh.
        <Fragment key={credential.value}>
          {isAdmin && (
            <nav aria-label="Trang">
              <a href="#/">Tổng quan</a> · <a href="#/import">Nhập dữ liệu</a>
            </nav>
          )}
          {route === "/import" ? <ImportPage isAdmin={isAdmin} /> : unit ? <District code={unit[1]} period={period} /> : <Province period={period} />}
        </Fragment>
      )}
      <footer>Nguồn: KTTT Graph (GraphQL API của Liên minh Hợp tác xã tỉnh Hà Tĩnh và các sở, ngành).</footer>
    </main>
  );
}
