import fc from "fast-check";
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

describe("applyQuery: a template page opened from the quick start", () => {
  test("their name from the address replaces the stored one; your own details stay", () => {
    const stored = { yourName: "Maya", theirName: "Jo" };
    const linked = applyQuery("?theirName=Dan&yourName=Mallory&ref=home", CONTROLS, stored);
    expect(linked).toEqual({
      values: { yourName: "Maya", theirName: "Dan" },
      search: "?yourName=Mallory&ref=home",
      applied: true,
    });
  });

  test("nothing to apply: the very same values, so nothing is written", () => {
    const stored = { theirName: "Jo" };
    const linked = applyQuery("?theirName=%20&neededBy=someday", CONTROLS, stored);
    expect(linked.values).toBe(stored);
    expect(linked.applied).toBe(false);
  });
});
