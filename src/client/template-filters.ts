/**
 * On /templates/, apply a filter link in place instead of loading its page, and make the address
 * the filter page's own, so reload, Back and sharing all land on the same list. Without
 * JavaScript the links load those pages.
 *
 * Filtering sets one CSS rule and touches no item: the rule hides the items whose data-<facet>
 * differs and the groups whose data-has tokens (src/lib/template-lists.ts) lack the value. The
 * rule lives in a constructed stylesheet, which the Content-Security-Policy does not govern (it
 * covers <style> elements and style attributes), so no inline style needs a hash.
 */
const nav = document.querySelector<HTMLElement>("[data-template-filters]");
const index = document.querySelector<HTMLElement>("[data-template-index]");
const statusLine = document.querySelector<HTMLElement>("[data-filter-status]");

interface FilterState {
  facet?: string;
  value?: string;
}

const FACETS = new Set(["channel", "situation", "tone"]);
const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

/** The one rule for a filter; facet and value come from our own links, checked against the facets. */
function ruleFor({ facet, value }: FilterState): string {
  if (facet === undefined || value === undefined || !FACETS.has(facet)) return "";
  const quoted = CSS.escape(value);
  return (
    `[data-template-index] li[data-${facet}]:not([data-${facet}="${quoted}"]),` +
    `[data-template-index] [data-group]:not([data-has~="${facet}:${quoted}"]) { display: none; }`
  );
}

function apply(state: FilterState): void {
  if (nav === null || index === null) return;
  sheet.replaceSync(ruleFor(state));
  let chosen: HTMLAnchorElement | undefined;
  for (const link of nav.querySelectorAll<HTMLAnchorElement>("a")) {
    const current =
      state.facet === undefined
        ? link.hasAttribute("data-filter-all")
        : link.dataset["facet"] === state.facet && link.dataset["value"] === state.value;
    if (current) {
      link.setAttribute("aria-current", "page");
      chosen = link;
    } else link.removeAttribute("aria-current");
  }
  if (statusLine === null || chosen === undefined) return;
  // This page shows each tactic's first templates: say how many of all the matching ones are
  // here, and link to the filter's own page, which lists every one.
  const shown =
    state.facet === undefined
      ? index.querySelectorAll("li[data-channel]").length
      : index.querySelectorAll(`li[data-${state.facet}="${CSS.escape(state.value ?? "")}"]`).length;
  const total = Number(chosen.dataset["count"] ?? shown);
  const noun = (n: number) => (n === 1 ? "template" : "templates");
  if (shown >= total) {
    statusLine.textContent = `Showing ${shown} ${noun(shown)}.`;
    return;
  }
  const all = document.createElement("a");
  all.href = chosen.getAttribute("href") ?? chosen.href;
  all.textContent = `See all ${total}`;
  statusLine.replaceChildren(`Showing ${shown} of ${total} ${noun(total)}, the first of each tactic. `, all);
}

if (nav !== null && index !== null) {
  nav.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest("a");
    if (link == null || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const state: FilterState =
      link.dataset["facet"] === undefined
        ? {}
        : { facet: link.dataset["facet"], value: link.dataset["value"] ?? "" };
    apply(state);
    history.pushState(state, "", link.href);
  });
  window.addEventListener("popstate", (event) => {
    apply((event.state as FilterState | null) ?? {});
  });
}
