import { describe, expect, test } from "vitest";
import { localToday, YEARS } from "../../src/lib/dates.ts";
import { FakeStorage } from "../helpers/fake-storage.ts";
import {
  csvCell,
  csvHeader,
  exportFile,
  exportJson,
  farYear,
  importInto,
  importSizeError,
  mergeById,
  mergeSummary,
  parseImport,
  toCsv,
} from "../../src/lib/reference-files.ts";
import {
  addReference,
  addRequest,
  createTrackerStore,
  newId,
  nextStep,
  parseStoredTracker,
  REFERENCES_KEY,
  referenceFormErrors,
  removeReference,
  removeRequest,
  requestFormErrors,
  setStepDone,
  TRACKER_WORDS,
  type Reference,
  type ReferenceRequest,
  type TrackerData,
} from "../../src/lib/references.ts";

const NOW = new Date("2026-06-08T10:00:00Z");
/** The site's name, as src/site.config.ts has it; messages about files use it. */
const SITE = "Reconnect Kit";
const LATER = new Date("2026-06-09T10:00:00Z");

const request = (
  done: ReferenceRequest["done"] = {},
  extra: Partial<ReferenceRequest> = {},
): ReferenceRequest => ({
  id: "req1",
  job: "Product designer at Acme",
  date: "2026-06-29",
  done,
  ...extra,
});

const dan: Reference = {
  id: "ref-dan",
  name: "Dan Okafor",
  relationship: "My manager at Acme, 2019-2022",
  channel: "email",
  contact: "dan@example.com",
  requests: [request({ asked: "2026-06-08" })],
  updated: "2026-06-08T10:00:00.000Z",
};
const ana: Reference = {
  id: "ref-ana",
  name: "Ana",
  relationship: "",
  channel: "text",
  contact: "",
  requests: [],
  updated: "2026-06-01T10:00:00.000Z",
};
const data: TrackerData = { references: [dan, ana] };

const fileWith = (references: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ app: "reconnect-kit", kind: "references", version: 1, references, ...extra });

