/**
 * The shape every subgraph's statistics share (thống kê): the statistics of a year or a date, broken down on
 * request into groups, each with the same figures as the whole province. A subgraph declares its figures, then
 * its group (`StatisticsGroupOf`) and its statistics (`StatisticsOf`), each extended with `@ObjectType` (its name
 * and description) and what only it has; the descriptions that differ between subgraphs are the builders' arguments.
 */
import { ObjectType, type ClassType } from "type-graphql";
import { decorate } from "./input-fields";
import { FieldOf } from "./stored-fields";

/**
 * One group of a breakdown: `key` (described by `key`: what the keys are, and when it is null), `label`, the
 * administrative unit when grouped by unit (an `adminUnit` field of type `unit`, for a subgraph that sets it
 * with the group; another resolves its own after the figures) and the group's `figures`.
 */
export function StatisticsGroupOf<F extends object, U extends object = never>(figures: ClassType<F>, key: string, unit?: ClassType<U>) {
  @ObjectType()
  abstract class StatisticsGroup {
    @FieldOf.text(key, { nullable: true })
    key: string | null;

    @FieldOf.text("Vietnamese label of the group (tên nhóm).")
    label: string;

    @decorate(...(unit ? [FieldOf.of(unit, "The administrative unit, when grouped by unit.", { nullable: true })] : []))
    adminUnit?: U | null;

    @FieldOf.of(figures, "The group's figures.")
    figures: F;
  }
  return StatisticsGroup;
}

/** What `StatisticsOf` is told besides the types: the descriptions that differ between subgraphs. */
export interface StatisticsOptions {
  /** The `year` field, for the statistics of a year. */
  year?: string;
  /** The `asOf` field, for statistics on a date. */
  asOf?: string;
  /** The `unitMapDate` field, where it says more than which map the groups follow. */
  unitMapDate?: string;
  /** The `groups` field: their order, and what adds up to the total. */
  groups: string;
}

/**
 * Statistics: the year (`options.year`) and the date (`options.asOf`) they are of, where the subgraph has them,
 * the breakdown asked for (`groupBy`, of the enum `groupBy`), the date of the map the groups follow, the province's
 * figures (`total`) and the groups (`group`, from `StatisticsGroupOf`).
 */
export function StatisticsOf<F extends object, G extends object, B extends object, O extends StatisticsOptions>(
  figures: ClassType<F>,
  group: ClassType<G>,
  groupBy: B,
  options: O,
) {
  @ObjectType()
  abstract class Statistics {
    @decorate(...(options.year === undefined ? [] : [FieldOf.int(options.year)]))
    year: number;

    @decorate(...(options.asOf === undefined ? [] : [FieldOf.date(options.asOf)]))
    asOf: string;

    @FieldOf.of(groupBy, "The breakdown asked for.", { nullable: true })
    groupBy: B[keyof B] | null;

    @FieldOf.date(options.unitMapDate ?? "When grouped by unit: the date whose map of units the groups follow (bản đồ ngày).", { nullable: true })
    unitMapDate: string | null;

    @FieldOf.of(figures, "Figures for the whole province (toàn tỉnh).")
    total: F;

    @FieldOf.of([group], options.groups)
    groups: G[];
  }
  // `year` and `asOf` only where the subgraph's statistics have them.
  return Statistics as abstract new () => Omit<Statistics, Exclude<"year" | "asOf", keyof O>>;
}
