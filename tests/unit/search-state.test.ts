import { describe, expect, test } from "vitest";
import {
  hasFilters,
  pagefindFilters,
  readSearchParams,
  resultSummary,
  toggleFilter,
  writeSearchParams,
  type SearchState,
} from "../../src/lib/search-state.ts";

describe("search state and URLs", () => {
  test.each([
    ["", { query: "", filters: {} }],
    ["q=thank+you", { query: "thank you", filters: {} }],
    ["q=%20birthday%20", { query: "birthday", filters: {} }],
    ["q=x&channel=Text+message", { query: "x", filters: { channel: ["Text message"] } }],
    [
      "channel=Email&channel=Text+message&tone=Warm",
      { query: "", filters: { channel: ["Email", "Text message"], tone: ["Warm"] } },
    ],
    ["channel=Email&channel=Email&unknown=1&tone=", { query: "", filters: { channel: ["Email"] } }],
  ])("reads ?%s", (search, expected) => {
    expect(readSearchParams(new URLSearchParams(search))).toEqual(expected);
  });

  test.each<[SearchState, string]>([
    [{ query: "", filters: {} }, ""],
    [{ query: "thank you", filters: {} }, "q=thank+you"],
    [
      { query: "a&b", filters: { channel: ["Text message"], situation: ["Need a reference"] } },
      "q=a%26b&situation=Need+a+reference&channel=Text+message",
    ],
  ])("writes %j", (state, expected) => {
    expect(writeSearchParams(state).toString()).toBe(expected);
    expect(readSearchParams(writeSearchParams(state))).toEqual(state);
  });

  test("toggling a filter adds and removes values", () => {
    let state: SearchState = { query: "hi", filters: {} };
    state = toggleFilter(state, "channel", "Email");
    state = toggleFilter(state, "channel", "Text message");
    expect(state.filters).toEqual({ channel: ["Email", "Text message"] });
    expect(pagefindFilters(state)).toEqual({ channel: { any: ["Email", "Text message"] } });
    state = toggleFilter(toggleFilter(state, "channel", "Email"), "channel", "Text message");
    expect(state.filters).toEqual({});
    expect(hasFilters(state)).toBe(false);
  });

  test.each([
    [0, "xyz", "No results for “xyz”"],
    [1, "", "1 result"],
    [5, "birthday", "5 results for “birthday”"],
  ])("summary for %i results", (count, query, expected) => {
    expect(resultSummary(count, query)).toBe(expected);
  });
});
