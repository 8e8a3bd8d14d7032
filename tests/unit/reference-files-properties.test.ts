/**
 * Properties of the tracker's readers and files over any input: whatever a file holds, the
 * import either reads it into data the tracker can show (every date in range) or says what is
 * wrong, and never throws; whatever the tracker holds, its export imports back as it was, and
 * its CSV has no cell a spreadsheet could run.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FIRST_DATE, isIsoDate, LAST_DATE, toUtcMs } from "../../src/lib/dates.ts";
import { isId, LIMITS, PLAN_CHANNELS } from "../../src/lib/outreach.ts";
import {
  csvCell,
  exportJson,
  instantMs,
  MAX_PROBLEMS_SAID,
  mergeById,
  parseImport,
  toCsv,
} from "../../src/lib/reference-files.ts";
import {
  nextStep,
  parseStoredTracker,
  TRACKER_WORDS,
  type Reference,
  type ReferenceRequest,
  type TrackerData,
} from "../../src/lib/references.ts";
import { REFERENCE_STEPS } from "../../src/lib/vocabulary.ts";

const SITE = "Reconnect Kit";
const NOW = new Date("2026-06-08T10:00:00Z");
const DAY_MS = 86_400_000;

const dayInRange = fc
  .integer({ min: (toUtcMs(FIRST_DATE) ?? 0) / DAY_MS, max: (toUtcMs(LAST_DATE) ?? 0) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

const momentInRange = fc.date({
  min: new Date(`${FIRST_DATE}T00:00:00Z`),
  max: new Date(`${LAST_DATE}T23:59:59.999Z`),
  noInvalidDate: true,
});

/** Text of any characters, within a limit counted as the tracker counts (UTF-16 units). */
const text = (max: number, blank = true) =>
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", ",", ";", '"', " "),
        fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
      ),
      maxLength: Math.min(max, 40),
    })
    .filter((s) => s.length <= max && (blank || s.trim() !== ""));

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

const request: fc.Arbitrary<ReferenceRequest> = fc.record({
  id,
  job: text(LIMITS.job, false),
  date: dayInRange,
  done: fc.dictionary(fc.constantFrom(...REFERENCE_STEPS), dayInRange, { maxKeys: REFERENCE_STEPS.length }),
});

const reference: fc.Arbitrary<Reference> = fc.record({
  id,
  name: text(LIMITS.name, false),
  relationship: text(LIMITS.relationship),
  channel: fc.constantFrom(...PLAN_CHANNELS),
  contact: text(LIMITS.contact),
  requests: fc.uniqueArray(request, { selector: (r) => r.id, maxLength: 4 }),
  // As the tracker writes it, or "" as an import of a file without one leaves it.
  updated: fc.oneof(
    momentInRange.map((d) => d.toISOString()),
    fc.constant(""),
  ),
});

/** Any list the tracker can hold. */
const trackerData: fc.Arbitrary<TrackerData> = fc.record({
  references: fc.uniqueArray(reference, { selector: (r) => r.id, maxLength: 6 }),
});

/** Every date in data the tracker holds is one it can show. */
function expectShowable(data: TrackerData): void {
  for (const r of data.references) {
    expect(isId(r.id)).toBe(true);
    expect(r.updated === "" || instantMs(r.updated) !== undefined).toBe(true);
    for (const q of r.requests) {
      expect(isIsoDate(q.date), q.date).toBe(true);
      for (const day of Object.values(q.done)) expect(isIsoDate(day), day).toBe(true);
    }
  }
}

function expectOutcome(text: string): void {
  const result = parseImport(text, SITE);
  if (result.ok) {
    expectShowable(result.data);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.length).toBeLessThanOrEqual(MAX_PROBLEMS_SAID + 1);
    for (const error of result.errors) expect(error).toMatch(/^\S[\s\S]*\.$/);
  }
}

/** Our file, holding `references` as given: lists of anything, or objects of anything. */
const fileWith = (references: unknown) =>
  JSON.stringify({ app: "reconnect-kit", kind: "references", version: 1, references });

/** A valid list with one value anywhere in it replaced by anything, far dates included. */
const damaged = fc
  .tuple(
    trackerData.filter((d) => d.references.length > 0),
    fc.nat(),
    fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        "9999-12-31",
        "275760-09-13",
        "+275760-09-13",
        "0000-01-01",
        "-0001-01-01",
        "2026-02-30",
        "2026-9-1",
        1e308,
        "１２",
      ),
    ),
  )
  .map(([data, at, value]) => {
    const copy = JSON.parse(JSON.stringify(data)) as unknown;
    // Every place a value sits in the file: [its parent, its key].
    const slots: [Record<string | number, unknown>, string | number][] = [];
    const walk = (node: unknown): void => {
      if (typeof node !== "object" || node === null) return;
      for (const [key, child] of Object.entries(node)) {
        slots.push([node as Record<string | number, unknown>, key]);
        walk(child);
      }
    };
    walk(copy);
    const slot = slots[at % slots.length];
    if (slot !== undefined) slot[0][slot[1]] = value;
    return fileWith((copy as TrackerData).references);
  });

