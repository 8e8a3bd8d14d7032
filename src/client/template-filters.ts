/**
 * On /templates/, apply a filter link in place instead of loading its page: items that do not
 * match are hidden, empty groups too, and the address becomes the filter page's own, so reload,
 * Back and sharing all land on the same list. Without JavaScript the links load those pages.
 */
const nav = document.querySelector<HTMLElement>("[data-template-filters]");
const index = document.querySelector<HTMLElement>("[data-template-index]");
const statusLine = document.querySelector<HTMLElement>("[data-filter-status]");

interface FilterState {
  facet?: string;
  value?: string;
}

function apply({ facet, value }: FilterState): void {
  if (nav === null || index === null) return;
  let shown = 0;
  for (const item of index.querySelectorAll<HTMLElement>("li[data-channel]")) {
    item.hidden = facet !== undefined && item.dataset[facet] !== value;
    if (!item.hidden) shown += 1;
  }
  for (const group of index.querySelectorAll<HTMLElement>("[data-group]")) {
    group.hidden = group.querySelector("li[data-channel]:not([hidden])") === null;
  }
  for (const link of nav.querySelectorAll<HTMLAnchorElement>("a")) {
    const current =
      facet === undefined
        ? link.hasAttribute("data-filter-all")
        : link.dataset["facet"] === facet && link.dataset["value"] === value;
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (statusLine !== null)
    statusLine.textContent = `Showing ${shown} ${shown === 1 ? "template" : "templates"}.`;
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
