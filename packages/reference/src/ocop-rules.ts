/**
 * The OCOP rules (Decision 148/QĐ-TTg, 24/02/2023) as pure functions, shared by the demo catalogue
 * and the ocop subgraph, so that the seed and the service can never disagree on a band or a date.
 */

export type OcopLevel = "DISTRICT" | "PROVINCE" | "CENTRAL";
export type OcopStatusValue = "ACTIVE" | "EXPIRED" | "REVOKED";

/** Maximum points of each part of the score: A product and community strength, B marketing, C quality. */
export const OCOP_SCORE_PARTS = { A: 40, B: 25, C: 35 } as const;

/** Star bands of the total score; below 50 points a product is not certified. */
export const OCOP_STAR_BANDS: Record<3 | 4 | 5, [number, number]> = { 3: [50, 69], 4: [70, 89], 5: [90, 100] };

/** A certificate is valid 36 months from its decision date. */
export const OCOP_VALIDITY_MONTHS = 36;

/**
 * Decision 1489/QĐ-TTg (06/07/2025) amends Decision 148/QĐ-TTg: OCOP assessment has two levels, no district
 * level; the province assesses and recognises 3★ and 4★, products scoring 90 or more go to the central level
 * (the Ministry) for 5★. Before it, the district People's Committee recognised 3★, the province 4★, the centre 5★.
 * Taken as in force from its date of signing, 06/07/2025 (sources: vietnam24h.com.vn "Quy trình đánh giá, phân
 * hạng sản phẩm OCOP theo 02 cấp"; langngheviet.com.vn "Công tác đánh giá, phân hạng sản phẩm OCOP được chia
 * thành 2 cấp"; see /shared/data/admin-units/README.md). The earlier assumption of 2025-01-01 was wrong: the
 * districts recognised 3★ until the district level ended (30/06/2025).
 */
export const OCOP_THREE_STAR_PROVINCE_FROM = "2025-07-06";

/** The act that sets who recognises the stars of a decision dated `decidedOn`. */
export function ocopLevelBasis(decidedOn: string): string {
  return decidedOn >= OCOP_THREE_STAR_PROVINCE_FROM
    ? "Quyết định 1489/QĐ-TTg (06/07/2025) sửa đổi Quyết định 148/QĐ-TTg: 2 cấp, tỉnh công nhận 3★ và 4★, trung ương 5★"
    : "Quyết định 148/QĐ-TTg (24/02/2023): huyện công nhận 3★, tỉnh 4★, trung ương 5★";
}

/** The stars a total score earns, or null below 50 points (not certifiable). */
export function ocopStarsForScore(score: number): 3 | 4 | 5 | null {
  if (score >= 90) return 5;
  if (score >= 70) return 4;
  if (score >= 50) return 3;
  return null;
}

/** The level that recognises a star rank on a decision date (Decision 148, then 1489 from 2025-07-06). */
export function ocopLevelFor(stars: number, decidedOn: string): OcopLevel {
  if (stars >= 5) return "CENTRAL";
  if (stars === 4) return "PROVINCE";
  return decidedOn >= OCOP_THREE_STAR_PROVINCE_FROM ? "PROVINCE" : "DISTRICT";
}

/** Calendar days added to a YYYY-MM-DD date (core's, the one date arithmetic of the project). */
export { addDays } from "@kttt/core";

/**
 * Last day of validity: the decision date plus 36 months, minus one day (a certificate decided on
 * 2021-08-15 is valid to 2024-08-14). A 29 February decision ends on 27 February or 28 February.
 */
export function ocopValidUntil(decidedOn: string): string {
  const [y, m, d] = decidedOn.split("-").map(Number);
  const monthIndex = m - 1 + OCOP_VALIDITY_MONTHS;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const sameDay = new Date(Date.UTC(year, month, Math.min(d, lastDay)));
  sameDay.setUTCDate(sameDay.getUTCDate() - 1);
  return sameDay.toISOString().slice(0, 10);
}

export interface OcopCertificateDates {
  decidedOn: string;
  validUntil: string;
  revokedOn: string | null;
}

/** Status of a product on a date, from the latest certificate decided on or before it (null: none yet). */
export function ocopStatusOn(certificates: readonly OcopCertificateDates[], asOf: string): OcopStatusValue | null {
  const current = ocopCurrentCertificate(certificates, asOf);
  return current ? ocopCertificateStatus(current, asOf) : null;
}

export function ocopCertificateStatus(certificate: OcopCertificateDates, asOf: string): OcopStatusValue {
  if (certificate.revokedOn !== null && certificate.revokedOn <= asOf) return "REVOKED";
  if (certificate.validUntil < asOf) return "EXPIRED";
  return "ACTIVE";
}

/** The latest certificate decided on or before `asOf`: the one that says where the product stands. */
export function ocopCurrentCertificate<T extends OcopCertificateDates>(certificates: readonly T[], asOf: string): T | null {
  let current: T | null = null;
  for (const c of certificates) if (c.decidedOn <= asOf && (!current || c.decidedOn > current.decidedOn)) current = c;
  return current;
}

/**
 * Who recognised the stars (cơ quan công nhận), in Vietnamese: the district People's Committee by its name where known
 * (e.g. "Ủy ban nhân dân huyện Hương Khê"), the provincial People's Committee, or the central level.
 */
export function ocopCertifyingBody(level: OcopLevel, districtName: string | null): string {
  if (level === "CENTRAL") return "Cấp trung ương";
  if (level === "PROVINCE") return "Ủy ban nhân dân tỉnh Hà Tĩnh";
  return districtName ? `Ủy ban nhân dân ${districtName.charAt(0).toLowerCase()}${districtName.slice(1)}` : "Ủy ban nhân dân cấp huyện";
}
