/**
 * A small search UI on Pagefind's JavaScript API, shared by the header's search dialog and the
 * /search/ page. It is loaded only when search is first used, and it loads Pagefind itself (and
 * the index's word list) when the search field gets focus, so the index is on its way while the
 * person types and no page pays for search until someone searches. What a query becomes
 * (synonyms, typo correction, fewer words when all of them find nothing, templates first) is
 * decided in src/lib/search/query.ts; this file draws it.
 *
 * Why not Pagefind's Component UI: it ships about 180 KB of script and its own styles to theme;
 * this file plus pagefind.js is a fraction of that, uses the site's own tokens, and lets the
 * keyboard behaviour (arrow keys through results) and the live status be exactly ours.
 */
import dialogStyles from "../styles/search-dialog.css?raw";
import { findResults, namesAMessage, type SearchEngine, type SearchOutcome } from "../lib/search/query.ts";
import { PHRASES_META } from "../lib/search/phrases.ts";
import {
  EMPTY_VOCABULARY,
  readVocabulary,
  VOCABULARY_FILE,
  type Vocabulary,
} from "../lib/search/vocabulary.ts";
import {
  EMPTY_SEARCH,
  FILTER_LABELS,
  hasFilters,
  pagefindFilters,
  readSearchParams,
  resultSummary,
  SEARCH_FILTERS,
  searchStatus,
  toggleFilter,
  writeSearchParams,
  type SearchFilterName,
  type SearchState,
} from "../lib/search-state.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

type Counts = Record<string, Record<string, number>>;

interface PagefindSearch {
  results: PagefindResult[];
  filters: Counts;
}

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string | null, options?: { filters?: Record<string, unknown> }) => Promise<PagefindSearch>;
  preload: (query: string) => Promise<void>;
  filters: () => Promise<Counts>;
}

const BASE = import.meta.env.BASE_URL.endsWith("/")
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;
const MAX_RESULTS = 12;

/*
 * The dialog's and the results' styles come with this module, not with every page: they are a
 * constructed stylesheet, which the Content-Security-Policy does not govern (it covers <style>
 * elements and style attributes), so they need no hash either.
 */
