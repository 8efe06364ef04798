/**
 * Which map of administrative units a breakdown by unit follows: the period's own, or today's 69 communes (a
 * re-cut). One enum for every subgraph, since federation requires a shared enum to be the same everywhere.
 */
import { Arg } from "type-graphql";
import { today } from "./calendar";
import { describedEnum, type EnumValue } from "./enums";

export const UnitMap = describedEnum("UnitMap", "Which map of administrative units a breakdown by unit follows (bản đồ hành chính).", {
  PERIOD: "The units in force on the period's date: the 13 districts for 2024, the 69 communes after 2025-07-01.",
  TODAY:
    "Today's 69 communes, for any period (re-cut): each record through its commune and the crosswalk; records of a split commune " +
    "(Kỳ Lợi, Đại Nài) or one whose successor is unknown (Trung Lộc, Phú Phong) fall in the group with a null key (unplaced).",
});
export type UnitMap = EnumValue<typeof UnitMap>;

/** The date whose map a breakdown by unit follows: the period's date, or today in Hà Tĩnh for a re-cut. */
export const unitMapDateOf = (unitMap: UnitMap | null | undefined, periodDate: string): string => (unitMap === UnitMap.TODAY ? today() : periodDate);

/**
 * The `unitMap` argument of a statistics query with `groupBy`: `period` says which date PERIOD follows, e.g.
 * "at the year's end, or today".
 */
export const UnitMapArg = (period = "at the year's end, or today") =>
  Arg("unitMap", () => UnitMap, {
    nullable: true,
    description: `With groupBy: ADMIN_UNIT, the map the groups follow; default PERIOD (the units in force ${period}).`,
  });
