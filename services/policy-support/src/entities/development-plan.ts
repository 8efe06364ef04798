import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, numericTransformer, VndScalar } from "@kttt/core";
import { INDICATOR_LABEL, INDICATOR_UNIT, IndicatorUnit, PlanIndicator } from "../domain/enums";

@ObjectType({
  description: "The province's collective-economy development plan for a year (kế hoạch phát triển kinh tế tập thể năm), with targets and results.",
})
@Entity("development_plan")
export class DevelopmentPlan {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field(() => Int, { description: "The plan year (năm kế hoạch)." })
  @Column("integer")
  year: number;

  @Column("uuid", { name: "document_id" })
  documentId: string;

  @Field({ description: "Title (tên kế hoạch)." })
  @Column("text")
  title: string;

  @Field(() => String, { nullable: true, description: "Remarks (ghi chú), e.g. where the figures come from." })
  @Column("text", { nullable: true })
  note: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;
}

@ObjectType({
  description:
    "One indicator of a plan (chỉ tiêu): the target and, once known, the actual result. Counts and percentages are in `target`/`actual`, money in `targetAmount`/`actualAmount`.",
})
@Entity("plan_target")
export class PlanTarget {
  @PrimaryColumn("uuid", { name: "plan_id" })
  planId: string;

  @Field(() => PlanIndicator, { description: "The indicator (chỉ tiêu)." })
  @PrimaryColumn("text")
  indicator: PlanIndicator;

  @Field(() => Float, { nullable: true, description: "Target as a count or a percentage 0–100 (kế hoạch); null for money indicators." })
  @Column("numeric", { name: "target_value", nullable: true, transformer: numericTransformer })
  target: number | null;

  @Field(() => VndScalar, { nullable: true, description: "Target of a money indicator (kế hoạch), VND; null for the others." })
  @Column("bigint", { name: "target_amount", nullable: true, transformer: bigintTransformer })
  targetAmount: bigint | null;

  @Field(() => Float, { nullable: true, description: "Result as a count or a percentage 0–100 (thực hiện); null until reported or for money indicators." })
  @Column("numeric", { name: "actual_value", nullable: true, transformer: numericTransformer })
  actual: number | null;

  @Field(() => VndScalar, { nullable: true, description: "Result of a money indicator (thực hiện), VND; null until reported." })
  @Column("bigint", { name: "actual_amount", nullable: true, transformer: bigintTransformer })
  actualAmount: bigint | null;

  @Field(() => String, { nullable: true, description: "Remarks (ghi chú), e.g. the source of the result." })
  @Column("text", { nullable: true })
  note: string | null;

  @Field({ description: "Vietnamese name of the indicator (tên chỉ tiêu)." })
  indicatorLabel(): string {
    return INDICATOR_LABEL[this.indicator];
  }

  @Field(() => IndicatorUnit, { description: "Unit of the indicator (đơn vị tính)." })
  unit(): IndicatorUnit {
    return INDICATOR_UNIT[this.indicator];
  }

  @Field(() => Float, { nullable: true, description: "Result over target, e.g. 0.86 for 86% (tỷ lệ đạt); null until reported or when the target is 0." })
  achievementRate(): number | null {
    const [target, actual] =
      this.targetAmount !== null ? [Number(this.targetAmount), this.actualAmount === null ? null : Number(this.actualAmount)] : [this.target, this.actual];
    if (actual === null || !target) return null;
    return Math.round((actual / target) * 10_000) / 10_000;
  }

  @Field(() => Boolean, {
    nullable: true,
    description: "True when the result reached the target (đạt); null until reported. Every indicator here is 'higher is better'.",
  })
  achieved(): boolean | null {
    if (this.targetAmount !== null) return this.actualAmount === null ? null : this.actualAmount >= this.targetAmount;
    return this.actual === null || this.target === null ? null : this.actual >= this.target;
  }
}
