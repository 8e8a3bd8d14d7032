/** GET /templates/<slug>.txt: the message as plain text, with [Label] for each detail to fill in. */
import type { APIRoute, GetStaticPaths } from "astro";
import { getFields, getTemplates } from "../../data/library.ts";
import type { TemplateInfo } from "../../lib/library.ts";
import { plainText } from "../../lib/api/json.ts";

// Only for `astro dev`: the build writes these files in one pass (src/build/template-files.ts).
export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? (await getTemplates()).map((template) => ({ params: { slug: template.slug }, props: { template } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ template: TemplateInfo }> = async ({ props }) =>
  new Response(plainText(props.template, await getFields()), {
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