describe("export and import", () => {
  test("an export imports back to exactly the same data", () => {
    const text = exportJson(data, NOW);
    expect(JSON.parse(text)).toMatchObject({
      app: "reconnect-kit",
      kind: "references",
      version: 1,
      exported: NOW.toISOString(),
    });
    expect(parseImport(text, SITE)).toEqual({ ok: true, data });
  });

  test("a byte order mark from a text editor is fine", () => {
    expect(parseImport(`\uFEFF${exportJson(data, NOW)}`, SITE).ok).toBe(true);
  });

  test("optional details may be left out", () => {
    const result = parseImport(fileWith([{ id: "x", name: "Sam", channel: "phone" }]), SITE);
    expect(result).toEqual({
      ok: true,
      data: {
        references: [
          {
            id: "x",
            name: "Sam",
            relationship: "",
            channel: "phone",
            contact: "",
            requests: [],
            updated: "",
          },
        ],
      },
    });
  });

  test.each<[string, string, string[]]>([
    ["not JSON", "name,channel\nDan,email", ["This file is not a Reconnect Kit export (it is not JSON)."]],
    ["empty", "", ["This file is not a Reconnect Kit export (it is not JSON)."]],
    ["a list", "[]", ['This file is not a Reconnect Kit export (missing "app": "reconnect-kit").']],
    [
      "another app's JSON",
      JSON.stringify({ references: [] }),
      ['This file is not a Reconnect Kit export (missing "app": "reconnect-kit").'],
    ],
    [
      "a Reconnect Kit file of another kind",
      JSON.stringify({ app: "reconnect-kit", kind: "profile", version: 1 }),
      ['This Reconnect Kit file does not hold references (its "kind" is "profile", expected "references").'],
    ],
    [
      "no version",
      fileWith([], { version: undefined }),
      ['This file has no valid version (expected "version": 1).'],
    ],
    [
      "a text version",
      fileWith([], { version: "1" }),
      ['This file has no valid version (expected "version": 1).'],
    ],
    [
      "a newer version",
      fileWith([], { version: 2 }),
      [
        "This file comes from a newer Reconnect Kit (version 2); this page reads version 1. Reload the page and try again.",
      ],
    ],
    ["no list", fileWith(undefined), ['This file has no list of references (expected "references": [...]).']],
    ["a reference with no name", fileWith([dan, { ...ana, name: "  " }]), ["Reference 2 has no name."]],
    [
      "a reference that is not an object",
      fileWith([dan, "Ana"]),
      ["Reference 2 is not a reference (expected an object with a name)."],
    ],
    ["a missing id", fileWith([{ ...dan, id: undefined }]), ["Reference 1 has no id."]],
    [
      "an id with odd characters",
      fileWith([{ ...dan, id: "<script>" }]),
      ['Reference 1 has an id that is not valid ("<script>"; expected up to 64 letters, digits, - or _).'],
    ],
    [
      "a repeated id",
      fileWith([dan, ana, { ...ana, name: "Ana 2" }]),
      ["Reference 3 has the same id as reference 2."],
    ],
    [
      "an unknown channel",
      fileWith([{ ...dan, channel: "fax" }]),
      ['Reference 1 has an unknown contact channel ("fax"; expected email, text, linkedin, phone).'],
    ],
    ["a name that is a number", fileWith([{ ...dan, name: 42 }]), ["Reference 1: the name should be text."]],
    [
      "a relationship that is a list",
      fileWith([{ ...dan, relationship: ["x"] }]),
      ["Reference 1: how you know them should be text."],
    ],
    [
      "a name far too long",
      fileWith([{ ...dan, name: "x".repeat(201) }]),
      ["Reference 1: the name is too long (over 200 characters)."],
    ],
    [
      "requests that are not a list",
      fileWith([{ ...dan, requests: {} }]),
      ['Reference 1: "requests" should be a list.'],
    ],
    [
      "a request with no job",
      fileWith([{ ...dan, requests: [request({}, { job: "" })] }]),
      ["Reference 1, request 1 has no job."],
    ],
    [
      "a request with an impossible date",
      fileWith([{ ...dan, requests: [request({}, { date: "2026-13-01" })] }]),
      ['Reference 1, request 1 has a date that is not a real date ("2026-13-01"; expected YYYY-MM-DD).'],
    ],
    [
      "an unknown step",
      fileWith([{ ...dan, requests: [request({ called: "2026-06-01" } as ReferenceRequest["done"])] }]),
      [
        'Reference 1, request 1 has an unknown step ("called"; expected asked, agreed, packetSent, headsUp, thanked, toldOutcome).',
      ],
    ],
    [
      "a step date that is not a date",
      fileWith([{ ...dan, requests: [request({ asked: "yesterday" })] }]),
      ['Reference 1, request 1: the date for "asked" is not a real date ("yesterday"; expected YYYY-MM-DD).'],
    ],
    ...(
      [
        ["9999-12-31", "9999"],
        ["9999-09-30", "9999"],
        ["2200-01-01", "2200"],
        ["275760-09-13", "275760"],
        ["+275760-09-13", "+275760"],
        ["1899-12-31", "1899"],
        ["0000-01-01", "0000"],
        ["-0001-01-01", "-0001"],
      ] as const
    ).map(([date]): [string, string, string[]] => [
      `a request needed by ${date}`,
      fileWith([{ ...dan, requests: [request({}, { date })] }]),
      [
        `Reference 1, request 1 has a date outside the years 1900 to 2199 (${JSON.stringify(date)}); change it to the real date.`,
      ],
    ]),
    [
      "a step ticked on a day outside the range",
      fileWith([{ ...dan, requests: [request({ asked: "2026-06-08", thanked: "9999-12-31" })] }]),
      [
        'Reference 1, request 1: the date for "thanked" is outside the years 1900 to 2199 ("9999-12-31"); change it to the real date.',
      ],
    ],
    [
      "a date that is a huge number",
      fileWith([{ ...dan, requests: [request({}, { date: 1e308 as unknown as string })] }]),
      ['Reference 1, request 1 has a date that is not a real date ("1e+308"; expected YYYY-MM-DD).'],
    ],
    [
      "a date in full-width digits",
      fileWith([{ ...dan, requests: [request({}, { date: "\uFF12\uFF10\uFF12\uFF16-06-29" })] }]),
      [
        'Reference 1, request 1 has a date that is not a real date ("\uFF12\uFF10\uFF12\uFF16-06-29"; expected YYYY-MM-DD).',
      ],
    ],
    [
      "an updated time without a zero-padded month",
      fileWith([{ ...dan, updated: "2026-9-1" }]),
      [
        'Reference 1: "updated" is not a date and time from 1900 to 2199 ("2026-9-1"; expected one like 2026-06-08T10:00:00Z).',
      ],
    ],
    [
      "an updated time in words",
      fileWith([{ ...dan, updated: "June 1, 2026" }]),
      [
        'Reference 1: "updated" is not a date and time from 1900 to 2199 ("June 1, 2026"; expected one like 2026-06-08T10:00:00Z).',
      ],
    ],
    [
      "an updated time without its offset",
      fileWith([{ ...dan, updated: "2026-06-08T10:00:00" }]),
      [
        'Reference 1: "updated" is not a date and time from 1900 to 2199 ("2026-06-08T10:00:00"; expected one like 2026-06-08T10:00:00Z).',
      ],
    ],
    [
      "an updated time past the range",
      fileWith([{ ...dan, updated: "+275760-09-13T00:00:00.000Z" }]),
      [
        'Reference 1: "updated" is not a date and time from 1900 to 2199 ("+275760-09-13T00:00:00.000Z"; expected one like 2026-06-08T10:00:00Z).',
      ],
    ],
    [
      "an updated hour that does not exist",
      fileWith([{ ...dan, updated: "2026-06-08T24:00:00Z" }]),
      [
        'Reference 1: "updated" is not a date and time from 1900 to 2199 ("2026-06-08T24:00:00Z"; expected one like 2026-06-08T10:00:00Z).',
      ],
    ],
    [
      "a repeated request id",
      fileWith([{ ...dan, requests: [request(), request()] }]),
      ["Reference 1, request 2 has the same id as request 1."],
    ],
    [
      "a bad updated time",
      fileWith([{ ...dan, updated: "soon" }]),
      [
        'Reference 1: "updated" is not a date and time from 1900 to 2199 ("soon"; expected one like 2026-06-08T10:00:00Z).',
      ],
    ],
    [
      "several problems, each with where it is",
      fileWith([{ ...dan, name: "" }, ana, { ...ana, id: "b", channel: 3 }]),
      [
        "Reference 1 has no name.",
        'Reference 3 has an unknown contact channel ("3"; expected email, text, linkedin, phone).',
      ],
    ],
  ])("refuses %s and says why", (_name, text, errors) => {
    expect(parseImport(text, SITE)).toEqual({ ok: false, errors });
  });

  test.each([
    "2026-06-08T10:00:00.000Z",
    "2026-06-08T10:00:00Z",
    "2026-06-08t10:00:00z",
    "2026-06-08T12:00:00+02:00",
    "2026-06-08T10:00:00.123456-05:30",
    "2026-06-08",
  ])("an updated time %j is read, and kept as written", (updated) => {
    expect(parseImport(fileWith([{ ...dan, updated }]), SITE)).toEqual({
      ok: true,
      data: { references: [{ ...dan, updated }] },
    });
  });

  test("a file with many problems lists the first eight and counts the rest", () => {
    const broken = Array.from({ length: 11 }, (_, i) => ({ ...ana, id: `r${i}`, name: "" }));
    const result = parseImport(fileWith(broken), SITE);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(9);
      expect(result.errors[7]).toBe("Reference 8 has no name.");
      expect(result.errors[8]).toBe("And 3 more problems.");
    }
  });

  test("a list longer than the tracker holds is refused", () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...ana, id: `r${i}` }));
    expect(parseImport(fileWith(many), SITE)).toEqual({
      ok: false,
      errors: ["This file has 1001 references; the tracker holds at most 1000."],
    });
  });

  test.each([
    [1000, undefined],
    [2_000_000, undefined],
    [2_000_001, "This file is too big to be a Reconnect Kit export (2.0 MB; an export is under 2 MB)."],
    [15_300_000, "This file is too big to be a Reconnect Kit export (15.3 MB; an export is under 2 MB)."],
  ])("a file of %i bytes: %s", (size, message) => {
    expect(importSizeError(size, SITE)).toBe(message);
  });
});

