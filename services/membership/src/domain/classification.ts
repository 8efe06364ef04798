/**
 * Classification by date: which rule set an assessment may follow on the day it is dated, and the size
 * class Decree 113/2024/NĐ-CP gives where its thresholds are known. Sources: shared/data/admin-units/README.md
 * ("Other changes of 2025") and the domain notes. Thresholds that were not found are not guessed: the class
 * is then NOT_DETERMINED.
 */
import { Sector, SizeClass } from "./enums";

/** Circular 01/2020/TT-BKHĐT was repealed in full by Thông tư 78/2025/TT-BTC from this day; no national rating replaced it. */
export const CIRCULAR_01_2020_REPEALED_FROM = "2025-09-18";
export const CIRCULAR_01_2020_REPEALED_BY = "Thông tư 78/2025/TT-BTC";

/** Decree 113/2024/NĐ-CP (size classes under Law 17/2023/QH15) is in force from this day. */
export const DECREE_113_2024_IN_FORCE_FROM = "2024-11-01";

/** The field of activity Decree 113/2024 sets thresholds by. */
export type Decree113Field = "AGRICULTURE" | "INDUSTRY_CONSTRUCTION" | "TRADE_SERVICES_OTHER";

export function decree113Field(sector: Sector): Decree113Field {
  switch (sector) {
    case Sector.AGRICULTURE:
      return "AGRICULTURE";
    case Sector.INDUSTRY_HANDICRAFT:
    case Sector.CONSTRUCTION:
      return "INDUSTRY_CONSTRUCTION";
    default:
      return "TRADE_SERVICES_OTHER";
  }
}

interface Threshold {
  sizeClass: SizeClass;
  /** At least this many official members (thành viên chính thức)… */
  officialMembers: number;
  /** …and revenue of the year (doanh thu) of at least this much, or total capital (tổng nguồn vốn) of at least `totalCapital`. */
  revenue: bigint;
  totalCapital: bigint;
}

const BILLION = 1_000_000_000n;

/**
 * The thresholds found, largest class first. `complete` says whether every class of the field is known, so that
 * an organisation meeting none of them is micro (siêu nhỏ); where it is not, meeting none decides nothing.
 */
const THRESHOLDS: Record<Decree113Field, { complete: boolean; classes: Threshold[] }> = {
  AGRICULTURE: {
    complete: true,
    classes: [
      { sizeClass: SizeClass.LARGE, officialMembers: 300, revenue: 50n * BILLION, totalCapital: 10n * BILLION },
      { sizeClass: SizeClass.MEDIUM, officialMembers: 200, revenue: 10n * BILLION, totalCapital: 5n * BILLION },
      { sizeClass: SizeClass.SMALL, officialMembers: 50, revenue: 2n * BILLION, totalCapital: 1n * BILLION },
    ],
  },
  INDUSTRY_CONSTRUCTION: {
    complete: false,
    classes: [{ sizeClass: SizeClass.LARGE, officialMembers: 100, revenue: 80n * BILLION, totalCapital: 20n * BILLION }],
  },
  TRADE_SERVICES_OTHER: { complete: false, classes: [] },
};

export interface SizeFacts {
  sector: Sector;
  /** Official members on the assessment date. */
  officialMembers: number;
  /** Revenue of the year assessed, or null when no report is recorded. */
  revenue: bigint | null;
  /** Total capital (tổng nguồn vốn), or null when not known: the graph records charter capital, which is not the same. */
  totalCapital: bigint | null;
}

/**
 * A cooperative's size class under Decree 113/2024/NĐ-CP: the largest class whose member count it reaches and whose
 * revenue or total capital it meets. NOT_DETERMINED when the thresholds of its field are not known, or when it
 * reaches a class's member count but its revenue falls short and its total capital (or revenue) is not known.
 */
export function sizeClassUnderDecree113(facts: SizeFacts): SizeClass {
  const { complete, classes } = THRESHOLDS[decree113Field(facts.sector)];
  for (const t of classes) {
    if (facts.officialMembers < t.officialMembers) continue;
    if (facts.revenue !== null && facts.revenue >= t.revenue) return t.sizeClass;
    if (facts.totalCapital !== null && facts.totalCapital >= t.totalCapital) return t.sizeClass;
    // The member count is reached; without the missing figure the class cannot be told.
    if (facts.revenue === null || facts.totalCapital === null) return SizeClass.NOT_DETERMINED;
  }
  return complete ? SizeClass.MICRO : SizeClass.NOT_DETERMINED;
}

/** What the graph knows of Decree 113/2024's thresholds, for descriptions and messages. */
export const DECREE_113_KNOWN =
  "Thresholds known: agriculture (large ≥300 official members and revenue ≥50 bn or total capital ≥10 bn VND; medium ≥200 and ≥10 bn or ≥5 bn; " +
  "small ≥50 and ≥2 bn or ≥1 bn; otherwise micro) and industry–construction large (≥100 and ≥80 bn or ≥20 bn). The other thresholds were not found: " +
  "there the class is NOT_DETERMINED (chưa xác định), never guessed.";