let styled = false;
function adoptStyles(): void {
  if (styled) return;
  styled = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(dialogStyles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
/** Also imported by src/client/search-trigger.ts as search opens: one module, fetched once. */
const PAGEFIND_URL = `${BASE}pagefind/pagefind.js`;

/**
 * Meta weights: a word of a template's search phrases counts more than one of its title, since
 * the phrases are how people ask for exactly this message (src/lib/search/phrases.ts).
 */
const META_WEIGHTS = { title: 5, [PHRASES_META]: 8 };

interface Loaded {
  readonly pagefind: Pagefind;
  readonly vocabulary: Vocabulary;
  /**
   * Pagefind's filter index, loaded on first call. Nothing calls it before it must: the first
   * results come without it (it would share the network and Pagefind's worker with their
   * chunks), and the filter chips, whose counts need it, are drawn after them.
   */
  readonly filtersReady: () => Promise<unknown>;
  /** Every template's result id, from one filter-only search once the filter index is in. */
  readonly templateIds: () => Promise<ReadonlySet<string>>;
  /** The same, once known: searches that do not need it use it when it is already there. */
  knownTemplateIds?: ReadonlySet<string>;
  /**
   * True once the whole filter index is in. Counts from a search made before then may cover
   * only the filters Pagefind happened to have loaded, so they are never drawn as the chips.
   */
  filtersLoaded?: boolean;
}

let loading: Promise<Loaded> | undefined;

/** Pagefind and the word list, fetched side by side; without the list, search still works. */
function loadSearch(): Promise<Loaded> {
  loading ??= (async () => {
    const words = fetch(`${BASE}pagefind/${VOCABULARY_FILE}`)
      .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
      .then(readVocabulary, () => EMPTY_VOCABULARY);
    const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as Pagefind;
    await pagefind.options({ baseUrl: BASE, excerptLength: 18, ranking: { metaWeights: META_WEIGHTS } });
    await pagefind.init();
    // Pagefind loads its filter index only when asked; until then searches report no counts.
    let filters: Promise<unknown> | undefined;
    let ids: Promise<ReadonlySet<string>> | undefined;
    const loaded: Loaded = {
      pagefind,
      vocabulary: await words,
      filtersReady: () =>
        (filters ??= pagefind.filters().then(() => {
          loaded.filtersLoaded = true;
        })),
      templateIds: () =>
        (ids ??= loaded
          .filtersReady()
          .then(() => pagefind.search(null, { filters: { type: "Template" } }))
          .then((search) => {
            loaded.knownTemplateIds = new Set(search.results.map((result) => result.id));
            return loaded.knownTemplateIds;
          })),
    };
    return loaded;
  })();
  return loading;
}

type Found = PagefindResult & { readonly template: boolean };

/**
 * Pagefind as src/lib/search/query.ts needs it, within the chosen filters: each result says
 * whether it is a template (one filter-only search lists them), and the filter counts of each
 * search are kept, so the chips count what the results were found with.
 */
function engineFor(
  loaded: Loaded,
  state: SearchState,
): SearchEngine<Found> & { counts: Map<string, Counts> } {
  const { pagefind } = loaded;
  const filters = pagefindFilters(state);
  const counts = new Map<string, Counts>();
  return {
    counts,
    async search(terms) {
      // Which results are templates matters only to a query that names a message (templates
      // come first); any other query does not wait for the filter index to know.
      const needed = namesAMessage(terms.split(" "));
      const [search, ids] = await Promise.all([
        pagefind.search(terms, { filters }),
        needed ? loaded.templateIds() : Promise.resolve(loaded.knownTemplateIds),
      ]);
      counts.set(terms, search.filters);
      return search.results.map((result) =>
        Object.assign(result, { template: ids?.has(result.id) ?? false }),
      );
    },
  };
}

/**
 * When the results were gathered word by word, no one search counted them all: the chips show
 * the counts of the search that found the most pages.
 */
function widest(all: Iterable<Counts>): Counts {
  const size = (counts: Counts): number => Object.values(counts["type"] ?? {}).reduce((a, b) => a + b, 0);
  let best: Counts = {};
  for (const counts of all) if (size(counts) > size(best)) best = counts;
  return best;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/**
 * Pagefind's excerpts are HTML with <mark> around matches. Rebuild them from text nodes and
 * <mark> elements only, so nothing else from the index can ever become markup.
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement("template");
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === "MARK"
      ? element("mark", {}, node.textContent ?? "")
      : document.createTextNode(node.textContent ?? ""),
  );
}

export interface SearchOptions {
  /** Keep the URL's ?q= and filters in step with the search (the /search/ page does). */
  readonly syncUrl: boolean;
  readonly initial?: SearchState;
  /** Called when the person follows a result, e.g. to close the dialog. */
  readonly onNavigate?: () => void;
}

export interface SearchHandle {
  focus(): void;
}

export function mountSearch(container: HTMLElement, options: SearchOptions): SearchHandle {
  adoptStyles();
  let state: SearchState = options.initial ?? EMPTY_SEARCH;
  let run = 0;
  /** The person asked for their own spelling ("Search instead for …"), until the query changes. */
  let exact = false;

  const id = `search-${Math.random().toString(36).slice(2, 8)}`;
  const input = element("input", {
    type: "search",
    id: `${id}-input`,
    name: "q",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": `${id}-help`,
    "aria-controls": `${id}-results`,
  });
  input.value = state.query;
  const form = element(
    "form",
    { role: "search", class: "search-form", action: `${BASE}search/` },
    element("label", { for: input.id, class: "search-label" }, "Search advice and templates"),
    input,
    element(
      "p",
      { id: `${id}-help`, class: "search-help soft" },
      "Use the arrow keys to move through results.",
    ),
  );
  // Loading starts when the field gets focus, so the index is on its way while they type.
  input.addEventListener("focus", () => void loadSearch(), { once: true });
  const filters = element("div", { id: `${id}-filters`, class: "search-filters" });
  // On a phone the chips would push the results a screen down: they fold behind one button.
  const filtersToggle = element("button", {
    type: "button",
    class: "search-filters-toggle chip",
    "aria-expanded": "false",
    "aria-controls": filters.id,
    hidden: "",
  });
  const status = element("div", { role: "status", class: "search-status" });
  const results = element("ol", { id: `${id}-results`, class: "search-results", "aria-label": "Results" });
  const empty = element("div", { class: "search-empty", hidden: "" });
  // The guide for each situation is named once, by the content; the header's links carry it.
  const guideLinks = [...document.querySelectorAll<HTMLAnchorElement>("a[data-situation-guide]")].map(
    (link) =>
      element("li", {}, element("a", { href: link.href }, link.dataset["situationGuide"] ?? link.text)),
  );
  empty.append(
    element(
      "p",
      {},
      guideLinks.length > 0 ? "Nothing matched. These guides are a good place to start:" : "Nothing matched.",
    ),
    element("ul", {}, ...guideLinks),
  );
  container.replaceChildren(form, filtersToggle, filters, status, results, empty);

  const links = (): HTMLAnchorElement[] => [...results.querySelectorAll<HTMLAnchorElement>("a")];

  function renderFilters(counts: Record<string, Record<string, number>>): void {
    const groups = SEARCH_FILTERS.flatMap((name) => {
      const values = Object.entries(counts[name] ?? {}).filter(
        ([value, count]) => count > 0 || (state.filters[name] ?? []).includes(value),
      );
      if (values.length < 2 && !state.filters[name]?.length) return [];
      const group = element(
        "fieldset",
        { class: "search-filter" },
        element("legend", {}, FILTER_LABELS[name]),
      );
      for (const [value, count] of values.sort(([a], [b]) => a.localeCompare(b))) {
        const pressed = (state.filters[name] ?? []).includes(value);
        const chip = element(
          "button",
          {
            type: "button",
            class: "chip",
            "aria-pressed": String(pressed),
            "data-filter": name,
            "data-value": value,
          },
          value,
          element("span", { class: "chip-count" }, ` ${count}`),
        );
        group.append(chip);
      }
      return [group];
    });
    filters.replaceChildren(...groups);
    const active = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
    filtersToggle.textContent = active === 0 ? "Filters" : `Filters (${active} on)`;
    filtersToggle.hidden = groups.length === 0;
  }

  filtersToggle.addEventListener("click", () => {
    const open = filtersToggle.getAttribute("aria-expanded") !== "true";
    filtersToggle.setAttribute("aria-expanded", String(open));
    filters.classList.toggle("is-open", open);
  });

  /** The status line; after a correction, a button to search the words as typed. */
  function renderStatus(text: string, instead?: { label: string; query: string }): void {
    const line = element("p", {}, text);
    if (instead !== undefined) {
      const button = element("button", { type: "button", class: "search-instead" }, instead.label);
      button.addEventListener("click", () => {
        exact = true;
        void update().then(() => {
          input.focus();
        });
      });
      line.append(" ", button);
    }
    status.replaceChildren(line);
  }

  async function update(): Promise<void> {
    const current = (run += 1);
    if (options.syncUrl) {
      const params = writeSearchParams(state).toString();
      history.replaceState(null, "", params === "" ? location.pathname : `${location.pathname}?${params}`);
    }
    if (state.query === "" && !hasFilters(state)) {
      results.replaceChildren();
      empty.hidden = true;
      status.replaceChildren();
      filters.replaceChildren();
      filtersToggle.hidden = true;
      return;
    }
    const loaded = await loadSearch();
    const { pagefind, vocabulary } = loaded;
    // Chosen filters need the filter index to apply; a plain query does not wait for it.
    if (hasFilters(state)) await loaded.filtersReady();
    if (current !== run) return;
    const countsComplete = loaded.filtersLoaded === true;
    let hits: readonly PagefindResult[];
    let counts: Counts;
    let outcome: SearchOutcome<Found> | undefined;
    if (state.query === "") {
      const search = await pagefind.search(null, { filters: pagefindFilters(state) });
      hits = search.results;
      counts = search.filters;
    } else {
      const engine = engineFor(loaded, state);
      outcome = await findResults(state.query, engine, vocabulary, { exact });
      hits = outcome.hits;
      counts = engine.counts.get(outcome.searched) ?? widest(engine.counts.values());
    }
    if (current !== run) return;
    const drawn = drawResults(hits.slice(0, MAX_RESULTS), current);
    empty.hidden = hits.length > 0;
    if (outcome === undefined) renderStatus(resultSummary(hits.length, ""));
    else {
      const { text, instead } = searchStatus(state.query, outcome);
      renderStatus(text, instead);
    }
    // With the results drawn, the filter index and the list of templates may load.
    await drawn;
    if (current !== run) return;
    void loaded.templateIds();
    if (countsComplete) {
      renderFilters(counts);
      return;
    }
    // The search ran before the filter index was in: count again once it is, for the chips.
    await loaded.filtersReady();
    if (current !== run) return;
    const searched = outcome === undefined ? null : outcome.searched === "" ? null : outcome.searched;
    const again = await pagefind.search(searched, { filters: pagefindFilters(state) });
    if (current === run) renderFilters(again.filters);
  }

  /**
   * One slot per result, in order, each drawn as soon as its fragment arrives: the first result
   * shows without waiting for the twelfth. A slot stays hidden until then.
   */
  function drawResults(hits: readonly PagefindResult[], current: number): Promise<void> {
    const slots = hits.map(() => element("li", { hidden: "" }));
    // A result that had focus is about to go: focus goes back to the field, not to the page.
    const hadFocus = results.contains(document.activeElement);
    results.replaceChildren(...slots);
    if (hadFocus) input.focus();
    // Busy until every fragment is in, so assistive technology (and tests) can wait for the list.
    if (hits.length > 0) results.setAttribute("aria-busy", "true");
    else results.removeAttribute("aria-busy");
    const arrivals = hits.map((hit, index) =>
      hit.data().then(
        (item) => {
          const slot = slots[index];
          if (current !== run || slot === undefined) return;
          const badges = [item.meta["type"], item.meta["channel"]].filter(
            (b): b is string => b !== undefined,
          );
          slot.className = "search-result";
          slot.replaceChildren(
            element("a", { href: item.url }, item.meta["title"] ?? item.url),
            ...badges.map((b) => element("span", { class: "badge" }, b)),
            element("p", { class: "search-excerpt" }, ...excerptNodes(item.excerpt)),
          );
          slot.hidden = false;
        },
        () => undefined,
      ),
    );
    return Promise.all(arrivals).then(() => {
      if (current === run) results.removeAttribute("aria-busy");
    });
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    state = { ...state, query: input.value.trim() };
    exact = false;
    // Fetch the index chunks for these words already; the search itself waits for a pause.
    void loadSearch().then(({ pagefind }) => pagefind.preload(state.query));
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 120);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    links()[0]?.focus();
  });
  filters.addEventListener("click", (event) => {
    const chip = (event.target as Element).closest<HTMLButtonElement>("button[data-filter]");
    if (chip === null) return;
    state = toggleFilter(state, chip.dataset["filter"] as SearchFilterName, chip.dataset["value"] ?? "");
    const key = `${chip.dataset["filter"] ?? ""}\u0000${chip.dataset["value"] ?? ""}`;
    void update().then(() => {
      // Keep focus on the same chip after the list is redrawn.
      [...filters.querySelectorAll<HTMLButtonElement>("button[data-filter]")]
        .find((b) => `${b.dataset["filter"] ?? ""}\u0000${b.dataset["value"] ?? ""}` === key)
        ?.focus();
    });
  });
  container.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement === input && event.key === "ArrowDown") {
      all[0]?.focus();
    } else if (index !== -1) {
      const next = event.key === "ArrowDown" ? all[index + 1] : (all[index - 1] ?? input);
      next?.focus();
    } else {
      return;
    }
    event.preventDefault();
  });
  results.addEventListener("click", (event) => {
    if ((event.target as Element).closest("a") !== null) options.onNavigate?.();
  });

  if (state.query !== "" || hasFilters(state)) void update();
  return {
    focus: () => {
      input.focus();
    },
  };
}