describe("farYear finds a year outside the range, so an import can say so", () => {
  test.each<[unknown, string | undefined]>([
    ["2026-06-12", undefined],
    ["", undefined],
    [undefined, undefined],
    [null, undefined],
    ["2026-02-30", undefined],
    ["9999-02-30", undefined],
    ["12/06/2026", undefined],
    ["\uFF12\uFF10\uFF12\uFF16-06-12", undefined],
    [20260612, undefined],
    [1e308, undefined],
    ["9999-12-31", "9999"],
    ["2200-01-01", "2200"],
    ["275760-09-13", "275760"],
    ["+275760-09-13", "+275760"],
    ["10000-01-01", "10000"],
    ["1899-12-31", "1899"],
    ["0000-01-01", "0000"],
    ["-0001-01-01", "-0001"],
    ["-271821-04-20", "-271821"],
  ])("%j → %s", (value, year) => {
    expect(farYear(value)).toBe(year);
  });
});

describe("stored data is read leniently", () => {
  test.each<[string, unknown, number, TrackerData | undefined]>([
    ["the current version", { references: [dan, ana] }, 1, data],
    ["a newer version is not read", { references: [dan] }, 2, undefined],
    ["a bare value from before the envelope", { references: [dan] }, 0, undefined],
    ["no list", { people: [] }, 1, undefined],
    ["a broken reference is dropped, the rest kept", { references: [dan, { name: "" }, ana] }, 1, data],
    [
      "a broken request is dropped, its reference kept",
      { references: [{ ...dan, requests: [request({}, { date: "nope" }), request({}, { id: "ok" })] }] },
      1,
      { references: [{ ...dan, requests: [request({}, { id: "ok" })] }] },
    ],
    [
      // An earlier version took any four-digit year: what it stored is kept, never lost, and
      // the tracker says what to change (see nextStep).
      "a far date stored by an earlier version is kept",
      {
        references: [
          {
            ...dan,
            requests: [request({ asked: "2026-06-08", thanked: "9999-12-31" }, { date: "9999-12-31" })],
          },
        ],
      },
      1,
      {
        references: [
          {
            ...dan,
            requests: [request({ asked: "2026-06-08", thanked: "9999-12-31" }, { date: "9999-12-31" })],
          },
        ],
      },
    ],
    [
      "a date no version could write (a five-digit year) drops its request",
      {
        references: [{ ...dan, requests: [request({}, { date: "10000-01-01" }), request({}, { id: "ok" })] }],
      },
      1,
      { references: [{ ...dan, requests: [request({}, { id: "ok" })] }] },
    ],
    [
      "a repeated id keeps the first",
      { references: [dan, { ...dan, name: "Other" }] },
      1,
      { references: [dan] },
    ],
  ])("%s", (_name, stored, version, expected) => {
    expect(parseStoredTracker(stored, version)).toEqual(expected);
  });

  // The stored-data check and the import reader are two readers of one shape: they must agree.
  const variants: [string, Record<string, unknown>][] = [
    ["complete", { ...dan }],
    ["no requests", { ...ana }],
    [
      "all steps done",
      {
        ...dan,
        requests: [
          request({
            asked: "2026-06-01",
            agreed: "2026-06-02",
            packetSent: "2026-06-02",
            headsUp: "2026-06-20",
            thanked: "2026-06-30",
            toldOutcome: "2026-07-10",
          }),
        ],
      },
    ],
    ["longest name", { ...dan, name: "x".repeat(200) }],
    ["name too long", { ...dan, name: "x".repeat(201) }],
    ["blank name", { ...dan, name: " " }],
    ["name not text", { ...dan, name: 7 }],
    ["bad id", { ...dan, id: "a b" }],
    ["id too long", { ...dan, id: "a".repeat(65) }],
    ["unknown channel", { ...dan, channel: "fax" }],
    ["relationship too long", { ...dan, relationship: "x".repeat(501) }],
    ["contact not text", { ...dan, contact: 5 }],
    ["requests not a list", { ...dan, requests: "none" }],
    ["request with a bad date", { ...dan, requests: [request({}, { date: "2026-02-30" })] }],
    ["request with a blank job", { ...dan, requests: [request({}, { job: "  " })] }],
    [
      "request with an unknown step",
      { ...dan, requests: [request({ called: "2026-06-01" } as ReferenceRequest["done"])] },
    ],
    ["request with a bad step date", { ...dan, requests: [request({ asked: "2026-06-31" })] }],
    ["request with a bad id", { ...dan, requests: [request({}, { id: "" })] }],
    ["request that is not an object", { ...dan, requests: [null] }],
    ["request needed by a five-digit year", { ...dan, requests: [request({}, { date: "275760-09-13" })] }],
    ["request needed by 9999-12-31", { ...dan, requests: [request({}, { date: "9999-12-31" })] }],
    ["step ticked on 0000-01-01", { ...dan, requests: [request({ asked: "0000-01-01" })] }],
  ];
  /** Far dates an earlier version could store: kept in storage, refused in a file. */
  const keptWhenStored = new Set(["request needed by 9999-12-31", "step ticked on 0000-01-01"]);

  test.each(variants)("the stored check agrees with the import reader: %s", (name, raw) => {
    const imported = parseImport(fileWith([raw]), SITE);
    const stored = parseStoredTracker({ references: [raw] }, 1);
    if (imported.ok) {
      expect(stored).toEqual(imported.data);
    } else if (keptWhenStored.has(name)) {
      expect(stored).toEqual({ references: [raw] });
    } else {
      // A broken reference is dropped; a reference with a broken request keeps the rest.
      expect(stored?.references.some((r) => JSON.stringify(r) === JSON.stringify(raw))).toBe(false);
    }
  });

  test("the store writes a versioned envelope under its own key and reads it back", () => {
    const storage = new FakeStorage();
    const store = createTrackerStore(() => storage);
    expect(store.write(data)).toEqual({ value: data, persisted: true });
    expect(JSON.parse(storage.items.get(REFERENCES_KEY) ?? "")).toMatchObject({ v: 1, data });
    expect(createTrackerStore(() => storage).read()).toEqual(data);
    store.clear();
    expect(storage.items.has(REFERENCES_KEY)).toBe(false);
  });

  test("when storage throws, the list lives in memory and nothing crashes", () => {
    const storage = new FakeStorage();
    storage.failing.add("getItem").add("setItem").add("removeItem");
    const store = createTrackerStore(() => storage);
    expect(store.read()).toEqual({ references: [] });
    expect(store.write(data)).toEqual({ value: data, persisted: false });
    expect(store.read()).toEqual(data);
    expect(
      createTrackerStore(() => {
        throw new Error("SecurityError");
      }).read(),
    ).toEqual({ references: [] });
  });

  test("another tab's change arrives through the storage event", () => {
    const store = createTrackerStore(() => new FakeStorage());
    expect(store.fromStorageEvent(REFERENCES_KEY, JSON.stringify({ v: 1, data }))).toEqual(data);
    expect(store.fromStorageEvent("reconnect-kit:profile", "{}")).toBeUndefined();
    expect(store.fromStorageEvent(null, null)).toEqual({ references: [] });
  });
});

