/**
 * iCalendar files (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545) for the planner: one
 * all-day event per step, each with a reminder, so a plan can go into any calendar app.
 * Written by hand because the format is small and a library would not fit the page budget.
 */
import { addDays, compactDate, type IsoDate } from "./dates.ts";
import { stepEvent } from "./calendar-links.ts";
import type { Plan } from "./plan.ts";

// The repeat rule is written once, for the file and for the calendars' own links.
export { rrule } from "./calendar-links.ts";

export interface CalendarAlarm {
  /** A DURATION relative to the start, e.g. "PT9H" for 9:00 on the day (RFC 5545 §3.8.6.3). */
  readonly trigger: string;
  readonly description: string;
}

export interface CalendarEvent {
  /** Globally unique and stable, so importing again updates the event (RFC 5545 §3.8.4.7). */
  readonly uid: string;
  /** An all-day event on this date. */
  readonly date: IsoDate;
  readonly summary: string;
  readonly description?: string | undefined;
  /** An absolute address (RFC 5545 §3.8.4.6); not escaped, as URI values are not TEXT. */
  readonly url?: string | undefined;
  readonly alarm?: CalendarAlarm | undefined;
  /** An RRULE value such as "FREQ=MONTHLY;INTERVAL=3;COUNT=4" (RFC 5545 §3.3.10). */
  readonly rrule?: string | undefined;
}

export interface CalendarOptions {
  /** PRODID, e.g. "-//Reconnect Kit//Planner//EN" (RFC 5545 §3.7.3). */
  readonly prodId: string;
  /** The calendar's display name (RFC 7986 §5.1 NAME, and X-WR-CALNAME for older apps). */
  readonly name?: string | undefined;
  /** The moment the file is written, for DTSTAMP. Injected so tests are repeatable. */
  readonly now: Date;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, and
 * every line break (CRLF, LF or CR) becomes the two characters "\n". Other control characters
 * are not allowed in TEXT at all, so they are dropped. The backslash goes first so the
 * backslashes added for the others are not doubled.
 */
export function escapeText(value: string): string {
  return value
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ""); // eslint-disable-line no-control-regex
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, excluding the CRLF;
 * each continuation line starts with one space, which counts toward its 75. Octets are
 * counted in UTF-8 and the line is split only between characters, never inside one
 * ("a long line can be split between any two characters"; splitting a multi-octet UTF-8
 * sequence would leave invalid bytes on both lines).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** A DATE-TIME in UTC form, "20260611T093000Z" (RFC 5545 §3.3.5, FORM #2). */
export function utcDateTime(moment: Date): string {
  return (
    `${String(moment.getUTCFullYear()).padStart(4, "0")}${pad(moment.getUTCMonth() + 1)}${pad(moment.getUTCDate())}` +
    `T${pad(moment.getUTCHours())}${pad(moment.getUTCMinutes())}${pad(moment.getUTCSeconds())}Z`
  );
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    // UID and DTSTAMP are required in every VEVENT (§3.6.1).
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
    // An all-day event ends at the start of the next day (§3.6.1: DTEND is non-inclusive).
    `DTEND;VALUE=DATE:${compactDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url !== undefined) lines.push(`URL:${event.url.replace(/[\r\n]/g, "")}`);
  if (event.rrule !== undefined) lines.push(`RRULE:${event.rrule}`);
  // A reminder, not a meeting: show the day as free (§3.8.2.7).
  lines.push("TRANSP:TRANSPARENT");
  if (event.alarm !== undefined) {
    // ACTION:DISPLAY needs exactly these three properties (§3.6.6).
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `TRIGGER:${event.alarm.trigger}`,
      `DESCRIPTION:${escapeText(event.alarm.description)}`,
      "END:VALARM",
    );
  }
  lines.push("END:VEVENT");
  return lines;
}

/** A complete VCALENDAR (RFC 5545 §3.4, §3.6) with CRLF line ends and folded lines. */
export function writeCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const stamp = utcDateTime(options.now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${options.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (options.name !== undefined) {
    lines.push(`NAME:${escapeText(options.name)}`, `X-WR-CALNAME:${escapeText(options.name)}`);
  }
  for (const event of events) lines.push(...eventLines(event, stamp));
  lines.push("END:VCALENDAR");
  // Every content line, the last included, ends in CRLF (§3.1).
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** 9:00 on the day of an all-day event: the trigger is relative to its start at midnight. */
export const MORNING_TRIGGER = "PT9H";

export interface PlanCalendarOptions {
  readonly now: Date;
  /** The template page's absolute address. */
  readonly linkFor: (slug: string) => string;
  /** A domain for UIDs (RFC 5545 §3.8.4.7 suggests "unique-id@host"). */
  readonly domain: string;
  readonly prodId: string;
  readonly name: string;
}

/** The plan's events: one per step, each with a morning reminder; the check-in repeats. */
export function planEvents(
  plan: Plan,
  options: Pick<PlanCalendarOptions, "linkFor" | "domain">,
): CalendarEvent[] {
  return plan.steps.map((step) => {
    const link = options.linkFor(step.templateSlug);
    return {
      ...stepEvent(step, link),
      uid: `${plan.id}-${step.id}@${options.domain}`,
      url: link,
      alarm: { trigger: MORNING_TRIGGER, description: `Reminder: ${step.title}` },
    };
  });
}

export function planCalendar(plan: Plan, options: PlanCalendarOptions): string {
  return writeCalendar(planEvents(plan, options), {
    prodId: options.prodId,
    name: options.name,
    now: options.now,
  });
}
