import { Field, Float, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { FieldOf, Stored } from "@kttt/core";
import { INDICATOR_LABEL, INDICATOR_UNIT, IndicatorUnit, PlanIndicator } from "../domain/enums";

@ObjectType({
  description: "The province's collective-economy development plan for a year (kế hoạch phát triển kinh tế tập thể năm), with targets and results.",
})
@Entity("development_plan")
export class DevelopmentPlan {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.int("The plan year (năm kế hoạch).")
  year: number;

  @Column("uuid", { name: "document_id" })
  documentId: string;

  @Stored.text("Title (tên kế hoạch).")
  title: string;

  @Stored.text("Remarks (ghi chú), e.g. where the figures come from.", { nullable: true })
  note: string | null;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;
}

/** A count or percentage of a plan: numeric(16, 2) as the migration declares it, null where the indicator is money. */
const PLAN_VALUE = { nullable: true, precision: 16, scale: 2 } as const;

@ObjectType({
  description:
    "One indicator of a plan (chỉ tiêu): the target and, once known, the actual result. Counts and percentages are in `target`/`actual`, money in `targetAmount`/`actualAmount`.",
})
@Entity("plan_target")
export class PlanTarget {
  @PrimaryColumn("uuid", { name: "plan_id" })
  planId: string;

  @Stored.enum(PlanIndicator, "The indicator (chỉ tiêu).", { primary: true })
  indicator: PlanIndicator;

  @Stored.decimal("Target as a count or a percentage 0–100 (kế hoạch); null for money indicators.", { ...PLAN_VALUE, column: "target_value" })
  target: number | null;

  @Stored.money("Target of a money indicator (kế hoạch), VND; null for the others.", { nullable: true })
  targetAmount: bigint | null;

  @Stored.decimal("Result as a count or a percentage 0–100 (thực hiện); null until reported or for money indicators.", {
    ...PLAN_VALUE,
    column: "actual_value",
  })
  actual: number | null;

  @Stored.money("Result of a money indicator (thực hiện), VND; null until reported.", { nullable: true })
  actualAmount: bigint | null;

  @Stored.text("Remarks (ghi chú), e.g. the source of the result.", { nullable: true })
  note: string | null;

  @FieldOf.label(INDICATOR_LABEL, "indicator", "Vietnamese name of the indicator (tên chỉ tiêu).")
  indicatorLabel: string;

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