describe("lists kept before the planner and the tracker shared one timeline", () => {
  // Written by hand as the tracker stored and exported them: version 1, `done` keyed by the
  // tracker's step ids, which stay the ids of the one timeline (so no migration is needed).
  const before = {
    references: [
      {
        id: "ref-sarah",
        name: "Sarah",
        relationship: "",
        channel: "email",
        contact: "",
        requests: [
          {
            id: "req-1",
            job: "Designer",
            date: "2026-07-03",
            done: { asked: "2026-06-12", agreed: "2026-06-17", packetSent: "2026-06-18" },
          },
        ],
        updated: "2026-06-18T10:00:00.000Z",
      },
    ],
  };

  test("load from localStorage unchanged, with the planner's next date", () => {
    const storage = new FakeStorage({ [REFERENCES_KEY]: JSON.stringify({ v: 1, data: before }) });
    const store = createTrackerStore(() => storage);
    const loaded = store.read();
    expect(loaded).toEqual(before);
    const loadedRequest = loaded.references[0]?.requests[0];
    expect(loadedRequest && nextStep(loadedRequest, "2026-06-18")).toMatchObject({
      step: "headsUp",
      date: "2026-07-02",
    });
  });

  test("import from an exported file unchanged", () => {
    const file = JSON.stringify({ app: "reconnect-kit", kind: "references", version: 1, ...before });
    expect(parseImport(file, SITE)).toEqual({ ok: true, data: before });
  });
});

