/**
 * The RSS 2.0 feed of the site's guides and templates, written by @astrojs/rss. Astro's options
 * cover title, description, link and items; the channel's language and its atom:link to itself
 * (which feed validators ask for) go in as custom data, escaped here because it is raw XML.
 */
import { getRssString } from "@astrojs/rss";
import type { APIRoute } from "astro";
import { site } from "../config.ts";
import { getGuides, getTemplates } from "../data/library.ts";
import { joinBase, routes } from "../lib/paths.ts";
import { escapeXml } from "../lib/xml.ts";

const absolute = (path: string) => new URL(joinBase(import.meta.env.BASE_URL, path), site.url).href;

export const GET: APIRoute = async () => {
  const guides = (await getGuides()).map((g) => ({
    title: g.data.title,
    link: absolute(routes.guide(g.id)),
    description: g.data.summary,
    categories: ["Guide"],
  }));
  const templates = (await getTemplates()).map((t) => ({
    title: t.title,
    link: absolute(routes.template(t.slug)),
    description: t.summary,
    categories: ["Template"],
  }));
  const xml = await getRssString({
    title: site.name,
    description: site.tagline,
    site: absolute("/"),
    xmlns: { atom: "http://www.w3.org/2005/Atom" },
    customData: [
      `<language>${escapeXml(site.locale)}</language>`,
      `<atom:link href="${escapeXml(absolute("/feed.xml"))}" rel="self" type="application/rss+xml"/>`,
    ].join(""),
    items: [...guides, ...templates],
  });
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
};
