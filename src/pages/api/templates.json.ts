/** GET /api/templates.json: every template, with the tactics that group them (schema version 1). */
import type { APIRoute } from "astro";
import { getFields, getTactics, getTemplates } from "../../data/library.ts";
import { site } from "../../config.ts";
import { indexJson, jsonResponse } from "../../lib/api/json.ts";

export const GET: APIRoute = async () =>
  jsonResponse(
    indexJson(await getTemplates(), await getTactics(), await getFields(), {
      ...site,
      base: import.meta.env.BASE_URL,
    }),
  );
