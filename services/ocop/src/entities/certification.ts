import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { LocalDateScalar } from "@kttt/core";
import { OcopCertificationKind, OcopLevel } from "../domain/enums";

@ObjectType({
  description:
    "One OCOP certificate (giấy chứng nhận sản phẩm OCOP): the score, the stars it earned, who recognised it and when. " +
    "A re-assessment adds a new certificate; the earlier ones stay as history.",
})
@Entity("ocop_certification")
export class OcopCertification {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Column("uuid", { name: "product_id" })
  productId: string;

  @Field(() => Int, { description: "1 for the product's first certificate, then 2, 3… (lần đánh giá)." })
  @Column("integer")
  sequence: number;

  @Field(() => OcopCertificationKind, { description: "First certificate, upgrade, downgrade or renewal (loại đánh giá)." })
  @Column("text")
  kind: OcopCertificationKind;

  @Field(() => Int, { description: "Part A, product and community strength (sản phẩm và sức mạnh cộng đồng): 0–40 points." })
  @Column("smallint", { name: "score_a" })
  scoreA: number;

  @Field(() => Int, { description: "Part B, marketing capacity (khả năng tiếp thị): 0–25 points." })
  @Column("smallint", { name: "score_b" })
  scoreB: number;

  @Field(() => Int, { description: "Part C, product quality (chất lượng sản phẩm): 0–35 points." })
  @Column("smallint", { name: "score_c" })
  scoreC: number;

  @Field(() => Int, { description: "Total score out of 100 (tổng điểm) = A + B + C." })
  @Column({ type: "smallint", insert: false, update: false })
  score: number;

  @Field(() => Int, { description: "Star rank (hạng sao): 3 (50–69 points), 4 (70–89) or 5 (90–100)." })
  @Column("smallint")
  stars: number;

  @Field(() => OcopLevel, {
    description:
      "Level that recognised the stars (cấp công nhận), by the decision's date: before 2025-07-06 the district People's Committee 3★, " +
      "the province 4★, the centre 5★ (Decision 148/QĐ-TTg); from 2025-07-06 the province 3★ and 4★, the centre 5★ (Decision 1489/QĐ-TTg of 06/07/2025).",
  })
  @Column("text")
  level: OcopLevel;

  @Field({ description: "Number of the recognition decision (số quyết định), e.g. 1234/QĐ-UBND." })
  @Column("text", { name: "decision_number" })
  decisionNumber: string;

  @Field(() => LocalDateScalar, { description: "Date of the decision (ngày quyết định): the certificate runs from it." })
  @Column("date", { name: "decided_on" })
  decidedOn: string;

  @Field(() => LocalDateScalar, { description: "Last day of validity (hiệu lực đến): decision date + 36 months − 1 day." })
  @Column("date", { name: "valid_until" })
  validUntil: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date the certificate was revoked (ngày thu hồi), if it was." })
  @Column("date", { name: "revoked_on", nullable: true })
  revokedOn: string | null;

  @Field(() => String, { nullable: true, description: "Why it was revoked (lý do thu hồi)." })
  @Column("text", { name: "revocation_reason", nullable: true })
  revocationReason: string | null;

  @Field(() => String, { nullable: true, description: "Number of the revocation decision (số quyết định thu hồi)." })
  @Column("text", { name: "revocation_decision_number", nullable: true })
  revocationDecisionNumber: string | null;

  @Column("integer")
  version: number;

  @Field({ description: "True for illustrative demo data (dữ liệu minh họa), not published figures: decisions after the seed text's date (2024-07-15)." })
  @Column("boolean", { default: false })
  illustrative: boolean;
}
