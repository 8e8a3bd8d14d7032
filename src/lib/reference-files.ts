/**
 * The reference tracker's files: a JSON export that imports back (read strictly, every problem
 * said with where it is, then merged by id) and a CSV for a spreadsheet. A module of its own so
 * the tracker page loads it only when someone exports or imports (see the byte budget in
 * tests/build/build-output.test.ts).
 */
import { isIsoDate, localToday, toUtcMs, YEARS, type IsoDate } from "./dates.ts";
import { isId, LIMITS, PLAN_CHANNELS, REFERENCES_VERSION, type PlanChannel } from "./outreach.ts";
import { REFERENCE_STEPS, type ReferenceStep } from "./vocabulary.ts";
import { isFieldId } from "./ids.ts";
import { MAX_VALUE_LENGTH } from "./profile.ts";
// Types only: this module loads lazily, and a value imported from references.ts would split
// that module into a chunk of its own on the tracker page.
import type { NextStep, Reference, ReferenceRequest, TrackerData, TrackerWords } from "./references.ts";
// people.ts is in island-core, which the tracker page has already loaded.
import { isRecord } from "./people.ts";

/**
 * What makes a JSON file ours, and which of our files it is. A format name, not the brand: a
 * firm that renames the site still reads files exported before.
 */
export const APP_ID = "reconnect-kit";
export const EXPORT_KIND = "references";

/**
 * What is wrong with a value in an imported file, and where ("Reference 2, request 1"). The
 * readers below collect these; MESSAGES words them for a person.
 */
interface Problem {
  readonly where: string;
  readonly code: ProblemCode;
  /** The property concerned, for "tooLong", "notText", "badStepDate" and "farStepDate". */
  readonly field?: string;
  /** The value found, or the number the problem is about. */
  readonly found?: unknown;
}

type ProblemCode =
  | "notReference"
  | "notRequest"
  | "noId"
  | "badId"
  | "noName"
  | "tooLong"
  | "notText"
  | "badChannel"
  | "badUpdated"
  | "requestsNotList"
  | "badDetails"
  | "tooManyRequests"
  | "sameRequestId"
  | "sameReferenceId"
  | "noJob"
  | "noDate"
  | "badDate"
  | "farDate"
  | "doneNotObject"
  | "unknownStep"
  | "badStepDate"
  | "farStepDate";

type Problems = Problem[];

const INSTANT =
  /^(?<date>\d{4}-\d\d-\d\d)(?:[Tt](?<h>\d\d):(?<m>\d\d):(?<s>\d\d)(?<fraction>\.\d+)?(?:[Zz]|(?<sign>[+-])(?<offsetH>\d\d):(?<offsetM>\d\d)))?$/;

/** A part of a moment as a number; a part left out is 0. */
const n = (digits: string | undefined): number => Number(digits ?? 0);

/**
 * A moment as an export writes it (a reference's "updated"), in milliseconds, or undefined: an
 * RFC 3339 date-time with its offset ("2026-06-08T10:00:00.000Z", "2026-06-08T12:00:00+02:00";
 * §5.6, which allows lower-case t and z) or a date alone, read as midnight UTC. Its date follows
 * the one date rule, range included. Read by hand, not by Date.parse: that takes "2026-9-1" and
 * "June 1, 2026" in the reader's own time zone, and more or fewer than three digits of a
 * second only as each browser likes.
 */
export function instantMs(value: unknown): number | undefined {
  const parts = typeof value === "string" ? INSTANT.exec(value) : null;
  const { date, h, m, s, fraction, sign, offsetH, offsetM } = parts?.groups ?? {};
  if (!isIsoDate(date)) return undefined;
  // 60 seconds is a leap second (RFC 3339 §5.7), counted as the next minute's first.
  if (n(h) > 23 || n(m) > 59 || n(s) > 60 || n(offsetH) > 23 || n(offsetM) > 59) return undefined;
  const offset = (sign === "-" ? -1 : 1) * (n(offsetH) * 60 + n(offsetM));
  // Milliseconds from their three digits, so .999 is 999 exactly; finer digits stay a fraction.
  const ms = Number((fraction ?? ".").slice(1, 4).padEnd(3, "0")) + Number(`0.${fraction?.slice(4) ?? ""}`);
  return (toUtcMs(date) ?? 0) + ((n(h) * 60 + n(m) - offset) * 60 + n(s)) * 1000 + ms;
}