describe("the import reader, for any file", () => {
  test("any text at all: read into data it can show, or refused with a message, never thrown", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), expectOutcome));
  });

  test("any JSON at all, as the file or as its list", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectOutcome(JSON.stringify(value));
        expectOutcome(fileWith(value));
        expectOutcome(fileWith([value]));
      }),
    );
  });

  test("a valid export with one value anywhere changed to anything", () => {
    fc.assert(fc.property(damaged, expectOutcome), { numRuns: 300 });
  });

  test("the stored-data reader takes anything too, and keeps only what it can read", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          damaged.map((t) => JSON.parse(t) as unknown),
        ),
        (value) => {
          const stored = parseStoredTracker(value, 1);
          for (const r of stored?.references ?? []) {
            expect(isId(r.id)).toBe(true);
            // A far date an earlier version stored is kept, and then has no next step.
            for (const q of r.requests) expect(() => nextStep(q, "2026-06-08")).not.toThrow();
          }
        },
      ),
    );
  });
});

describe("files out and back", () => {
  test("any list exports and imports back exactly", () => {
    fc.assert(
      fc.property(trackerData, (data) => {
        expect(parseImport(exportJson(data, NOW), SITE)).toEqual({ ok: true, data });
        expect(parseStoredTracker(JSON.parse(JSON.stringify(data)) as unknown, 1)).toEqual(data);
      }),
    );
  });

  test("importing an export into the same list changes nothing; into an empty one gives it back", () => {
    fc.assert(
      fc.property(trackerData, (data) => {
        const again = mergeById(data, data);
        expect([again.data, again.added, again.updated]).toEqual([data, 0, 0]);
        expect(mergeById({ references: [] }, data).data).toEqual(data);
      }),
    );
  });

  test("a moment reads the same however its offset writes it, and as it was written", () => {
    fc.assert(
      fc.property(momentInRange, fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), (moment, offset) => {
        const local = new Date(moment.getTime() + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? "-" : "+";
        const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
        expect(instantMs(moment.toISOString())).toBe(moment.getTime());
        if (local.startsWith("1899") || local.startsWith("2200")) return;
        expect(instantMs(`${local}${sign}${hhmm}`)).toBe(moment.getTime());
      }),
    );
  });
});

/** Reads one RFC 4180 record back into its cells. */
function readRecord(record: string): string[] {
  const cells: string[] = [];
  let at = 0;
  while (at <= record.length) {
    if (record[at] === '"') {
      let cell = "";
      at += 1;
      for (;;) {
        const quote = record.indexOf('"', at);
        if (quote === -1) throw new Error(`unclosed quote in ${JSON.stringify(record)}`);
        cell += record.slice(at, quote);
        at = quote + 1;
        if (record[at] !== '"') break;
        cell += '"';
        at += 1;
      }
      cells.push(cell);
      at += 1; // the comma
    } else {
      const end = record.indexOf(",", at);
      cells.push(record.slice(at, end === -1 ? record.length : end));
      at = end === -1 ? record.length + 1 : end + 1;
    }
  }
  return cells;
}

/** What a spreadsheet may take for a formula: a sign after anything that looks blank, in any width. */
const looksLikeFormula = (cell: string) =>
  /^[\t\r]/.test(cell) || /^[\s\p{Cc}\p{Cf}]*[=+\-@\u2212]/u.test(cell.normalize("NFKC"));

describe("the CSV, for any text", () => {
  test("each cell reads back as written, an apostrophe in front of anything that could be a formula", () => {
    fc.assert(
      fc.property(fc.array(text(60), { minLength: 1, maxLength: 6 }), (values) => {
        const cells = readRecord(values.map(csvCell).join(","));
        expect(cells).toEqual(values.map((v) => (looksLikeFormula(v) ? `'${v}` : v)));
        for (const cell of cells) expect(looksLikeFormula(cell)).toBe(false);
      }),
    );
  });

  test("no cell with a separator of any locale (comma or semicolon), quote or line break is left bare", () => {
    fc.assert(
      fc.property(text(60), (value) => {
        const cell = csvCell(value);
        if (/[",;\r\n]/.test(value)) expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
      }),
    );
  });

  test("any list gives one record per job and never throws", () => {
    fc.assert(
      fc.property(trackerData, (data) => {
        const csv = toCsv(data, (r) => nextStep(r, "2026-06-08"), TRACKER_WORDS);
        const rows = data.references.reduce((n, r) => n + Math.max(1, r.requests.length), 1);
        // Records end in CRLF; a CRLF inside a quoted cell is part of the cell.
        expect(csv.endsWith("\r\n")).toBe(true);
        expect(csv.split("\r\n").length - 1).toBeGreaterThanOrEqual(rows);
      }),
    );
  });
});
