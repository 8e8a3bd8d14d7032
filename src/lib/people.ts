/**
 * The people you write to and, for each, the jobs you need them for: the tracker's list, which
 * every template page reads too, so a person's details typed once fill every message to them.
 * Your own details stay in the profile (profile.ts); which person you are writing to is the
 * profile's `writingTo` entry, so it follows you from page to page and tab to tab.
 *
 * This file is the list's shape, its stored-data check, its store and the rules that move
 * details between a template's fields and a person. What the tracker shows (next steps, forms,
 * words) is in references.ts, which template pages do not load.
 */
import type { IsoDate } from "./dates.ts";
import { toUtcMs } from "./iso-date.ts";
import { isFieldId } from "./ids.ts";
import { isId, LIMITS, PLAN_CHANNELS, REFERENCES_VERSION, type PlanChannel } from "./outreach.ts";
import { getValue, MAX_VALUE_LENGTH, setValue, type ProfileValues } from "./profile.ts";
import { createVersionedStore, type KeyValueStorage, type VersionedStore } from "./storage.ts";
import { ADDRESS_FIELDS, REFERENCE_STEPS, type ReferenceStep } from "./vocabulary.ts";

export interface ReferenceRequest {
  readonly id: string;
  /** The role and company, as the person wrote it. */
  readonly job: string;
  /** The date the reference is needed by. */
  readonly date: IsoDate;
  /** The day each finished step was ticked, by the step's id (vocabulary.ts). */
  readonly done: Readonly<Partial<Record<ReferenceStep, IsoDate>>>;
}

export interface Reference {
  readonly id: string;
  readonly name: string;
  /** How you know them, e.g. "My manager at Acme, 2019-2022". */
  readonly relationship: string;
  readonly channel: PlanChannel;
  /** Their address, number or profile for that channel; optional. */
  readonly contact: string;
  readonly requests: readonly ReferenceRequest[];
  /**
   * The rest of what a template may say about them, by field id (`about: them` in
   * src/content/fields.yaml): where and when you worked together, their email and phone when
   * `contact` is for another channel, their current title, notes. Absent in lists stored before
   * people were kept this way.
   */
  readonly details?: Readonly<Record<string, string>>;
  /** When this reference last changed (ISO 8601 in UTC); the newer copy wins a merge. */
  readonly updated: string;
}

export interface TrackerData {
  readonly references: readonly Reference[];
}

export const REFERENCES_KEY = "reconnect-kit:references";
export const emptyTracker = (): TrackerData => ({ references: [] });

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === "string" && value.length <= max;

/** Keeps the first of each id, so a list never shows the same entry twice. */
function uniqueIds<T extends { id: string }>(list: readonly T[]): T[] {
  return list.filter((item, index) => list.findIndex((other) => other.id === item.id) === index);
}

/**
 * Any real YYYY-MM-DD date, in range or not: an earlier version stored far dates (9999-12-31)
 * and then could not show its page. Kept, so nothing stored is lost; nextStep says to change it.
 */
const isStoredDate = (value: unknown): value is IsoDate =>
  typeof value === "string" && toUtcMs(value) !== undefined;

function storedRequest(value: unknown): ReferenceRequest | undefined {
  if (!isRecord(value)) return undefined;
  const { id, job, date, done } = value;
  const steps = isRecord(done) ? Object.entries(done) : undefined;
  const valid =
    isId(id) &&
    isText(job, LIMITS.job) &&
    job.trim() !== "" &&
    isStoredDate(date) &&
    steps?.every(([step, day]) => (REFERENCE_STEPS as readonly string[]).includes(step) && isStoredDate(day));
  return valid ? { id, job, date, done: Object.fromEntries(steps ?? []) } : undefined;
}

function validDetails(details: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(details).filter(
      (entry): entry is [string, string] =>
        isFieldId(entry[0]) && typeof entry[1] === "string" && entry[1].length <= MAX_VALUE_LENGTH,
    ),
  );
}

function storedReference(value: unknown): Reference | undefined {
  if (!isRecord(value)) return undefined;
  const { id, name, relationship, channel, contact, requests, updated, details } = value;
  const valid =
    isId(id) &&
    isText(name, LIMITS.name) &&
    name.trim() !== "" &&
    isText(relationship, LIMITS.relationship) &&
    isText(contact, LIMITS.contact) &&
    (PLAN_CHANNELS as readonly unknown[]).includes(channel) &&
    typeof updated === "string" &&
    Array.isArray(requests);
  if (!valid) return undefined;
  const kept = requests.slice(0, LIMITS.requests).map(storedRequest);
  return {
    id,
    name,
    relationship,
    channel: channel as PlanChannel,
    contact,
    requests: uniqueIds(kept.filter((r) => r !== undefined)),
    updated,
    ...(isRecord(details) ? { details: validDetails(details) } : {}),
  };
}

