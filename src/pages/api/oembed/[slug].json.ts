/** GET /api/oembed/<slug>.json: the template as an oEmbed "rich" answer (src/lib/api/oembed.ts). */
import type { APIRoute, GetStaticPaths } from "astro";
import { getTemplates } from "../../../data/library.ts";
import type { TemplateInfo } from "../../../lib/library.ts";
import { site } from "../../../config.ts";
import { jsonResponse, siteJson } from "../../../lib/api/json.ts";
import { oembedJson } from "../../../lib/api/oembed.ts";

export const getStaticPaths = (async () =>
  (await getTemplates()).map((template) => ({
    params: { slug: template.slug },
    props: { template },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ template: TemplateInfo }> = ({ props }) =>
  jsonResponse(oembedJson(props.template, siteJson({ ...site, base: import.meta.env.BASE_URL })));