/**
 * The year of a value written like a date whose year is outside the range of the one date rule
 * ("9999" for "9999-12-31", "275760", "-0001"), or undefined for a date in range and for anything
 * else (no date at all, "2026-02-30"). A date field holds years from 1 to 275760, which
 * YYYY-MM-DD cannot all write, so a year of any length counts: the import can then say that the
 * date is too far, not that it is not a date. Here, not in dates.ts, as only a file needs it.
 */
export function farYear(value: unknown): string | undefined {
  if (typeof value !== "string" || isIsoDate(value)) return undefined;
  const year = /^([+-]?\d+)-\d\d-\d\d$/.exec(value)?.[1];
  return year === undefined || (year.length === 4 && toUtcMs(value) === undefined) ? undefined : year;
}

/** Reads a text property: missing gives "", anything else must be a string within its limit. */
function readText(
  record: Record<string, unknown>,
  field: "name" | "relationship" | "contact" | "job",
  where: string,
  problems: Problems,
): string {
  const value = record[field];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") {
    problems.push({ where, code: "notText", field });
    return "";
  }
  if (value.length > LIMITS[field]) problems.push({ where, code: "tooLong", field, found: LIMITS[field] });
  return value;
}

function readId(record: Record<string, unknown>, where: string, problems: Problems): string {
  const id = record["id"];
  if (isId(id)) return id;
  problems.push(
    id === undefined || id === "" ? { where, code: "noId" } : { where, code: "badId", found: id },
  );
  return "";
}

function readDone(
  value: unknown,
  where: string,
  problems: Problems,
): Partial<Record<ReferenceStep, IsoDate>> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    problems.push({ where, code: "doneNotObject" });
    return {};
  }
  const done: Partial<Record<ReferenceStep, IsoDate>> = {};
  for (const [step, date] of Object.entries(value)) {
    if (!(REFERENCE_STEPS as readonly string[]).includes(step)) {
      problems.push({ where, code: "unknownStep", found: step });
    } else if (!isIsoDate(date)) {
      const code = farYear(date) === undefined ? "badStepDate" : "farStepDate";
      problems.push({ where, code, field: step, found: date });
    } else {
      done[step as ReferenceStep] = date;
    }
  }
  return done;
}

function readRequest(value: unknown, where: string, problems: Problems): ReferenceRequest | undefined {
  if (!isRecord(value)) {
    problems.push({ where, code: "notRequest" });
    return undefined;
  }
  const before = problems.length;
  const id = readId(value, where, problems);
  const job = readText(value, "job", where, problems);
  if (job.trim() === "" && problems.length === before) problems.push({ where, code: "noJob" });
  const date = value["date"];
  if (date === undefined || date === "") problems.push({ where, code: "noDate" });
  else if (farYear(date) !== undefined) problems.push({ where, code: "farDate", found: date });
  else if (!isIsoDate(date)) problems.push({ where, code: "badDate", found: date });
  const done = readDone(value["done"], where, problems);
  if (problems.length > before || !isIsoDate(date)) return undefined;
  return { id, job, date, done };
}

/** One reference, with every problem found added to `problems`; undefined when there was any. */
function readReference(value: unknown, where: string, problems: Problems): Reference | undefined {
  if (!isRecord(value)) {
    problems.push({ where, code: "notReference" });
    return undefined;
  }
  const before = problems.length;
  const id = readId(value, where, problems);
  const name = readText(value, "name", where, problems);
  if (name.trim() === "" && !problems.some((p, i) => i >= before && p.field === "name"))
    problems.push({ where, code: "noName" });
  const relationship = readText(value, "relationship", where, problems);
  const contact = readText(value, "contact", where, problems);
  const channel = value["channel"];
  if (typeof channel !== "string" || !(PLAN_CHANNELS as readonly string[]).includes(channel)) {
    problems.push({ where, code: "badChannel", found: channel });
  }
  const updated = value["updated"];
  // "" is how a file without it comes back out (see parseImport), so it reads as missing.
  if (updated !== undefined && updated !== "" && instantMs(updated) === undefined) {
    problems.push({ where, code: "badUpdated", found: updated });
  }
  const details = value["details"];
  const detailsOk =
    details === undefined ||
    (isRecord(details) &&
      Object.entries(details).every(
        ([field, text]) => isFieldId(field) && typeof text === "string" && text.length <= MAX_VALUE_LENGTH,
      ));
  if (!detailsOk) problems.push({ where, code: "badDetails" });
  const rawRequests = value["requests"] ?? [];
  const requests: ReferenceRequest[] = [];
  if (!Array.isArray(rawRequests)) {
    problems.push({ where, code: "requestsNotList" });
  } else if (rawRequests.length > LIMITS.requests) {
    problems.push({ where, code: "tooManyRequests", found: rawRequests.length });
  } else {
    const seen = new Map<string, number>();
    rawRequests.forEach((raw: unknown, index) => {
      const at = `${where}, request ${index + 1}`;
      const request = readRequest(raw, at, problems);
      if (request === undefined) return;
      const first = seen.get(request.id);
      if (first === undefined) {
        seen.set(request.id, index + 1);
        requests.push(request);
      } else {
        problems.push({ where: at, code: "sameRequestId", found: first });
      }
    });
  }
  if (problems.length > before) return undefined;
  return {
    id,
    name,
    relationship,
    channel: channel as PlanChannel,
    contact,
    requests,
    updated: typeof updated === "string" ? updated : "",
    ...(isRecord(details) ? { details: details as Record<string, string> } : {}),
  };
}