describe("what Export saves and what Import does with a file", () => {
  const next = (r: ReferenceRequest) => nextStep(r, "2026-06-08");

  test("the JSON file imports back, named for the day on the reader's clock", () => {
    const file = exportFile("json", data, NOW, next, TRACKER_WORDS);
    expect(file).toEqual({
      name: `reconnect-kit-references-${localToday(NOW)}.json`,
      text: exportJson(data, NOW),
      type: "application/json",
    });
  });

  test("the CSV file starts with a byte order mark, for Excel", () => {
    const file = exportFile("csv", data, NOW, next, TRACKER_WORDS);
    expect(file.name).toBe(`reconnect-kit-references-${localToday(NOW)}.csv`);
    expect(file.type).toBe("text/csv;charset=utf-8");
    expect(file.text).toBe(`\uFEFF${toCsv(data, next, TRACKER_WORDS)}`);
  });

  test("an import is merged into what is stored, and says what it did", () => {
    const sam: Reference = { ...ana, id: "ref-sam", name: "Sam" };
    expect(importInto(data, exportJson({ references: [sam, dan] }, NOW), SITE)).toEqual({
      ok: true,
      data: { references: [dan, ana, sam] },
      summary: "Imported 2 references (1 new, 1 already here).",
    });
  });

  test("a file that is refused changes nothing and says why", () => {
    expect(importInto(data, "[]", SITE)).toEqual({
      ok: false,
      errors: ['This file is not a Reconnect Kit export (missing "app": "reconnect-kit").'],
    });
  });
});

