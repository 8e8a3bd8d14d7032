import { afterEach, describe, expect, test } from "vitest";
import {
  addBusinessDays,
  addDays,
  addMonths,
  compactDate,
  dateError,
  daysBetween,
  FIRST_DATE,
  LAST_DATE,
  YEARS,
  firstBusinessDay,
  formatLongDate,
  isIsoDate,
  isWeekend,
  localToday,
  todayInTimeZone,
  toUtcMs,
  weekday,
} from "../../src/lib/dates.ts";
import { formatDateInWords } from "../../src/lib/fields.ts";

describe("isIsoDate", () => {
  test.each<[unknown, boolean]>([
    ["2026-06-12", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-04-31", false],
    ["2026-6-12", false],
    ["12/06/2026", false],
    ["2026-06-12T00:00", false],
    ["", false],
    [20260612, false],
    [undefined, false],
    // The range: 1900 through 2199, and nothing a date field or a file can hold beyond it.
    ["1900-01-01", true],
    ["2199-12-31", true],
    ["1899-12-31", false],
    ["2200-01-01", false],
    ["9999-12-31", false],
    ["9999-09-30", false],
    ["0000-01-01", false],
    ["0026-06-12", false],
    ["-0001-01-01", false],
    ["-002026-06-12", false],
    ["+002026-06-12", false],
    ["275760-09-13", false],
    ["10000-01-01", false],
    ["\uFF12\uFF10\uFF12\uFF16-06-12", false], // full-width digits
    ["\u0662\u0660\u0662\u0666-06-12", false], // Arabic-Indic digits
    [" 2026-06-12", false],
    ["2026-06-12\n", false],
    [1e308, false],
  ])("%j → %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

test("the range in words is the range, and its ends are its first and last days", () => {
  expect(YEARS).toBe(`${FIRST_DATE.slice(0, 4)} to ${LAST_DATE.slice(0, 4)}`);
  expect([FIRST_DATE, LAST_DATE].map(isIsoDate)).toEqual([true, true]);
  expect([addDays(FIRST_DATE, -1), addDays(LAST_DATE, 1)].map(isIsoDate)).toEqual([false, false]);
});

describe("dateError says what a date field needs", () => {
  test.each([
    ["", "Enter the day."],
    ["  ", "Enter the day."],
    ["9999-12-31", "Enter a date from 1900 to 2199."],
    ["275760-09-13", "Enter a date from 1900 to 2199."],
    ["0000-01-01", "Enter a date from 1900 to 2199."],
    ["2200-01-01", "Enter a date from 1900 to 2199."],
    // Not from a date field, which only holds real dates, but from storage: still a date to enter.
    ["2026-02-30", "Enter a date from 1900 to 2199."],
  ])("dateError for %j", (value, message) => {
    expect(dateError(value, "Enter the day.")).toBe(message);
  });

  test("a date in range has no error", () => {
    expect(dateError("2026-06-12", "Enter the day.")).toBeUndefined();
  });
});

describe("addDays", () => {
  test.each([
    ["2026-06-12", 1, "2026-06-13"],
    ["2026-06-30", 1, "2026-07-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-06-12", 0, "2026-06-12"],
    // Across the spring and autumn clock changes in Europe and the US: still whole days.
    ["2026-03-28", 2, "2026-03-30"],
    ["2026-03-07", 2, "2026-03-09"],
    ["2026-10-24", 2, "2026-10-26"],
  ])("%s + %i = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test("throws on a date that does not exist", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(/Not a calendar date/);
  });
});

describe("weekday and isWeekend", () => {
  test.each([
    ["2026-06-12", 5, false], // Friday
    ["2026-06-13", 6, true],
    ["2026-06-14", 0, true],
    ["2026-06-15", 1, false],
  ])("%s is day %i (weekend: %s)", (date, day, weekend) => {
    expect(weekday(date)).toBe(day);
    expect(isWeekend(date)).toBe(weekend);
  });
});

describe("addBusinessDays skips Saturdays and Sundays", () => {
  test.each([
    ["Monday + 3 is Thursday", "2026-06-08", 3, "2026-06-11"],
    ["Wednesday + 3 is Monday", "2026-06-10", 3, "2026-06-15"],
    ["Friday + 3 is Wednesday", "2026-06-12", 3, "2026-06-17"],
    ["Friday + 1 is Monday", "2026-06-12", 1, "2026-06-15"],
    ["Saturday + 1 is Monday", "2026-06-13", 1, "2026-06-15"],
    ["Sunday + 3 is Wednesday", "2026-06-14", 3, "2026-06-17"],
    ["Monday + 5 is next Monday", "2026-06-08", 5, "2026-06-15"],
    ["Monday + 10 is two weeks on", "2026-06-08", 10, "2026-06-22"],
    ["0 leaves a weekday alone", "2026-06-10", 0, "2026-06-10"],
    ["0 leaves a Saturday alone", "2026-06-13", 0, "2026-06-13"],
    ["Monday - 1 is Friday", "2026-06-15", -1, "2026-06-12"],
    ["Sunday - 1 is Friday", "2026-06-14", -1, "2026-06-12"],
    ["Wednesday - 3 is Friday", "2026-06-17", -3, "2026-06-12"],
    ["over New Year", "2026-12-31", 2, "2027-01-04"],
  ])("%s", (_name, date, days, expected) => {
    expect(addBusinessDays(date, days)).toBe(expected);
    expect(isWeekend(addBusinessDays(date, days)) && days !== 0).toBe(false);
  });

  test("throws on a bad date even when adding nothing", () => {
    expect(() => addBusinessDays("2026-02-30", 0)).toThrow(RangeError);
  });
});

test.each([
  ["a Friday stays", "2026-06-12", "2026-06-12"],
  ["a Saturday moves to Monday", "2026-06-13", "2026-06-15"],
  ["a Sunday moves to Monday", "2026-06-14", "2026-06-15"],
  ["a Saturday at New Year moves into the new year", "2022-12-31", "2023-01-02"],
])("firstBusinessDay: %s", (_name, date, expected) => {
  expect(firstBusinessDay(date)).toBe(expected);
});

describe("addMonths", () => {
  test.each([
    ["2026-06-12", 3, "2026-09-12"],
    ["2026-11-15", 3, "2027-02-15"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-05-31", 12, "2027-05-31"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe("daysBetween", () => {
  test.each([
    ["2026-06-12", "2026-06-12", 0],
    ["2026-06-12", "2026-06-13", 1],
    ["2026-06-13", "2026-06-12", -1],
    ["2026-03-01", "2026-04-01", 31],
    ["2026-12-31", "2027-01-01", 1],
    ["2026-03-28", "2026-03-30", 2], // a 47-hour weekend in Europe is still 2 days
  ])("%s → %s is %i", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe("todayInTimeZone and localToday read the wall clock, not UTC", () => {
  test.each([
    // 23:30 in Los Angeles is already the next day in UTC.
    ["late evening in Los Angeles", "2026-06-12T06:30:00Z", "America/Los_Angeles", "2026-06-11"],
    ["just before midnight in New York", "2026-06-13T03:59:59Z", "America/New_York", "2026-06-12"],
    ["just after midnight in New York", "2026-06-13T04:00:00Z", "America/New_York", "2026-06-13"],
    // 08:00 in Auckland is still the previous day in UTC.
    ["early morning in Auckland", "2026-06-11T20:00:00Z", "Pacific/Auckland", "2026-06-12"],
    ["Kiritimati, 14 hours ahead", "2026-06-11T10:00:00Z", "Pacific/Kiritimati", "2026-06-12"],
    ["Baker Island time, 12 hours behind", "2026-06-12T11:59:00Z", "Etc/GMT+12", "2026-06-11"],
    ["India's half-hour offset", "2026-06-11T18:45:00Z", "Asia/Kolkata", "2026-06-12"],
    ["UTC itself", "2026-06-12T23:59:59Z", "UTC", "2026-06-12"],
    ["New Year's Eve in Honolulu", "2027-01-01T09:00:00Z", "Pacific/Honolulu", "2026-12-31"],
  ])("%s", (_name, instant, timeZone, expected) => {
    expect(todayInTimeZone(new Date(instant), timeZone)).toBe(expected);
  });

  const originalTz = process.env["TZ"];
  afterEach(() => {
    if (originalTz === undefined) delete process.env["TZ"];
    else process.env["TZ"] = originalTz;
  });

  test.each([
    ["America/Los_Angeles", "2026-06-11"],
    ["Pacific/Auckland", "2026-06-12"],
  ])("without a time zone it uses the runtime's own (%s)", (timeZone, expected) => {
    // Node re-reads TZ when it changes, as a browser uses the device's zone.
    process.env["TZ"] = timeZone;
    expect(localToday(new Date("2026-06-11T22:30:00Z"))).toBe(expected);
  });
});

describe("formatLongDate", () => {
  test.each([
    ["2026-12-11", "en-GB", "Friday, 11 December 2026"],
    ["2026-12-11", "en-US", "Friday, December 11, 2026"],
    ["2027-01-01", "de-DE", "Freitag, 1. Januar 2027"],
  ])("%s in %s is %s", (date, locale, expected) => {
    expect(formatLongDate(date, locale)).toBe(expected);
  });

  test("never shows the day before west of Greenwich", () => {
    const original = process.env["TZ"];
    process.env["TZ"] = "America/Los_Angeles";
    try {
      expect(formatLongDate("2026-06-12", "en-GB")).toBe("Friday, 12 June 2026");
    } finally {
      if (original === undefined) delete process.env["TZ"];
      else process.env["TZ"] = original;
    }
  });
});

describe("one date rule for the planner and for dates typed into a template", () => {
  test.each<[string, string | undefined]>([
    // en-GB puts no comma after the weekday when there is no year (ICU's pattern, as before).
    ["2026-12-11", "Friday 11 December"],
    ["2028-02-29", "Tuesday 29 February"],
    ["1900-01-01", "Monday 1 January"],
    ["2199-12-31", "Tuesday 31 December"],
    // Out of range: a template shows it as typed, like any value that is not a date.
    ["0099-01-01", undefined],
    ["9999-12-31", undefined],
    ["275760-09-13", undefined],
    ["2026-02-29", undefined],
    ["2026-04-31", undefined],
    ["2026-13-01", undefined],
    ["2026-6-1", undefined],
    ["11/12/2026", undefined],
    ["2026-12-11T00:00", undefined],
    ["", undefined],
  ])("%j", (value, words) => {
    expect(formatDateInWords(value, "en-GB")).toBe(words);
    expect(isIsoDate(value)).toBe(words !== undefined);
  });

  test("formatDateInWords reads the same in en-US as before", () => {
    expect(formatDateInWords("2026-12-11", "en-US")).toBe("Friday, December 11");
  });

  test("a date is UTC midnight, wherever the reader is", () => {
    expect(toUtcMs("2026-12-11")).toBe(Date.UTC(2026, 11, 11));
  });
});

test("compactDate gives the RFC 5545 DATE form", () => {
  expect(compactDate("2026-06-12")).toBe("20260612");
});
