/**
 * The first module widget.js runs (index.ts imports it before anything else): it asks for the
 * JSON of every <reconnect-template> already on the page before the rest of the script defines
 * the elements and their drawing, so the request and that work overlap (issue 17: 113 of the
 * 322 ms to a rendered message at 4x CPU passed before the request). loadJson caches the answer
 * (data.ts), so the element's own load takes the same request.
 */
import { templateJsonPath } from "../lib/api/schema.ts";
import { loadJson, siteRootFor, SLUG } from "./data.ts";

/** The site this copy of widget.js belongs to, found from the script's own address. */
export const ROOT = siteRootFor(import.meta.url);

/** A template's JSON address; the element's load asks for the same one. */
export const templateUrl = (slug: string): URL => new URL(templateJsonPath(slug), ROOT);

// No catch here: a failure is the element's to show when it loads the same URL, and loadJson
// handles the rejection itself (it forgets the failed request), so none goes unhandled.
for (const element of document.querySelectorAll("reconnect-template")) {
  const slug = element.getAttribute("template") ?? "";
  if (SLUG.test(slug)) void loadJson(templateUrl(slug));
}