/**
 * For createVersionedStore: checks stored data, which this code wrote in full (an import is
 * checked strictly, with messages, before it is stored: see reference-files.ts). A broken
 * reference or request is dropped and the rest kept, so one bad value never costs someone
 * their whole list.
 */
export function parseStoredTracker(data: unknown, version: number): TrackerData | undefined {
  if (version < 1 || version > REFERENCES_VERSION || !isRecord(data) || !Array.isArray(data["references"])) {
    return undefined;
  }
  const kept = data["references"].slice(0, LIMITS.references).map(storedReference);
  return { references: uniqueIds(kept.filter((r) => r !== undefined)) };
}

/**
 * The list as entries that tabs merge one by one (storage.ts): each reference's details, as
 * "r" and its id, and each of its jobs, as "q", the reference's id, "/" and the job's id. So
 * ticking a step in one tab and adding a job or a reference in another both stay.
 */
function trackerEntries(data: TrackerData): [string, unknown][] {
  return data.references.flatMap((reference) => [
    [`r${reference.id}`, { ...reference, requests: [] }],
    ...reference.requests.map((request): [string, unknown] => [`q${reference.id}/${request.id}`, request]),
  ]);
}

/** The list from its entries, in their order; a job whose reference was removed goes with it. */
function trackerFromEntries(list: [string, unknown][]): TrackerData {
  const jobs = new Map<string, ReferenceRequest[]>();
  const references: Reference[] = [];
  for (const [name, value] of list) {
    if (name[0] !== "r") continue;
    const requests: ReferenceRequest[] = [];
    jobs.set(name.slice(1), requests);
    references.push({ ...(value as Reference), requests });
  }
  for (const [name, value] of list)
    if (name[0] === "q") jobs.get(name.slice(1, name.indexOf("/")))?.push(value as ReferenceRequest);
  return { references };
}

export function createTrackerStore(storage: () => KeyValueStorage | undefined): VersionedStore<TrackerData> {
  return createVersionedStore<TrackerData>({
    key: REFERENCES_KEY,
    version: REFERENCES_VERSION,
    parse: parseStoredTracker,
    entries: trackerEntries,
    build: trackerFromEntries,
    storage,
  });
}

/**
 * A new id: the time and a random part in base 36. Ids only need to be unique within one
 * person's list and its exports, so this needs no cryptographic randomness (and works on plain
 * http, where crypto.randomUUID does not exist).
 */
export function newId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

/** The profile entry that holds the id of the person being written to; absent for someone new. */
export const WRITING_TO = "writingTo";

/** The person to write to, by id, in a template page's address: the tracker's "Write it" links. */
export const PERSON_PARAMETER = "writingTo";

/** Their name, and how you know them: kept as the reference's own name and relationship. */
const NAME = "theirName";
const RELATIONSHIP = "relationship";

/** Your details and your people, as a page holds them. */
export interface Details {
  readonly profile: ProfileValues;
  readonly tracker: TrackerData;
}

export function chosenPerson({ profile, tracker }: Details): Reference | undefined {
  const id = getValue(profile, WRITING_TO);
  return id === "" ? undefined : tracker.references.find((r) => r.id === id);
}

/** A person's details as template fields. */
export function personValues(person: Reference): ProfileValues {
  const values: Record<string, string> = { [NAME]: person.name, [RELATIONSHIP]: person.relationship };
  const contactField = ADDRESS_FIELDS[person.channel];
  if (contactField !== undefined) values[contactField] = person.contact;
  // Details come last: a name cleared while typing is kept there as "" until a new one is typed.
  return Object.fromEntries(
    Object.entries({ ...values, ...person.details }).filter(([, value]) => value !== ""),
  );
}

/**
 * What a template shows: your details, with the person's in place of the fields about them (the
 * profile's own are someone new's, not yet a person). `personFields` is every field whose
 * registry entry says `about: them`.
 */
export function shownValues(details: Details, personFields: readonly string[]): ProfileValues {
  const person = chosenPerson(details);
  const own = Object.entries(details.profile).filter(
    ([id]) => id !== WRITING_TO && (person === undefined || !personFields.includes(id)),
  );
  return { ...Object.fromEntries(own), ...(person === undefined ? {} : personValues(person)) };
}

