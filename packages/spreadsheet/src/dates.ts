/**
 * Dates as Vietnamese sheets carry them: day first ("24/2/2023", "24-02-2023", "ngày 24 tháng 2 năm
 * 2023"), ISO, or an Excel date serial. Never read month first; never accept a day that does not exist.
 */
import { foldText } from "@kttt/core";

export type DateReading = { ok: true; value: string } | { ok: false; reason: string };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The ISO date of a day that exists in 1900–2100, else null (no Date built: a register has one per row). */
function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, with Lotus's phantom 29 February 1900 (serial 60). */
export function dateOfExcelSerial(serial: number): DateReading {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 73050) return { ok: false, reason: `${serial} is not a date (as an Excel date serial it falls outside 1900–2100)` };
  if (whole === 60) return { ok: false, reason: "Excel's serial 60 is 29/02/1900, a day that did not exist" };
  const epoch = Date.UTC(1899, 11, whole > 60 ? 30 : 31);
  return { ok: true, value: new Date(epoch + whole * 86_400_000).toISOString().slice(0, 10) };
}

/** A JS Date as exceljs gives a date-formatted cell: the calendar day it names, in UTC. */
export function dateOfCellDate(value: Date): DateReading {
  if (Number.isNaN(value.getTime())) return { ok: false, reason: "the cell holds an invalid date" };
  const iso = isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  return iso ? { ok: true, value: iso } : { ok: false, reason: `${value.toISOString().slice(0, 10)} is outside 1900–2100` };
}

/** A date as most sheets write it, digits and separators only: nothing to fold. */
const PLAIN_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\s*$/u;

export function readDateText(raw: string): DateReading {
  let m = PLAIN_DATE.exec(raw);
  const text = m ? "" : foldText(raw).replace(/\s+/gu, " ").trim();
  if (!m) m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})$/u.exec(text);
  if (!m) m = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{2,4})$/u.exec(text);
  if (m) {
    if (m[3].length !== 4) return { ok: false, reason: `"${raw}" has a two-digit year: write the year in full (dd/mm/yyyy)` };
    const iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
    return iso ? { ok: true, value: iso } : { ok: false, reason: `"${raw}" is not a date that exists (day/month/year)` };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  if (iso) {
    const value = isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return value ? { ok: true, value } : { ok: false, reason: `"${raw}" is not a date that exists` };
  }
  if (/^\d+$/u.test(text)) return dateOfExcelSerial(Number(text));
  return { ok: false, reason: `"${raw}" is not a date: write it dd/mm/yyyy, e.g. 24/02/2023` };
}
