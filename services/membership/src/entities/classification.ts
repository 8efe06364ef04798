import { Field, Float, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { numericTransformer } from "@kttt/core";
import { ClassificationScheme, Rating, RATING_LABEL, SizeClass } from "../domain/enums";

@ObjectType({ description: "A year's classification of an organisation (phân loại, đánh giá): rating by score and size class." })
@Entity("classification")
export class Classification {
  @PrimaryColumn("uuid", { name: "organization_id" })
  organizationId: string;

  @Field(() => Int, { description: "Year assessed (năm đánh giá)." })
  @PrimaryColumn("integer")
  year: number;

  @Field(() => ClassificationScheme, { description: "Rule set applied (căn cứ đánh giá)." })
  @PrimaryColumn("text")
  scheme: ClassificationScheme;

  @Field(() => Float, { nullable: true, description: "Score out of 100 (điểm); null when not rated." })
  @Column("numeric", { precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  score: number | null;

  @Field(() => Rating, { description: "Rating (xếp loại)." })
  @Column("text")
  rating: Rating;

  @Field(() => SizeClass, { nullable: true, description: "Size class (quy mô), when assessed." })
  @Column("text", { name: "size_class", nullable: true })
  sizeClass: SizeClass | null;

  @Field(() => String, { nullable: true, description: "Why the organisation was not rated (lý do chưa xếp loại)." })
  @Column("text", { name: "not_rated_reason", nullable: true })
  notRatedReason: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;

  @Field({ description: "Rating in Vietnamese as the province reports it (xếp loại), e.g. Khá." })
  ratingLabel(): string {
    return RATING_LABEL[this.rating];
  }
}
