/**
 * oEmbed (https://oembed.com/, §2.3.4 "rich"): the fields of an oEmbed answer, which each
 * template's JSON (/api/templates/<slug>.json, json.ts) carries beside its own, found through the
 * template page's <link rel="alternate" type="application/json+oembed">: pasting a template's
 * address into WordPress (or another consumer) embeds it through the iframe embed (frame.ts).
 *
 * The HTML is what WordPress keeps from an untrusted provider (wp_filter_oembed_result in
 * wp-includes/embed.php, 6.1): a <blockquote> with a link, shown until the frame speaks, and one
 * <iframe> with src, width, height and title. WordPress sandboxes that iframe with
 * allow-scripts only and sizes it from the frame's { message: "height" } posts (wp-embed.js);
 * src/lib/api/frame-options.ts and src/client/embed-frame.ts have that side.
 */
import { escapeHtml } from "./snippet.ts";
import { apiPaths } from "./schema.ts";

export interface OEmbedJson {
  readonly version: "1.0";
  readonly type: "rich";
  readonly title: string;
  readonly provider_name: string;
  readonly provider_url: string;
  readonly html: string;
  readonly width: number;
  readonly height: number;
}

/** The frame's starting size; WordPress then sizes it from the frame's own messages. */
export const OEMBED_SIZE = { width: 600, height: 800 } as const;

export function oembedJson(
  template: { readonly slug: string; readonly title: string },
  site: { readonly name: string; readonly root: string },
): OEmbedJson {
  const page = new URL(apiPaths.page(template.slug), site.root).href;
  const frame = new URL(apiPaths.embed(template.slug), site.root).href;
  const title = escapeHtml(template.title);
  return {
    version: "1.0",
    type: "rich",
    title: template.title,
    provider_name: site.name,
    provider_url: site.root,
    html: `<blockquote><a href="${escapeHtml(page)}">${title}</a></blockquote><iframe src="${escapeHtml(frame)}" width="${OEMBED_SIZE.width}" height="${OEMBED_SIZE.height}" title="Fill in: ${title}" frameborder="0"></iframe>`,
    ...OEMBED_SIZE,
  };
}