/** Reads a list of references, with every problem found added to `problems`. */
function readReferences(list: readonly unknown[], problems: Problems): Reference[] {
  const references: Reference[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, index) => {
    const where = `Reference ${index + 1}`;
    const kept = readReference(raw, where, problems);
    if (kept === undefined) return;
    const first = seen.get(kept.id);
    if (first !== undefined) {
      problems.push({ where, code: "sameReferenceId", found: first });
      return;
    }
    seen.set(kept.id, index + 1);
    references.push(kept);
  });
  return references;
}

/** A value as it appears in a file, in quotes and cut short. */
const quote = (value: unknown): string => JSON.stringify(String(value)).slice(0, 80);

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: "the name",
  relationship: "how you know them",
  contact: "the contact",
  job: "the job",
};

const MESSAGES: Readonly<Record<ProblemCode, (p: Problem) => string>> = {
  notReference: (p) => `${p.where} is not a reference (expected an object with a name).`,
  notRequest: (p) => `${p.where} is not a request (expected an object with a job and a date).`,
  noId: (p) => `${p.where} has no id.`,
  badId: (p) =>
    `${p.where} has an id that is not valid (${quote(p.found)}; expected up to 64 letters, digits, - or _).`,
  noName: (p) => `${p.where} has no name.`,
  tooLong: (p) =>
    `${p.where}: ${FIELD_LABELS[p.field ?? ""] ?? ""} is too long (over ${String(p.found)} characters).`,
  notText: (p) => `${p.where}: ${FIELD_LABELS[p.field ?? ""] ?? ""} should be text.`,
  badChannel: (p) =>
    `${p.where} has an unknown contact channel (${quote(p.found)}; expected ${PLAN_CHANNELS.join(", ")}).`,
  badUpdated: (p) =>
    `${p.where}: "updated" is not a date and time from ${YEARS} (${quote(p.found)}; expected one like 2026-06-08T10:00:00Z).`,
  requestsNotList: (p) => `${p.where}: "requests" should be a list.`,
  badDetails: (p) =>
    `${p.where}: "details" should map field names (such as theirEmail) to text of at most ${MAX_VALUE_LENGTH} characters.`,
  tooManyRequests: (p) => `${p.where} has ${String(p.found)} requests (at most ${LIMITS.requests}).`,
  sameRequestId: (p) => `${p.where} has the same id as request ${String(p.found)}.`,
  sameReferenceId: (p) => `${p.where} has the same id as reference ${String(p.found)}.`,
  noJob: (p) => `${p.where} has no job.`,
  noDate: (p) => `${p.where} has no date.`,
  badDate: (p) => `${p.where} has a date that is not a real date (${quote(p.found)}; expected YYYY-MM-DD).`,
  farDate: (p) =>
    `${p.where} has a date outside the years ${YEARS} (${quote(p.found)}); change it to the real date.`,
  doneNotObject: (p) => `${p.where}: "done" should be a list of steps with dates.`,
  unknownStep: (p) =>
    `${p.where} has an unknown step (${quote(p.found)}; expected ${REFERENCE_STEPS.join(", ")}).`,
  badStepDate: (p) =>
    `${p.where}: the date for "${p.field ?? ""}" is not a real date (${quote(p.found)}; expected YYYY-MM-DD).`,
  farStepDate: (p) =>
    `${p.where}: the date for "${p.field ?? ""}" is outside the years ${YEARS} (${quote(p.found)}); change it to the real date.`,
};

/** A problem in words, e.g. "Reference 2 has no name." */
export function problemMessage(problem: Problem): string {
  return MESSAGES[problem.code](problem);
}