/** One detail of a person set: to its own field of the reference when it has one. */
function withPersonValue(person: Reference, id: string, value: string, now: Date): Reference {
  const trimmed = value.trim();
  const rest = Object.fromEntries(Object.entries(person.details ?? {}).filter(([key]) => key !== id));
  const changed: Partial<Reference> =
    id === NAME && trimmed !== ""
      ? { name: trimmed.slice(0, LIMITS.name) }
      : id === NAME
        ? // The name is required: a cleared one stays until a new one is typed.
          { details: { ...rest, [id]: "" } }
        : id === RELATIONSHIP
          ? { relationship: value.slice(0, LIMITS.relationship) }
          : id === ADDRESS_FIELDS[person.channel]
            ? { contact: trimmed.slice(0, LIMITS.contact) }
            : { details: trimmed === "" ? rest : { ...rest, [id]: value } };
  const details = changed.details ?? (id === NAME ? rest : person.details);
  return {
    ...person,
    ...changed,
    ...(details === undefined ? {} : { details }),
    updated: now.toISOString(),
  };
}

function replacePerson(tracker: TrackerData, person: Reference): TrackerData {
  const found = tracker.references.some((r) => r.id === person.id);
  return {
    references: found
      ? tracker.references.map((r) => (r.id === person.id ? person : r))
      : [...tracker.references, person],
  };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Someone new becomes a person once they have a name: the fields about them move from the
 * profile to the person with that name, or to a new one, who is then the person being written
 * to. This is also how details stored before people were kept apart migrate: the one "Their
 * name" becomes the first person, with nothing lost.
 */
export function adoptSomeoneNew(
  details: Details,
  personFields: readonly string[],
  id: string,
  now: Date,
): Details {
  const name = getValue(details.profile, NAME).trim();
  if (name === "" || details.tracker.references.length >= LIMITS.references) return details;
  const existing = details.tracker.references.find((r) => sameName(r.name, name));
  let person: Reference = existing ?? {
    id,
    name: name.slice(0, LIMITS.name),
    relationship: "",
    channel: "email",
    contact: "",
    requests: [],
    updated: now.toISOString(),
  };
  let profile = details.profile;
  for (const field of personFields) {
    const value = getValue(profile, field);
    if (value === "") continue;
    if (field !== NAME) person = withPersonValue(person, field, value, now);
    profile = setValue(profile, field, "");
  }
  return {
    profile: setValue(profile, WRITING_TO, person.id),
    tracker: replacePerson(details.tracker, person),
  };
}

/**
 * A field typed on a template page: about the person being written to, it changes that person;
 * otherwise it is yours, or someone new's until their name is done (adoptSomeoneNew: when the
 * name field is left, or another person chosen), so a half-typed "D" never becomes a person.
 */
export function withValue(
  details: Details,
  personFields: readonly string[],
  field: string,
  value: string,
  now: Date,
): Details {
  const person = chosenPerson(details);
  if (person !== undefined && personFields.includes(field)) {
    return {
      ...details,
      tracker: replacePerson(details.tracker, withPersonValue(person, field, value, now)),
    };
  }
  return { ...details, profile: setValue(details.profile, field, value) };
}

/**
 * Writing to someone else: a person by id, or someone new (undefined). Someone new being typed
 * becomes a person first, so switching loses nobody's details.
 */
export function choosePerson(
  details: Details,
  id: string | undefined,
  personFields: readonly string[],
  newPersonId: string,
  now: Date,
): Details {
  const kept = adoptSomeoneNew(details, personFields, newPersonId, now);
  return { ...kept, profile: setValue(kept.profile, WRITING_TO, id ?? "") };
}

/**
 * Who the quick start's "Who is it?" names: the person of that name, or someone new with it, who
 * is then written to; never a rename of the person chosen before.
 */
export function writeTo(
  details: Details,
  personFields: readonly string[],
  name: string,
  id: string,
  now: Date,
): Details {
  const before = choosePerson(details, undefined, personFields, `${id}-0`, now);
  return adoptSomeoneNew({ ...before, profile: setValue(before.profile, NAME, name) }, personFields, id, now);
}

/**
 * The reference steps a template serves (the planner's, plan.ts) that the person still has to
 * do for a job, first job first: what "Mark as sent" ticks.
 */
export function stepToMark(
  person: Reference,
  serves: readonly ReferenceStep[],
): { readonly request: string; readonly step: ReferenceStep } | undefined {
  for (const request of person.requests)
    for (const step of REFERENCE_STEPS)
      if (serves.includes(step) && !Object.hasOwn(request.done, step)) return { request: request.id, step };
  return undefined;
}
