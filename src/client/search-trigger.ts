/**
 * The only search code on page load: it opens the search dialog on a click of the header's
 * Search link, on "/" or on Ctrl/Cmd+K, and starts the /search/ page. Everything else, Pagefind
 * included, loads on first use. Without JavaScript the Search link simply goes to /search/.
 */
/** Set by src/build/search-bundle.ts in builds; in `astro dev` Vite serves the module itself. */
declare const __RK_SEARCH_UI_URL__: string;

const loadUi = (): Promise<typeof import("./search-ui.ts")> =>
  import.meta.env.DEV ? import("./search-ui.ts") : import(/* @vite-ignore */ __RK_SEARCH_UI_URL__);

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

const searchPage = document.querySelector<HTMLElement>("[data-search-page]");

function open(opener: HTMLElement | null): void {
  if (searchPage !== null) {
    searchPage.querySelector("input")?.focus();
    return;
  }
  void loadUi().then((ui) => {
    ui.openSearchDialog(opener);
  });
}

document.addEventListener("click", (event) => {
  const trigger = (event.target as Element | null)?.closest<HTMLElement>("[data-search-trigger]");
  if (trigger == null || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  open(trigger);
});

document.addEventListener("keydown", (event) => {
  const slash = event.key === "/" && !isTyping(event.target) && !event.metaKey && !event.ctrlKey;
  const commandK = event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey);
  if (!slash && !commandK) return;
  event.preventDefault();
  open(document.querySelector<HTMLElement>("[data-search-trigger]"));
});

if (searchPage !== null) {
  void loadUi().then((ui) => {
    ui.mountSearchPage(searchPage);
  });
}
