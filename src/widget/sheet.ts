/** The widget stylesheet as one constructed sheet, shared by every widget on the page. */
import { widgetCss } from "../lib/api/widget-css.ts";

let shared: CSSStyleSheet | undefined;

/** One sheet for every widget on the page; constructing it again per element would waste memory. */
export function widgetSheet(accent: string, accentDark: string): CSSStyleSheet {
  if (shared === undefined) {
    shared = new CSSStyleSheet();
    shared.replaceSync(widgetCss(accent, accentDark));
  }
  return shared;
}
