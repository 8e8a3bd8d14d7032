/** GET /api/fields.json: the whole field registry (schema version 1). */
import type { APIRoute } from "astro";
import { getFields } from "../../data/library.ts";
import { fieldsJson, jsonResponse } from "../../lib/api/json.ts";

export const GET: APIRoute = async () => jsonResponse(fieldsJson(await getFields()));