/** The export file's contents: the stored data plus what says whose file it is. */
export function exportJson(data: TrackerData, now: Date): string {
  const document = {
    app: APP_ID,
    kind: EXPORT_KIND,
    version: REFERENCES_VERSION,
    exported: now.toISOString(),
    references: data.references,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export type ImportResult =
  | { readonly ok: true; readonly data: TrackerData }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Enough to see what is wrong; a file with a thousand broken entries needs no thousand lines. */
export const MAX_PROBLEMS_SAID = 8;

const refuse = (...errors: string[]): ImportResult => ({ ok: false, errors });

/** A file too big to be an export is refused before it is read. `site` is the site's name. */
export function importSizeError(bytes: number, site: string): string | undefined {
  if (bytes <= LIMITS.fileBytes) return undefined;
  const mb = (bytes / 1_000_000).toFixed(1);
  return `This file is too big to be a ${site} export (${mb} MB; an export is under ${LIMITS.fileBytes / 1_000_000} MB).`;
}

/**
 * Reads an exported file strictly. Any problem refuses the whole file and lists each one, with
 * where it is ("Reference 2 has no name"), so nothing half-imported reaches storage. `site` is
 * the site's name, as people know it ("This file is not a Reconnect Kit export").
 */
export function parseImport(text: string, site: string): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return refuse(`This file is not a ${site} export (it is not JSON).`);
  }
  if (!isRecord(document) || document["app"] !== APP_ID) {
    return refuse(`This file is not a ${site} export (missing "app": "${APP_ID}").`);
  }
  const kind = document["kind"];
  if (kind !== EXPORT_KIND) {
    return refuse(
      `This ${site} file does not hold references (its "kind" is ${quote(kind ?? "missing")}, expected "${EXPORT_KIND}").`,
    );
  }
  const version = document["version"];
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return refuse(`This file has no valid version (expected "version": ${REFERENCES_VERSION}).`);
  }
  if (version > REFERENCES_VERSION) {
    return refuse(
      `This file comes from a newer ${site} (version ${version}); this page reads version ${REFERENCES_VERSION}. Reload the page and try again.`,
    );
  }
  const list = document["references"];
  if (!Array.isArray(list))
    return refuse('This file has no list of references (expected "references": [...]).');
  if (list.length > LIMITS.references) {
    return refuse(`This file has ${list.length} references; the tracker holds at most ${LIMITS.references}.`);
  }
  const problems: Problem[] = [];
  const references = readReferences(list, problems);
  if (problems.length === 0) return { ok: true, data: { references } };
  const shown = problems.slice(0, MAX_PROBLEMS_SAID).map(problemMessage);
  const more = problems.length - shown.length;
  return refuse(...shown, ...(more > 0 ? [`And ${more} more ${more === 1 ? "problem" : "problems"}.`] : []));
}

export interface MergeResult {
  readonly data: TrackerData;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** Requests in the order already shown, then any new ones; a shared id takes the newer copy. */
function mergeRequests(
  current: readonly ReferenceRequest[],
  incoming: readonly ReferenceRequest[],
  incomingIsNewer: boolean,
): ReferenceRequest[] {
  const merged = current.map((request) =>
    incomingIsNewer ? (incoming.find((n) => n.id === request.id) ?? request) : request,
  );
  for (const request of incoming) if (!current.some((c) => c.id === request.id)) merged.push(request);
  return merged;
}

/**
 * Merges an import into what is stored, matching references by id: a new id is added; for an id
 * in both, the copy changed last wins its details, and requests are merged by id the same way,
 * so a request added on either device is kept. An import never deletes anything.
 */
export function mergeById(current: TrackerData, incoming: TrackerData): MergeResult {
  const references = [...current.references];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const reference of incoming.references) {
    const index = references.findIndex((r) => r.id === reference.id);
    const existing = references[index];
    if (existing === undefined) {
      references.push(reference);
      added += 1;
      continue;
    }
    // Compared as moments, whatever way each is written; one that cannot be read is the oldest.
    const incomingIsNewer =
      (instantMs(reference.updated) ?? -Infinity) > (instantMs(existing.updated) ?? -Infinity);
    const merged: Reference = {
      ...(incomingIsNewer ? reference : existing),
      requests: mergeRequests(existing.requests, reference.requests, incomingIsNewer),
    };
    if (JSON.stringify(merged) === JSON.stringify(existing)) {
      unchanged += 1;
    } else {
      references[index] = merged;
      updated += 1;
    }
  }
  return { data: { references }, added, updated, unchanged };
}

