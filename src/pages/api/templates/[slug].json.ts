/** GET /api/templates/<slug>.json: one template, parsed, with its channel and fields (schema version 1). */
import type { APIRoute, GetStaticPaths } from "astro";
import { getFields, getTemplates } from "../../../data/library.ts";
import type { TemplateInfo } from "../../../lib/library.ts";
import { site } from "../../../config.ts";
import { jsonResponse, templateJson } from "../../../lib/api/json.ts";

// Only for `astro dev`: the build writes these files in one pass (src/build/template-files.ts).
export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? (await getTemplates()).map((template) => ({ params: { slug: template.slug }, props: { template } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ template: TemplateInfo }> = async ({ props }) =>
  jsonResponse(templateJson(props.template, await getFields(), { ...site, base: import.meta.env.BASE_URL }));
