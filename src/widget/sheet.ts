/**
 * The widget stylesheet as one constructed sheet, shared by every widget on the page. Its text
 * (src/lib/api/widget-css.ts, with the site's accents) is made at build time and arrives as
 * rkCss(), so the bundle carries the sheet and not the code that writes it.
 */
let shared: CSSStyleSheet | undefined;

/** One sheet for every widget on the page; constructing it again per element would waste memory. */
export function widgetSheet(): CSSStyleSheet {
  if (shared === undefined) {
    shared = new CSSStyleSheet();
    shared.replaceSync(rkCss());
  }
  return shared;
}