/**
 * Whether a spreadsheet may read a cell as a formula. OWASP's CSV injection guidance
 * (https://owasp.org/www-community/attacks/CSV_Injection) names cells starting with = + - @,
 * a tab or a carriage return. That is not enough on its own: a spreadsheet may trim what looks
 * blank before the sign (spaces, no-break and ideographic spaces, zero-width characters, as
 * LibreOffice's "trim spaces" does on import), and may take the full-width and small forms that
 * IMEs type (＝ ＋ － ＠, U+FF1D...) for the signs themselves. So the test runs on the NFKC form,
 * which folds those into = + - @, past any leading space, control or format character; the
 * minus sign U+2212 counts as a minus. A false alarm costs an apostrophe, a miss a formula.
 */
const FORMULA = /^[\t\r]|^[\s\p{Cc}\p{Cf}]*[=+\-@\u2212]/u;

/**
 * A cell for a spreadsheet. A cell that may be a formula (above) gets a leading apostrophe,
 * which spreadsheets show as nothing and read as "this is text", as OWASP advises. Then RFC 4180
 * §2: a field with a comma, a double quote or a line break is enclosed in double quotes, and each
 * double quote inside is doubled; so is one with a semicolon, the separator where the comma is
 * the decimal mark, so that no part of it starts a cell of its own there (OWASP warns of that
 * too).
 */
export function csvCell(value: string): string {
  const safe = FORMULA.test(value.normalize("NFKC")) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The header row, with the tracker's words for the steps (TRACKER_WORDS, from the page). */
export function csvHeader(words: TrackerWords): string[] {
  return [
    "Name",
    "How you know them",
    "Channel",
    "Contact",
    "Job",
    "Needed by",
    ...REFERENCE_STEPS.map((step) => words.done[step]),
    "Next step",
    "Next step date",
  ];
}

/**
 * One row per request (a reference with none gets one row of its own), CRLF between records as
 * RFC 4180 §2 says, with a header row. Step columns hold the day each step was done; the last two
 * hold the next step as the page shows it (empty when there is none): pass
 * `(request) => nextStep(request, today)`.
 */
export function toCsv(
  data: TrackerData,
  next: (request: ReferenceRequest) => NextStep | undefined,
  words: TrackerWords,
): string {
  const rows: string[][] = [csvHeader(words)];
  for (const reference of data.references) {
    const person = [reference.name, reference.relationship, reference.channel, reference.contact];
    if (reference.requests.length === 0)
      rows.push([...person, "", "", ...REFERENCE_STEPS.map(() => ""), "", ""]);
    for (const request of reference.requests) {
      const pending = next(request);
      rows.push([
        ...person,
        request.job,
        request.date,
        ...REFERENCE_STEPS.map((step) => request.done[step] ?? ""),
        // No next step for a job with a date outside the range: the page says why.
        pending === undefined ? "" : words.next[pending.step],
        pending?.date ?? "",
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** "Imported 3 references (2 new, 1 updated)." */
export function mergeSummary(result: MergeResult): string {
  const total = result.added + result.updated + result.unchanged;
  const parts = [
    result.added > 0 ? `${result.added} new` : "",
    result.updated > 0 ? `${result.updated} updated` : "",
    result.unchanged > 0 ? `${result.unchanged} already here` : "",
  ].filter((p) => p !== "");
  const noun = total === 1 ? "reference" : "references";
  return `Imported ${total} ${noun}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}.`;
}

export interface ExportFile {
  readonly name: string;
  readonly text: string;
  readonly type: string;
}

/**
 * What Export saves: the JSON file that imports back, or the CSV for a spreadsheet (see toCsv for
 * `next`), named for the day, on the reader's own clock.
 */
export function exportFile(
  kind: "json" | "csv",
  data: TrackerData,
  now: Date,
  next: (request: ReferenceRequest) => NextStep | undefined,
  words: TrackerWords,
): ExportFile {
  const name = `reconnect-kit-references-${localToday(now)}.${kind}`;
  return kind === "json"
    ? { name, text: exportJson(data, now), type: "application/json" }
    : // A byte order mark so Excel reads the file as UTF-8 (RFC 4180 has no charset).
      { name, text: `\uFEFF${toCsv(data, next, words)}`, type: "text/csv;charset=utf-8" };
}

export type ImportOutcome =
  | { readonly ok: true; readonly data: TrackerData; readonly summary: string }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * An imported file, read strictly and merged into `current` (what storage holds now, which
 * another tab may have changed): the list to save and what to say, or why nothing was imported.
 */
export function importInto(current: TrackerData, text: string, site: string): ImportOutcome {
  const result = parseImport(text, site);
  if (!result.ok) return result;
  const merged = mergeById(current, result.data);
  return { ok: true, data: merged.data, summary: mergeSummary(merged) };
}
