/**
 * Every template's JSON and plain text in one response, which src/build/template-files.ts splits
 * into api/templates/<slug>.json and templates/<slug>.txt at the end of the build and then
 * deletes: one route instead of two per template (see templateFiles in src/lib/api/json.ts).
 */
import type { APIRoute } from "astro";
import { getFields, getTemplates } from "../../data/library.ts";
import { site } from "../../config.ts";
import { jsonResponse, templateFiles } from "../../lib/api/json.ts";

export const GET: APIRoute = async () =>
  jsonResponse(
    templateFiles(await getTemplates(), await getFields(), { ...site, base: import.meta.env.BASE_URL }),
  );
