import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { Stored } from "@kttt/core";
import { OcopCertificationKind, OcopLevel } from "../domain/enums";

@ObjectType({
  description:
    "One OCOP certificate (giấy chứng nhận sản phẩm OCOP): the score, the stars it earned, who recognised it and when. " +
    "A re-assessment adds a new certificate; the earlier ones stay as history.",
})
@Entity("ocop_certification")
export class OcopCertification {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Column("uuid", { name: "product_id" })
  productId: string;

  @Stored.int("1 for the product's first certificate, then 2, 3… (lần đánh giá).")
  sequence: number;

  @Stored.enum(OcopCertificationKind, "First certificate, upgrade, downgrade or renewal (loại đánh giá).")
  kind: OcopCertificationKind;

  @Stored.smallint("Part A, product and community strength (sản phẩm và sức mạnh cộng đồng): 0–40 points.")
  scoreA: number;

  @Stored.smallint("Part B, marketing capacity (khả năng tiếp thị): 0–25 points.")
  scoreB: number;

  @Stored.smallint("Part C, product quality (chất lượng sản phẩm): 0–35 points.")
  scoreC: number;

  /** The table keeps the total as a generated column (score = A + B + C); the graph adds the parts it has read. */
  @Field(() => Int, { description: "Total score out of 100 (tổng điểm) = A + B + C." })
  score(): number {
    return this.scoreA + this.scoreB + this.scoreC;
  }

  @Stored.smallint("Star rank (hạng sao): 3 (50–69 points), 4 (70–89) or 5 (90–100).")
  stars: number;

  @Stored.enum(
    OcopLevel,
    "Level that recognised the stars (cấp công nhận), by the decision's date: before 2025-07-06 the district People's Committee 3★, " +
      "the province 4★, the centre 5★ (Decision 148/QĐ-TTg); from 2025-07-06 the province 3★ and 4★, the centre 5★ (Decision 1489/QĐ-TTg of 06/07/2025).",
  )
  level: OcopLevel;

  @Stored.text("Number of the recognition decision (số quyết định), e.g. 1234/QĐ-UBND.")
  decisionNumber: string;

  @Stored.date("Date of the decision (ngày quyết định): the certificate runs from it.")
  decidedOn: string;

  @Stored.date("Last day of validity (hiệu lực đến): decision date + 36 months − 1 day.")
  validUntil: string;

  @Stored.date("Date the certificate was revoked (ngày thu hồi), if it was.", { nullable: true })
  revokedOn: string | null;

  @Stored.text("Why it was revoked (lý do thu hồi).", { nullable: true })
  revocationReason: string | null;

  @Stored.text("Number of the revocation decision (số quyết định thu hồi).", { nullable: true })
  revocationDecisionNumber: string | null;

  @Column("integer")
  version: number;

  @Stored.boolean("True for illustrative demo data (dữ liệu minh họa), not published figures: decisions after the seed text's date (2024-07-15).", {
    default: false,
  })
  illustrative: boolean;
}
