/**
 * The reference tracker's rules: for each person and job, which steps are done and what to do
 * next, and the tracker's forms and words. The list itself (its shape, stored-data check and
 * store) is people.ts. Files in and out (JSON export and import, CSV) are in reference-files.ts, which
 * the page loads only when someone uses them.
 *
 * Two readers of the same shape, on purpose:
 * - stored data (parseStoredTracker, in people.ts) is checked quickly: a bad entry is dropped and the
 *   rest kept, so one bad value never costs someone their whole list;
 * - an imported file (parseImport, in reference-files.ts) is read strictly: any problem refuses
 *   the whole file with a message that says what and where, and stored data is left as it was.
 * tests/unit/references.test.ts checks that the two agree, but for one thing: a far date (outside
 * the range in iso-date.ts) that an earlier version stored is kept, and the page says to change
 * it, while a file with one is refused.
 */
import { dateError, isIsoDate, type IsoDate } from "./dates.ts";
import { CHECK_IN_MONTHS, LIMITS, type PlanChannel } from "./outreach.ts";
import type { Reference, ReferenceRequest, TrackerData } from "./people.ts";
import { updateReference } from "./steps-done.ts";
import { timeline, type Repeat, type TimelineStep } from "./timeline.ts";
import {
  CHECK_IN,
  NEXT_STEP_LABELS,
  PLAN_CHANNEL_LABELS,
  REFERENCE_STEP_LABELS,
  type CheckIn,
  type ReferenceStep,
} from "./vocabulary.ts";

export { LIMITS, REFERENCES_VERSION } from "./outreach.ts";
// The list's shape and store are in people.ts, which template pages load without the rest.
export { setStepDone } from "./steps-done.ts";
export {
  createTrackerStore,
  emptyTracker,
  isRecord,
  newId,
  parseStoredTracker,
  REFERENCES_KEY,
  type Reference,
  type ReferenceRequest,
  type TrackerData,
} from "./people.ts";

/**
 * The tracker's words, from vocabulary.ts and below: the page passes them to the island as
 * props, so they travel in the HTML the page sends anyway, not in its JavaScript (the page's
 * budget in tests/build/build-output.test.ts).
 */
export interface TrackerWords {
  readonly channels: Readonly<Record<PlanChannel, string>>;
  /** A step once done: the tick boxes and the CSV's columns. */
  readonly done: Readonly<Record<ReferenceStep, string>>;
  /** A step still to do: the "Next:" line and the CSV. */
  readonly next: Readonly<Record<ReferenceStep | CheckIn, string>>;
  /** After the check-in's first day, before its last: the end a person can see. */
  readonly repeatsUntil: string;
  /** Instead of the next step, for a job with a date outside the range (see nextStep). */
  readonly outOfRange: string;
  /** Instead of a job that failed to show, whatever the reason. */
  readonly cannotShow: string;
  /** Instead of the whole tracker, should it fail: what still works. */
  readonly broken: string;
  /** The labels, hints and sentences of the forms and the file buttons. */
  readonly text: TrackerText;
}

export interface TrackerText {
  readonly nameMissing: string;
  readonly jobMissing: string;
  readonly dateMissing: string;
  readonly addLegend: string;
  readonly name: string;
  readonly relationship: string;
  readonly relationshipHint: string;
  readonly channel: string;
  readonly contact: string;
  readonly optional: string;
  readonly addReference: string;
  readonly addJobSummary: string;
  readonly job: string;
  readonly jobHint: string;
  readonly neededBy: string;
  readonly addJob: string;
  readonly noneYet: string;
  readonly keepHeading: string;
  readonly exportJson: string;
  readonly exportCsv: string;
  readonly importLabel: string;
  readonly importHint: string;
  readonly importRefused: string;
  /** After "Remove all 3 references from this device?". */
  readonly exportFirst: string;
  readonly forgetYes: string;
  readonly cancel: string;
  readonly forget: string;
  readonly forgotten: string;
  readonly notSaved: string;
  readonly write: string;
  readonly undo: string;
  readonly undone: string;
}

const TRACKER_TEXT: TrackerText = {
  nameMissing: "Enter their name.",
  jobMissing: "Enter the job, for example the role and the company.",
  dateMissing: "Enter the date the reference is needed by.",
  addLegend: "Add a reference",
  name: "Their name",
  relationship: "How you know them",
  relationshipHint: "For example: my manager at Acme, 2019 to 2022.",
  channel: "Best way to reach them",
  contact: "Their email, number or profile",
  optional: " (optional)",
  addReference: "Add reference",
  addJobSummary: "Add a job you need them for",
  job: "The job",
  jobHint: "The role and the company.",
  neededBy: "Needed by",
  addJob: "Add job",
  noneYet: "None yet.",
  keepHeading: "Keep a copy, move it or forget it",
  exportJson: "Export (.json)",
  exportCsv: "Export for a spreadsheet (.csv)",
  importLabel: "Import a file you exported (.json)",
  importHint: "Adds new references and updates changed ones. Removes nothing.",
  importRefused: "That file was not imported, and your list has not changed:",
  exportFirst: " Export first if you want a copy.",
  forgetYes: "Yes, forget them all",
  cancel: "Cancel",
  forget: "Forget all my references",
  forgotten: "Your references were removed from this device.",
  notSaved:
    "Your browser is not letting this page save. Your list stays until you leave; export it to keep it.",
  write: "Write it",
  undo: "Undo",
  undone: "Undone.",
};