describe("mergeById", () => {
  const newerDan: Reference = {
    ...dan,
    contact: "dan@new.example",
    requests: [request({ asked: "2026-06-08", agreed: "2026-06-09" })],
    updated: "2026-06-09T10:00:00.000Z",
  };
  const olderDan: Reference = { ...dan, name: "Old Dan", updated: "2026-06-01T00:00:00.000Z" };
  const sam: Reference = { ...ana, id: "ref-sam", name: "Sam" };

  test.each<[string, TrackerData, TrackerData, TrackerData, [number, number, number]]>([
    ["into an empty list, everything is new", { references: [] }, data, data, [2, 0, 0]],
    ["the same data twice changes nothing", data, data, data, [0, 0, 2]],
    ["a new id is added at the end", data, { references: [sam] }, { references: [dan, ana, sam] }, [1, 0, 0]],
    ["a newer copy wins", data, { references: [newerDan] }, { references: [newerDan, ana] }, [0, 1, 0]],
    ["an older copy does not overwrite", data, { references: [olderDan] }, data, [0, 0, 1]],
    [
      "requests are merged by id, so one added elsewhere is kept",
      data,
      { references: [{ ...olderDan, requests: [request({}, { id: "req2", job: "Other job" })] }] },
      {
        references: [
          { ...dan, requests: [...dan.requests, request({}, { id: "req2", job: "Other job" })] },
          ana,
        ],
      },
      [0, 1, 0],
    ],
    ["an import never deletes", data, { references: [] }, data, [0, 0, 0]],
  ])("%s", (_name, current, incoming, expected, [added, updated, unchanged]) => {
    expect(mergeById(current, incoming)).toEqual({ data: expected, added, updated, unchanged });
  });

  // Which copy is newer is a question about moments, not about how they are written.
  test.each<[string, string, string, "incoming" | "existing"]>([
    [
      "an earlier moment in a later-looking offset",
      "2026-06-08T10:00:00.000Z",
      "2026-06-08T11:00:00+02:00",
      "existing",
    ],
    [
      "a later moment in an earlier-looking offset",
      "2026-06-08T10:00:00.000Z",
      "2026-06-08T09:30:00-01:00",
      "incoming",
    ],
    ["the same moment without milliseconds", "2026-06-08T10:00:00.000Z", "2026-06-08T10:00:00Z", "existing"],
    ["the same moment in lower case", "2026-06-08T10:00:00.000Z", "2026-06-08t10:00:00z", "existing"],
    ["a date alone is midnight UTC", "2026-06-08T10:00:00.000Z", "2026-06-09", "incoming"],
    ["a date alone before the time", "2026-06-08T10:00:00.000Z", "2026-06-08", "existing"],
    ["a longer fraction of a second", "2026-06-08T10:00:00.000Z", "2026-06-08T10:00:00.0001Z", "incoming"],
    ["a stored time that cannot be read is the oldest", "2026-9-1", "2026-06-01T00:00:00Z", "incoming"],
    ["a missing time is the oldest", "", "2026-06-01T00:00:00Z", "incoming"],
    ["an incoming time that cannot be read never wins", "2026-06-01T00:00:00Z", "2026-10-1", "existing"],
  ])("%s", (_name, existingTime, incomingTime, winner) => {
    const existing: Reference = { ...dan, updated: existingTime };
    const incoming: Reference = { ...dan, contact: "dan@new.example", updated: incomingTime };
    const result = mergeById({ references: [existing] }, { references: [incoming] });
    expect(result.data.references).toEqual([winner === "incoming" ? incoming : existing]);
    expect([result.updated, result.unchanged]).toEqual(winner === "incoming" ? [1, 0] : [0, 1]);
  });

  test.each<[[number, number, number], string]>([
    [[3, 0, 0], "Imported 3 references (3 new)."],
    [[2, 1, 0], "Imported 3 references (2 new, 1 updated)."],
    [[0, 0, 1], "Imported 1 reference (1 already here)."],
    [[0, 0, 0], "Imported 0 references."],
  ])("summary %j", ([added, updated, unchanged], text) => {
    expect(mergeSummary({ data, added, updated, unchanged })).toBe(text);
  });
});

const TICKED_FOUR: ReferenceRequest["done"] = {
  asked: "2026-06-08",
  agreed: "2026-06-08",
  packetSent: "2026-06-09",
  headsUp: "2026-06-09",
};

