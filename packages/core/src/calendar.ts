/**
 * "Today" for KTTT Graph is the calendar date in Hà Tĩnh, whatever zone the server runs in: a date
 * a user typed at 06:30 local time is not "in the future" because UTC is still on yesterday.
 */
import { badInput } from "./errors";

/** Hà Tĩnh's time zone (UTC+7 all year; Việt Nam keeps no daylight saving time). */
export const HA_TINH_TIME_ZONE = "Asia/Ho_Chi_Minh";

// en-CA writes dates as YYYY-MM-DD.
const LOCAL_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: HA_TINH_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The date (YYYY-MM-DD) in Hà Tĩnh at the instant `now`. */
export function today(now: Date = new Date()): string {
  return LOCAL_DATE.format(now);
}

/** The year in Hà Tĩnh at the instant `now`. */
export function currentYear(now: Date = new Date()): number {
  return Number(today(now).slice(0, 4));
}

/** Refuses a date after today in Hà Tĩnh: `what` names it in the message ("The joining date"). */
export function requireNotInFuture(date: string, field: string, what: string): void {
  if (date > today()) throw badInput(`${what} (${date}) cannot be in the future.`, field, "DATE_IN_FUTURE");
}
