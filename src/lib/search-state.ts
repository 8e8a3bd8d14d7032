/**
 * What a search is (the words and the chosen filters) and how it reads from and writes to a URL,
 * so a search can be bookmarked and shared: /search/?q=thank+you&channel=Text+message, and what
 * the status line says about a search.
 */
import type { Correction } from "./search/query.ts";
import { wordsOf } from "./search/words.ts";

export const SEARCH_FILTERS = ["situation", "channel", "tone", "tactic", "type"] as const;
export type SearchFilterName = (typeof SEARCH_FILTERS)[number];

export const FILTER_LABELS: Readonly<Record<SearchFilterName, string>> = {
  situation: "Situation",
  channel: "Channel",
  tone: "Tone",
  tactic: "Tactic",
  type: "Kind of page",
};

export interface SearchState {
  readonly query: string;
  /** Chosen values per filter; several values of one filter mean "any of these". */
  readonly filters: Readonly<Partial<Record<SearchFilterName, readonly string[]>>>;
}

export const EMPTY_SEARCH: SearchState = { query: "", filters: {} };

export function readSearchParams(params: URLSearchParams): SearchState {
  const filters: Partial<Record<SearchFilterName, string[]>> = {};
  for (const name of SEARCH_FILTERS) {
    const values = [
      ...new Set(
        params
          .getAll(name)
          .map((v) => v.trim())
          .filter((v) => v !== ""),
      ),
    ];
    if (values.length > 0) filters[name] = values;
  }
  return { query: (params.get("q") ?? "").trim(), filters };
}

export function writeSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== "") params.set("q", state.query);
  for (const name of SEARCH_FILTERS) {
    for (const value of state.filters[name] ?? []) params.append(name, value);
  }
  return params;
}

export function toggleFilter(state: SearchState, name: SearchFilterName, value: string): SearchState {
  const current = state.filters[name] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = Object.fromEntries(
    Object.entries({ ...state.filters, [name]: next }).filter(([, values]) => values.length > 0),
  );
  return { ...state, filters };
}

export function hasFilters(state: SearchState): boolean {
  return Object.values(state.filters).some((values) => values.length > 0);
}

/** Pagefind's filter argument: `{ channel: { any: ["Email", "Text message"] } }`. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [name, values] of Object.entries(state.filters)) {
    if (values.length > 0) out[name] = { any: [...values] };
  }
  return out;
}

/** "5 results for “birthday”", "1 result", "No results for “xyz”". */
export function resultSummary(count: number, query: string): string {
  const what = count === 0 ? "No results" : count === 1 ? "1 result" : `${count} results`;
  return query === "" ? what : `${what} for “${query}”`;
}

/** The query as the person typed it, with each corrected word put right: "refrence letter" → "reference letter". */
export function correctedQuery(query: string, corrections: readonly Correction[]): string {
  const fixes = new Map(corrections.map(({ from, to }) => [from, to]));
  return wordsOf(query)
    .map((word) => fixes.get(word) ?? word)
    .join(" ");
}

export interface SearchStatus {
  readonly text: string;
  /** Offered after a correction: search the words as typed. */
  readonly instead?: { readonly label: string; readonly query: string };
}

const resultCount = (count: number): string => (count === 1 ? "1 result" : `${count} results`);

/**
 * What the status line says about an outcome of findResults (src/lib/search/query.ts):
 * "No results for all words; showing 3 results for “manager reference”.",
 * "2 results for “reference letter request”, then 6 for some of its words.",
 * "Showing 4 results for “reference”." with "Search instead for “refrence”", or the summary.
 */
export function searchStatus(
  query: string,
  outcome: {
    readonly hits: { readonly length: number };
    readonly searched: string;
    readonly complete: number;
    readonly corrections: readonly Correction[];
    readonly relaxed: boolean;
  },
): SearchStatus {
  const count = outcome.hits.length;
  if (count === 0) return { text: resultSummary(0, query) };
  const instead =
    outcome.corrections.length > 0 ? { instead: { label: `Search instead for “${query}”`, query } } : {};
  const rest = count - outcome.complete;
  const then = rest > 0 ? `, then ${rest} for some of its words` : "";
  if (outcome.relaxed) {
    return {
      text: `No results for all words; showing ${resultCount(outcome.complete)} for “${outcome.searched}”${then}.`,
      ...instead,
    };
  }
  if (outcome.corrections.length > 0) {
    const shown = correctedQuery(query, outcome.corrections);
    return { text: `Showing ${resultCount(outcome.complete)} for “${shown}”${then}.`, ...instead };
  }
  if (rest === 0) return { text: resultSummary(count, query) };
  return { text: `${resultCount(outcome.complete)} for “${query}”${then}.` };
}
