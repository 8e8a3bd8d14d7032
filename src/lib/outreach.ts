/**
 * The numbers the planner and the reference tracker share: the timings from the content brief
 * (timeline.ts applies them) and the tracker's data format and limits. The ways to reach someone
 * and the steps' ids and labels are vocabulary (vocabulary.ts). A module of its own so each page
 * loads it as one small shared file, without the other page's code (each page has a JavaScript
 * budget; see tests/build/build-output.test.ts).
 */

export { PLAN_CHANNEL_LABELS, PLAN_CHANNELS, type PlanChannel } from "./vocabulary.ts";

/** Expect a reply within about 3 business days before a polite follow-up. */
export const FOLLOW_UP_BUSINESS_DAYS = 3;
/** Ask at least a week before the reference is needed... */
export const MIN_DAYS_NOTICE = 7;
/** ...and two weeks or more for a written letter. */
export const MIN_DAYS_NOTICE_LETTER = 14;
/** A quarterly check-in keeps a reference warm... */
export const CHECK_IN_MONTHS = 3;
/**
 * ...for a year: four check-ins, then the reminders stop. A reminder with no end is one people
 * learn to ignore, and the person can see when it ends.
 */
export const CHECK_IN_COUNT = 4;
/** How long after the reference date to send the outcome, if you have not heard sooner. */
export const OUTCOME_AFTER_DAYS = 14;
/** Reconnecting: a nudge a week after the first message, and a meeting suggested a week later. */
export const NUDGE_AFTER_BUSINESS_DAYS = 5;
export const MEET_AFTER_BUSINESS_DAYS = 5;

/**
 * The tracker's data format, stored and exported. Version history:
 * - 1: `{ references: Reference[] }` (see src/lib/references.ts), each request's `done` keyed by
 *   the ids in REFERENCE_STEPS (vocabulary.ts), which the planner uses too.
 */
export const REFERENCES_VERSION = 1;

/** Longest text per field and most entries, so a runaway paste or file cannot fill storage. */
export const LIMITS = {
  name: 200,
  relationship: 500,
  contact: 200,
  job: 300,
  references: 1000,
  requests: 100,
  /** An export of the largest list allowed is well under this. */
  fileBytes: 2_000_000,
} as const;

/** Ids are short and plain, so they are safe in element ids and file names. */
export const isId = (value: unknown): value is string =>
  typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value);
