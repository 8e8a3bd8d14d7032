import fc from "fast-check";
import type { Details } from "../../src/lib/people.ts";
import { describe, expect, test } from "vitest";
import type { FieldDefinition } from "../../src/lib/fields.ts";
import { fillControl } from "../../src/lib/fill/form.ts";
import { applyQuery, queryWithoutFields, valuesFromQuery } from "../../src/lib/fill/query.ts";
import { queryFor } from "../../src/lib/quick-start.ts";
import { FILL_TEXT_EN } from "../../src/lib/ui-text.ts";

const field = (id: string, type: FieldDefinition["type"], extra: Partial<FieldDefinition> = {}) =>
  fillControl({ id, label: id, hint: "", example: "x", type, ...extra }, false, FILL_TEXT_EN);

const CONTROLS = [
  field("yourName", "text", { maxLength: 80 }),
  field("theirName", "text", { maxLength: 80 }),
  field("neededBy", "date"),
  field("yourEmail", "email"),
];

describe("valuesFromQuery: details from a link, held to the rules of typed input", () => {
  test.each<[string, string, Record<string, string>]>([
    [
      "their name and the date",
      "?theirName=Dan&neededBy=2026-06-19",
      { theirName: "Dan", neededBy: "2026-06-19" },
    ],
    [
      "form encoding (+ for spaces, percent escapes)",
      "?theirName=Dan+O%27Brien+%C3%A9",
      { theirName: "Dan O'Brien é" },
    ],
    [
      "markup stays text",
      "?theirName=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E",
      { theirName: "<img src=x onerror=alert(1)>" },
    ],
    ["an empty date (the form sends it blank)", "?theirName=Dan&neededBy=", { theirName: "Dan" }],
    ["a blank name", "?theirName=+++", {}],
    ["a date that does not exist", "?neededBy=2026-02-30", {}],
    ["a date in another format", "?neededBy=19%2F06%2F2026", {}],
    ["line breaks, as an input would", "?theirName=Dan%0D%0AJo", { theirName: "Dan Jo" }],
    ["control characters dropped", "?theirName=D%00a%1Bn", { theirName: "Dan" }],
    ["longer than the field allows: refused, not cut", `?theirName=${"a".repeat(81)}`, {}],
    ["exactly the field's limit", `?theirName=${"a".repeat(80)}`, { theirName: "a".repeat(80) }],
    ["the first of repeated names", "?theirName=Dan&theirName=Jo", { theirName: "Dan" }],
    // A link must never change what you sign with.
    ["never your own details", "?yourName=Mallory&yourEmail=m%40x.example", {}],
    ["unknown names", "?constructor=x&__proto__=y", {}],
    ["no query", "", {}],
  ])("%s", (_, search, expected) => {
    expect(valuesFromQuery(search, CONTROLS)).toEqual(expected);
  });

  test("a detail the page has no control for is left out", () => {
    expect(valuesFromQuery("?theirName=Dan&neededBy=2026-06-19", [field("theirName", "text")])).toEqual({
      theirName: "Dan",
    });
  });

  test("whatever the query, the values are ones a person could have typed", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, date) => {
        const values = valuesFromQuery(
          `?${new URLSearchParams({ theirName: name, neededBy: date })}`,
          CONTROLS,
        );
        expect(Object.keys(values).every((k) => k === "theirName" || k === "neededBy")).toBe(true);
        if (values.theirName !== undefined) {
          // A tab can be pasted into an input; no other control character can.
          expect(values.theirName.replaceAll("\t", "")).not.toMatch(/\p{Cc}/u);
          expect(values.theirName.length).toBeLessThanOrEqual(80);
          expect(values.theirName.trim()).not.toBe("");
        }
        if (values.neededBy !== undefined) expect(values.neededBy).toBe(date);
      }),
    );
  });
});

describe("queryFor: what the quick start sends", () => {
  test.each<[Record<string, string>, string]>([
    [{ theirName: "Dan O'Brien", neededBy: "2026-06-19" }, "?theirName=Dan+O%27Brien&neededBy=2026-06-19"],
    [{ theirName: "  ", neededBy: "" }, ""],
    [{ yourName: "Maya", theirName: "Dan" }, "?theirName=Dan"],
    [{}, ""],
  ])("%j → %s", (values, query) => {
    expect(queryFor(values)).toBe(query);
  });

  test("round trip: what it sends is what the template page reads", () => {
    const values = { theirName: "Zoë & Dan + 50%", neededBy: "2026-06-19" };
    expect(valuesFromQuery(queryFor(values), CONTROLS)).toEqual(values);
  });
});

describe("queryWithoutFields: the address once the details are applied", () => {
  test.each([
    ["?theirName=Dan&neededBy=2026-06-19", ""],
    ["?theirName=Dan&utm_source=x", "?utm_source=x"],
    ["?q=a", "?q=a"],
    ["", ""],
  ])("%s → %s", (search, rest) => {
    expect(queryWithoutFields(search)).toBe(rest);
  });
});

describe("applyQuery: a template page opened from the quick start or the tracker", () => {
  const NOW = new Date("2026-12-01T12:00:00Z");
  const PERSON_FIELDS = ["theirName", "theirEmail"];
  const jo = {
    id: "jo1",
    name: "Jo",
    relationship: "",
    channel: "email" as const,
    contact: "jo@example.com",
    requests: [],
    updated: "2026-01-01T00:00:00.000Z",
  };
  const apply = (search: string, details: Details) =>
    applyQuery(search, CONTROLS, details, PERSON_FIELDS, "new1", NOW);

  test("a name writes to someone new of that name, never renaming the person chosen; your own details stay", () => {
    const stored: Details = {
      profile: { yourName: "Maya", writingTo: "jo1" },
      tracker: { references: [jo] },
    };
    const linked = apply("?theirName=Dan&yourName=Mallory&ref=home", stored);
    expect(linked.search).toBe("?yourName=Mallory&ref=home");
    expect(linked.applied).toBe(true);
    expect(linked.details.profile).toEqual({ yourName: "Maya", writingTo: "new1" });
    expect(linked.details.tracker.references.map((r) => r.name)).toEqual(["Jo", "Dan"]);
  });

  test("the name of someone already on the list chooses them", () => {
    const stored: Details = { profile: {}, tracker: { references: [jo] } };
    const linked = apply("?theirName=jo", stored);
    expect(linked.details.profile).toEqual({ writingTo: "jo1" });
    expect(linked.details.tracker.references).toHaveLength(1);
  });

  test.each([
    ["a person on this device", "?writingTo=jo1", "jo1", true],
    ["an id not on this device", "?writingTo=zz9", undefined, false],
    ["an id that could not be one", "?writingTo=%3Cscript%3E", undefined, false],
  ])("the tracker's link names %s", (_name, search, chosen, applied) => {
    const linked = apply(search, { profile: {}, tracker: { references: [jo] } });
    expect(linked.details.profile["writingTo"]).toBe(chosen);
    expect(linked.applied).toBe(applied);
    expect(linked.search).toBe("");
  });

  test("nothing to apply: the very same details, so nothing is written", () => {
    const stored: Details = { profile: { theirName: "Jo" }, tracker: { references: [] } };
    const linked = apply("?theirName=%20&neededBy=someday", stored);
    expect(linked.details).toBe(stored);
    expect(linked.applied).toBe(false);
  });
});