describe("nextStep", () => {
  // Needed by Monday 29 June 2026.
  test.each<[string, ReferenceRequest["done"], string, string, string, boolean]>([
    ["nothing done: ask today", {}, "2026-06-08", "asked", "2026-06-08", false],
    [
      "asked on a Friday: follow up on Wednesday",
      { asked: "2026-06-12" },
      "2026-06-12",
      "agreed",
      "2026-06-17",
      false,
    ],
    [
      "asked a week ago with no reply: overdue",
      { asked: "2026-06-01" },
      "2026-06-08",
      "agreed",
      "2026-06-04",
      true,
    ],
    [
      // Was the day they agreed; the planner has always said the business day after.
      "agreed: send the packet by the next business day, as the planner says",
      { asked: "2026-06-08", agreed: "2026-06-10" },
      "2026-06-10",
      "packetSent",
      "2026-06-11",
      false,
    ],
    [
      "packet sent: heads-up the business day before",
      { asked: "2026-06-08", agreed: "2026-06-09", packetSent: "2026-06-09" },
      "2026-06-09",
      "headsUp",
      "2026-06-26",
      false,
    ],
    [
      "heads-up given: thanks the day after",
      { asked: "2026-06-08", agreed: "2026-06-09", packetSent: "2026-06-09", headsUp: "2026-06-26" },
      "2026-06-26",
      "thanked",
      "2026-06-30",
      false,
    ],
    [
      "thanked: the outcome two weeks after",
      {
        asked: "2026-06-08",
        agreed: "2026-06-09",
        packetSent: "2026-06-09",
        headsUp: "2026-06-26",
        thanked: "2026-06-30",
      },
      "2026-07-01",
      "toldOutcome",
      "2026-07-13",
      false,
    ],
    [
      "all done: check in three months after the outcome",
      {
        asked: "2026-06-08",
        agreed: "2026-06-09",
        packetSent: "2026-06-09",
        headsUp: "2026-06-26",
        thanked: "2026-06-30",
        toldOutcome: "2026-07-20",
      },
      "2026-07-20",
      "checkIn",
      "2026-10-20",
      false,
    ],
    [
      "nothing done on a Saturday: ask on Monday, as the plan would",
      {},
      "2026-06-13",
      "asked",
      "2026-06-15",
      false,
    ],
    [
      "asked on a Saturday: that day stands, the follow-up counts from it",
      { asked: "2026-06-13" },
      "2026-06-13",
      "agreed",
      "2026-06-17",
      false,
    ],
    [
      "ticked out of order: the first gap comes first",
      { thanked: "2026-06-30" },
      "2026-07-01",
      "asked",
      "2026-07-01",
      false,
    ],
  ])("%s", (_name, done, today, step, date, overdue) => {
    const next = nextStep(request(done), today);
    expect([next?.step, next?.date, next?.overdue]).toEqual([step, date, overdue]);
    expect(next && TRACKER_WORDS.next[next.step]).not.toBe("");
  });

  test("needed on a Friday: thanks on the Monday after (it was the Saturday)", () => {
    const done = {
      asked: "2026-06-08",
      agreed: "2026-06-09",
      packetSent: "2026-06-10",
      headsUp: "2026-07-02",
    };
    expect(nextStep(request(done, { date: "2026-07-03" }), "2026-07-02")).toMatchObject({
      step: "thanked",
      date: "2026-07-06",
    });
  });

  // An earlier version stored these and then could not show its page again.
  test.each<[string, ReferenceRequest["done"], string]>([
    ["needed by 9999-12-31, four steps ticked", TICKED_FOUR, "9999-12-31"],
    ["needed by 9999-12-30, four steps ticked", TICKED_FOUR, "9999-12-30"],
    ["needed by 9999-09-30, nothing ticked", {}, "9999-09-30"],
    ["needed by 2200-01-01", TICKED_FOUR, "2200-01-01"],
    ["needed by 1899-12-31", {}, "1899-12-31"],
    ["a step ticked on 9999-12-31", { asked: "9999-12-31" }, "2026-06-29"],
    ["a step ticked on 0000-01-01", { asked: "0000-01-01" }, "2026-06-29"],
  ])("%s: no next step, and nothing throws", (_name, done, date) => {
    expect(nextStep(request(done, { date }), "2026-06-09")).toBeUndefined();
    expect(() =>
      toCsv(
        { references: [{ ...dan, requests: [request(done, { date })] }] },
        (r) => nextStep(r, "2026-06-09"),
        TRACKER_WORDS,
      ),
    ).not.toThrow();
  });

  test("the words for a far date name the range the date rule has", () => {
    expect(TRACKER_WORDS.outOfRange).toContain(`outside the years ${YEARS},`);
  });

  test("the check-in says how often it repeats and when it ends", () => {
    const done = {
      asked: "2026-06-08",
      agreed: "2026-06-09",
      packetSent: "2026-06-09",
      headsUp: "2026-06-26",
      thanked: "2026-06-30",
      toldOutcome: "2026-07-20",
    };
    expect(nextStep(request(done), "2026-07-20")?.repeat).toEqual({
      frequency: "monthly",
      interval: 3,
      count: 4,
      until: "2027-07-20",
    });
  });
});

describe("editing", () => {
  test("add, tick, untick and remove", () => {
    let state: TrackerData = { references: [] };
    state = addReference(
      state,
      { name: "  Dan  ", relationship: "Manager", channel: "email", contact: "" },
      "r1",
      NOW,
    );
    expect(state.references[0]).toEqual({
      id: "r1",
      name: "Dan",
      relationship: "Manager",
      channel: "email",
      contact: "",
      requests: [],
      updated: NOW.toISOString(),
    });
    state = addRequest(state, "r1", { job: "Designer", date: "2026-06-29" }, "q1", LATER);
    expect(state.references[0]?.requests).toEqual([
      { id: "q1", job: "Designer", date: "2026-06-29", done: {} },
    ]);
    expect(state.references[0]?.updated).toBe(LATER.toISOString());
    state = setStepDone(state, { reference: "r1", request: "q1" }, "asked", true, "2026-06-09", LATER);
    state = setStepDone(state, { reference: "r1", request: "q1" }, "agreed", true, "2026-06-10", LATER);
    expect(state.references[0]?.requests[0]?.done).toEqual({ asked: "2026-06-09", agreed: "2026-06-10" });
    state = setStepDone(state, { reference: "r1", request: "q1" }, "asked", false, "2026-06-11", LATER);
    expect(state.references[0]?.requests[0]?.done).toEqual({ agreed: "2026-06-10" });
    state = removeRequest(state, "r1", "q1", LATER);
    expect(state.references[0]?.requests).toEqual([]);
    expect(removeReference(state, "r1")).toEqual({ references: [] });
  });

  test.each([
    [{ name: "", relationship: "", channel: "email" as const, contact: "" }, { name: "Enter their name." }],
    [
      { name: "   ", relationship: "x", channel: "email" as const, contact: "" },
      { name: "Enter their name." },
    ],
    [{ name: "Dan", relationship: "", channel: "email" as const, contact: "" }, {}],
  ])("reference form errors %#", (details, errors) => {
    expect(referenceFormErrors(details, TRACKER_WORDS.text)).toEqual(errors);
  });

  test("what is added is clipped to the limits, so it always passes the stored-data check", () => {
    const long = {
      name: "n".repeat(250),
      relationship: "r".repeat(600),
      channel: "email" as const,
      contact: "c".repeat(250),
    };
    let state = addReference({ references: [] }, long, "r1", NOW);
    state = addRequest(state, "r1", { job: "j".repeat(400), date: "2026-06-29" }, "q1", NOW);
    const [reference] = state.references;
    expect([reference?.name.length, reference?.relationship.length, reference?.contact.length]).toEqual([
      200, 500, 200,
    ]);
    expect(reference?.requests[0]?.job.length).toBe(300);
    expect(parseStoredTracker(state, 1)).toEqual(state);
  });

  test.each([
    ["Designer", "2026-06-29", {}],
    ["", "2026-06-29", { job: "Enter the job, for example the role and the company." }],
    ["Designer", "", { date: "Enter the date the reference is needed by." }],
    ["Designer", "2026-02-30", { date: "Enter a date from 1900 to 2199." }],
    ["Designer", "9999-12-31", { date: "Enter a date from 1900 to 2199." }],
    ["Designer", "275760-09-13", { date: "Enter a date from 1900 to 2199." }],
    ["Designer", "0000-01-01", { date: "Enter a date from 1900 to 2199." }],
    ["Designer", "2199-12-31", {}],
  ])("request form errors for %j, %j", (job, date, errors) => {
    expect(requestFormErrors(job, date, TRACKER_WORDS.text)).toEqual(errors);
  });

  test("new ids are valid ids and do not repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{9,20}$/);
  });
});