export const TRACKER_WORDS: TrackerWords = {
  channels: PLAN_CHANNEL_LABELS,
  done: REFERENCE_STEP_LABELS,
  next: NEXT_STEP_LABELS,
  repeatsUntil: `then every ${CHECK_IN_MONTHS} months until`,
  // The range as YEARS (iso-date.ts) says it, which a test checks, written out: a template
  // literal with an imported value would keep these words in the page's JavaScript too.
  outOfRange:
    "A date for this job is outside the years 1900 to 2199, so its next step cannot be worked out. Remove this job and add it again with the right date.",
  cannotShow:
    "This job could not be shown. It is still saved: Export keeps it, and you can remove it and add it again.",
  broken:
    "Your references could not be shown. They are still saved on this device: export them to keep a copy, or forget them to start again.",
  text: TRACKER_TEXT,
};

export interface NextStep {
  readonly step: ReferenceStep | CheckIn;
  readonly date: IsoDate;
  readonly overdue: boolean;
  /** For the check-in: how it repeats, and when it ends. */
  readonly repeat?: Repeat | undefined;
}

/**
 * The day of every step of a request: the day it was ticked, or the day the timeline gives it
 * (timeline.ts, the planner's too). With nothing ticked, these are the planner's days for the
 * same date needed by.
 */
export function requestTimeline(request: ReferenceRequest, today: IsoDate): TimelineStep[] {
  return timeline({ situation: "reference", today, neededBy: request.date, done: request.done });
}

/**
 * The first step not yet done (the check-in, once all are), and the day to do it by; undefined
 * when the date needed by or a day ticked is outside the range (an earlier version stored such
 * dates), as no plan counts from them: the page says to change the date instead.
 */
export function nextStep(request: ReferenceRequest, today: IsoDate): NextStep | undefined {
  if (![request.date, ...Object.values(request.done)].every(isIsoDate)) return undefined;
  // A reference timeline has only reference steps and ends with the check-in, which is never
  // ticked: there always is a next step.
  const { step, date, repeat } = requestTimeline(request, today).find(
    (s) => s.step === CHECK_IN || !Object.hasOwn(request.done, s.step),
  ) as TimelineStep;
  return { step: step as ReferenceStep | CheckIn, date, overdue: date < today, repeat };
}

export interface ReferenceDetails {
  readonly name: string;
  readonly relationship: string;
  readonly channel: PlanChannel;
  readonly contact: string;
}

/**
 * What is missing from the add form, by field; empty when it can be saved. Length is not an
 * error: the inputs' maxLength stops typing at LIMITS, and addReference clips to them anyway.
 * `text` is TRACKER_WORDS.text, which the page passes to the island.
 */
export function referenceFormErrors(
  details: ReferenceDetails,
  text: Pick<TrackerText, "nameMissing">,
): Partial<Record<"name", string>> {
  return details.name.trim() === "" ? { name: text.nameMissing } : {};
}

/** What is wrong with a job to add, by field: no job, or no date in range (dates.ts's rule). */
export function requestFormErrors(
  job: string,
  date: string,
  text: Pick<TrackerText, "jobMissing" | "dateMissing">,
): Partial<Record<"job" | "date", string>> {
  const errors: Partial<Record<"job" | "date", string>> = {};
  if (job.trim() === "") errors.job = text.jobMissing;
  const dateWrong = dateError(date, text.dateMissing);
  if (dateWrong !== undefined) errors.date = dateWrong;
  return errors;
}

/** Trimmed and cut to its limit, so what is saved always passes the stored-data check. */
const clip = (text: string, max: number): string => text.trim().slice(0, max);

export function addReference(
  data: TrackerData,
  details: ReferenceDetails,
  id: string,
  now: Date,
): TrackerData {
  const reference: Reference = {
    id,
    name: clip(details.name, LIMITS.name),
    relationship: clip(details.relationship, LIMITS.relationship),
    channel: details.channel,
    contact: clip(details.contact, LIMITS.contact),
    requests: [],
    updated: now.toISOString(),
  };
  return { references: [...data.references, reference] };
}

export function removeReference(data: TrackerData, referenceId: string): TrackerData {
  return { references: data.references.filter((r) => r.id !== referenceId) };
}

export function addRequest(
  data: TrackerData,
  referenceId: string,
  request: { job: string; date: IsoDate },
  id: string,
  now: Date,
): TrackerData {
  return updateReference(data, referenceId, now, (r) => ({
    requests: [...r.requests, { id, job: clip(request.job, LIMITS.job), date: request.date, done: {} }],
  }));
}

export function removeRequest(
  data: TrackerData,
  referenceId: string,
  requestId: string,
  now: Date,
): TrackerData {
  return updateReference(data, referenceId, now, (r) => ({
    requests: r.requests.filter((q) => q.id !== requestId),
  }));
}
