import { ObjectType } from "type-graphql";
import { Entity, PrimaryColumn } from "typeorm";
import { FieldOf, Stored } from "@kttt/core";
import { ClassificationScheme, Rating, RATING_LABEL, SizeClass, SIZE_CLASS_LABEL } from "../domain/enums";

@ObjectType({
  description:
    "A year's classification of an organisation (phân loại, đánh giá) under one rule set: the Circular 01/2020 rating (assessments dated before " +
    "2025-09-18), the Decree 113/2024 size class, or a scheme the Alliance names (no national rating).",
})
@Entity("classification")
export class Classification {
  @PrimaryColumn("uuid", { name: "organization_id" })
  organizationId: string;

  @Stored.int("Year assessed (năm đánh giá).", { primary: true })
  year: number;

  @Stored.enum(ClassificationScheme, "Rule set applied (căn cứ đánh giá).", { primary: true })
  scheme: ClassificationScheme;

  @Stored.date("Date of the assessment (ngày đánh giá), which decides the rule set that applies; null for records made before the date was kept (not known).", {
    nullable: true,
  })
  assessedOn: string | null;

  @Stored.text("Under ALLIANCE: the name of the Alliance's scheme (tên bộ tiêu chí); null under the national rule sets.", { nullable: true })
  schemeName: string | null;

  @Stored.decimal("Score (điểm): out of 100 under Circular 01/2020, on the scheme's own scale under ALLIANCE; null when not scored.", {
    nullable: true,
    precision: 5,
    scale: 2,
  })
  score: number | null;

  @Stored.enum(
    Rating,
    "National rating (xếp loại) of Circular 01/2020; null under the other rule sets: an assessment dated from 2025-09-18 carries no national rating.",
    { nullable: true },
  )
  rating: Rating | null;

  @Stored.text("Under ALLIANCE: the grade as the Alliance words it (kết quả đánh giá), if it gives one.", { nullable: true })
  grade: string | null;

  @Stored.enum(
    SizeClass,
    "Under DECREE_113_2024: the size class (quy mô), NOT_DETERMINED where the decree's thresholds are not known; null under the other rule sets.",
    { nullable: true },
  )
  sizeClass: SizeClass | null;

  @Stored.text("Why the organisation was not rated (lý do chưa xếp loại).", { nullable: true })
  notRatedReason: string | null;

  @Stored.boolean("True for illustrative demo data (dữ liệu minh họa), not published figures: the demo's assessments of 2025.")
  illustrative: boolean;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;

  @FieldOf.label(RATING_LABEL, "rating", "Rating in Vietnamese as the province reports it (xếp loại), e.g. Khá; null with no national rating.", {
    nullable: true,
  })
  ratingLabel: string | null;

  @FieldOf.label(SIZE_CLASS_LABEL, "sizeClass", "Size class in Vietnamese (quy mô), e.g. Siêu nhỏ or Chưa xác định; null without a size class.", {
    nullable: true,
  })
  sizeClassLabel: string | null;
}