describe("CSV export (RFC 4180)", () => {
  test.each([
    ["plain", "Dan", "Dan"],
    ["a comma is quoted", "Okafor, Dan", '"Okafor, Dan"'],
    ["quotes are doubled", 'Dan "the man"', '"Dan ""the man"""'],
    ["a line break is quoted", "one\ntwo", '"one\ntwo"'],
    ["CRLF is quoted", "one\r\ntwo", '"one\r\ntwo"'],
    ["= starts a formula", '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+ starts a formula", "+1 555 0100", "'+1 555 0100"],
    ["- starts a formula", "-2+3", "'-2+3"],
    ["@ starts a formula", "@SUM(A1)", "'@SUM(A1)"],
    ["a tab starts a formula", "\t=1", "'\t=1"],
    ["a carriage return starts a formula", "\r=1", '"\'\r=1"'],
    ["a tab alone is neutralised too", "\tnote", "'\tnote"],
    ["= after spaces", "  =1+1", "'  =1+1"],
    ["= after a no-break space", "\u00a0=1+1", "'\u00a0=1+1"],
    ["= after an ideographic space", "\u3000=1+1", "'\u3000=1+1"],
    ["= after a zero-width space", "\u200b=1+1", "'\u200b=1+1"],
    ["= after a line break", "\n=1+1", '"\'\n=1+1"'],
    ["full-width =", "\uFF1D1+1", "'\uFF1D1+1"],
    ["full-width +", "\uFF0B1 555 0100", "'\uFF0B1 555 0100"],
    ["full-width -", "\uFF0D2+3", "'\uFF0D2+3"],
    ["full-width @", "\uFF20SUM(A1)", "'\uFF20SUM(A1)"],
    ["small =", "\uFE661+1", "'\uFE661+1"],
    ["full-width = after an ideographic space", "\u3000\uFF1D1+1", "'\u3000\uFF1D1+1"],
    ["a minus sign", "\u22122+3", "'\u22122+3"],
    ["a semicolon, a separator in some locales, is quoted", "a;=1+1", '"a;=1+1"'],
    ["a formula character later is fine", "a=b", "a=b"],
    ["a full-width one later too", "a\uFF1Db", "a\uFF1Db"],
    ["a date is left alone", "2026-06-29", "2026-06-29"],
    ["empty", "", ""],
  ])("%s", (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test("one row per request, a row for a reference with none, CRLF between records", () => {
    const csv = toCsv(
      { references: [{ ...dan, name: "=cmd|' /C calc'!A0", relationship: "Boss, Acme" }, ana] },
      (request) => nextStep(request, "2026-06-08"),
      TRACKER_WORDS,
    );
    expect(csv.endsWith("\r\n")).toBe(true);
    const records = csv.slice(0, -2).split("\r\n");
    expect(records).toEqual([
      csvHeader(TRACKER_WORDS).join(","),
      `'=cmd|' /C calc'!A0,"Boss, Acme",email,dan@example.com,Product designer at Acme,2026-06-29,2026-06-08,,,,,,Follow up if they have not replied,2026-06-11`,
      "Ana,,text,,,,,,,,,,,",
    ]);
    expect(csvHeader(TRACKER_WORDS)).toHaveLength(14);
    for (const record of records.slice(1)) expect(record.split(",").length).toBeGreaterThanOrEqual(14);
  });
});