export function mountSearchPage(container: HTMLElement): void {
  mountSearch(container, {
    syncUrl: true,
    initial: readSearchParams(new URLSearchParams(location.search)),
  }).focus();
}

let dialog: HTMLDialogElement | undefined;
let dialogSearch: SearchHandle | undefined;

/** The header's search dialog: modal (the page behind is inert), Escape closes, focus returns. */
export function openSearchDialog(opener: HTMLElement | null): void {
  if (dialog === undefined) {
    const body = element("div", { class: "search-dialog-body" });
    const close = element("button", { type: "button", class: "search-close" }, "Close");
    dialog = element(
      "dialog",
      { class: "search-dialog", "aria-labelledby": "search-dialog-title" },
      element(
        "div",
        { class: "search-dialog-head" },
        element("h2", { id: "search-dialog-title" }, "Search"),
        close,
      ),
      body,
    );
    document.body.append(dialog);
    const current = dialog;
    dialogSearch = mountSearch(body, {
      syncUrl: false,
      onNavigate: () => {
        current.close();
      },
    });
    close.addEventListener("click", () => {
      current.close();
    });
    current.addEventListener("click", (event) => {
      if (event.target === current) current.close();
    });
  }
  const current = dialog;
  current.addEventListener(
    "close",
    () => {
      opener?.focus();
    },
    { once: true },
  );
  current.showModal();
  dialogSearch?.focus();
}
