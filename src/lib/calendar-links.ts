/**
 * "Add to Google Calendar" and "Add to Outlook" links for one all-day event. These exist beside
 * the .ics file because Google Calendar drops VALARM reminders when it imports a file, so for
 * many people the file's reminders never fire; an event made in the calendar's own form gets
 * that calendar's default reminder instead.
 *
 * Formats:
 * - Google: https://calendar.google.com/calendar/render?action=TEMPLATE with `text`, `details`,
 *   `dates=YYYYMMDD/YYYYMMDD` (an all-day event ends on the next day, exclusive) and
 *   `recur=RRULE:...`, as in Google's event publisher guide for "Add to calendar" buttons.
 * - Outlook on the web: /calendar/0/deeplink/compose with `path=/calendar/action/compose`,
 *   `rru=addevent`, `subject`, `body`, `startdt`/`enddt` as YYYY-MM-DD and `allday=true`.
 *   outlook.live.com serves personal accounts and outlook.office.com work and school ones.
 *   Outlook's link takes no repeat rule, so a repeating step says in its body how it repeats.
 *
 * Values are encoded with encodeURIComponent (spaces as %20, not "+"): both calendars decode
 * it, and no typed character can end a parameter or start another.
 */
import { addDays, compactDate, type IsoDate } from "./dates.ts";
import type { Repeat } from "./timeline.ts";
import type { PlanStep } from "./plan.ts";

/**
 * The RRULE for a step that repeats. COUNT, not UNTIL: it says how many times exactly, and needs
 * no time of day or zone (an UNTIL must match DTSTART's value type, RFC 5545 §3.3.10). The day
 * of the month exists in every month it repeats in: timeline.ts starts the check-in by the 28th.
 */
export function rrule(repeat: Repeat): string {
  return `FREQ=${repeat.frequency.toUpperCase()};INTERVAL=${repeat.interval};COUNT=${repeat.count}`;
}

export interface LinkableEvent {
  readonly date: IsoDate;
  readonly summary: string;
  readonly description?: string | undefined;
  /** An RRULE value such as "FREQ=MONTHLY;INTERVAL=3;COUNT=4" (RFC 5545 §3.3.10). */
  readonly rrule?: string | undefined;
  /** Said in words where a calendar's link cannot carry the rule. */
  readonly repeatsInWords?: string | undefined;
}

export type OutlookAccount = "personal" | "work";

const OUTLOOK_HOSTS: Readonly<Record<OutlookAccount, string>> = {
  personal: "https://outlook.live.com",
  work: "https://outlook.office.com",
};

function query(params: readonly (readonly [string, string | undefined])[]): string {
  return params
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined && pair[1] !== "")
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("&");
}

export function googleCalendarLink(event: LinkableEvent): string {
  const dates = `${compactDate(event.date)}/${compactDate(addDays(event.date, 1))}`;
  return `https://calendar.google.com/calendar/render?${query([
    ["action", "TEMPLATE"],
    ["text", event.summary],
    ["dates", dates],
    ["details", event.description],
    ["recur", event.rrule === undefined ? undefined : `RRULE:${event.rrule}`],
  ])}`;
}

export function outlookCalendarLink(event: LinkableEvent, account: OutlookAccount): string {
  const body = [event.description, event.repeatsInWords].filter((part) => part !== undefined && part !== "");
  return `${OUTLOOK_HOSTS[account]}/calendar/0/deeplink/compose?${query([
    ["path", "/calendar/action/compose"],
    ["rru", "addevent"],
    ["subject", event.summary],
    ["body", body.join("\n\n")],
    ["startdt", event.date],
    ["enddt", addDays(event.date, 1)],
    ["allday", "true"],
  ])}`;
}

/**
 * A plan step as an event: the same title, text and repeat in the .ics file (calendar.ts) and in
 * the calendars' own links. `templateUrl` is the step's template page, absolute.
 */
export function stepEvent(step: PlanStep, templateUrl: string, repeatsInWords?: string): LinkableEvent {
  return {
    date: step.date,
    summary: step.title,
    description: `${step.detail}\n\nTemplate: ${templateUrl}`,
    rrule: step.recurrence === undefined ? undefined : rrule(step.recurrence),
    repeatsInWords: step.recurrence === undefined ? undefined : repeatsInWords,
  };
}
