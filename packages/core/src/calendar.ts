/**
 * "Today" for KTTT Graph is the calendar date in Hà Tĩnh, whatever zone the server runs in: a date
 * a user typed at 06:30 local time is not "in the future" because UTC is still on yesterday.
 */
import { Max, Min } from "class-validator";
import { badInput } from "./errors";

/** Hà Tĩnh's time zone (UTC+7 all year; Việt Nam keeps no daylight saving time). */
export const HA_TINH_TIME_ZONE = "Asia/Ho_Chi_Minh";

// en-CA writes dates as YYYY-MM-DD.
const LOCAL_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: HA_TINH_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The date (YYYY-MM-DD) in Hà Tĩnh at the instant `now`. */
export function today(now: Date = new Date()): string {
  // Formatting is costly and asked for on every row of a batch: the answer is kept for the minute.
  // Hà Tĩnh's offset is a whole number of hours (UTC+7, no summer time), so its midnight starts a minute.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastMinute = minute;
    lastDate = LOCAL_DATE.format(now);
  }
  return lastDate;
}
let lastMinute = NaN;
let lastDate = "";

/** Adds calendar days (negative: subtracts) to a YYYY-MM-DD date; no time zone enters. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The year in Hà Tĩnh at the instant `now`. */
export function currentYear(now: Date = new Date()): number {
  return Number(today(now).slice(0, 4));
}

/** Refuses a date after today in Hà Tĩnh: `what` names it in the message ("The joining date"). */
export function requireNotInFuture(date: string, field: string, what: string): void {
  if (date > today()) throw badInput(`${what} (${date}) cannot be in the future.`, field, "DATE_IN_FUTURE");
}

/**
 * The years a figure, a report or a filter may name, in every subgraph: from 1990, so that the
 * collective-economy overview (one period answered by all four subgraphs, and membership's reports
 * of organisations founded in the 1990s) is never refused by one subgraph for a year another
 * accepts; to 2100, a guard against typing errors.
 */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;
const YEAR_MESSAGE = `year must be between ${FIRST_YEAR} and ${LAST_YEAR}.`;

/** Refuses a year outside FIRST_YEAR…LAST_YEAR (an argument; input fields use `@IsYearInRange()`). */
export function requireYearInRange(year: number, field: string): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw badInput(YEAR_MESSAGE, field, "YEAR_OUT_OF_RANGE");
}

/** class-validator: a year field of an input or filter within FIRST_YEAR…LAST_YEAR. */
export function IsYearInRange(): PropertyDecorator {
  const min = Min(FIRST_YEAR, { message: YEAR_MESSAGE });
  const max = Max(LAST_YEAR, { message: YEAR_MESSAGE });
  return (target, property) => {
    min(target, property);
    max(target, property);
  };
}
