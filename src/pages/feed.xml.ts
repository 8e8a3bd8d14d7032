import type { APIRoute } from "astro";
import { getGuides, getTemplates } from "../data/library.ts";
import { rssXml } from "../lib/feed.ts";
import { joinBase, routes } from "../lib/paths.ts";
import { site } from "../config.ts";

const absolute = (path: string) => new URL(joinBase(import.meta.env.BASE_URL, path), site.url).href;

export const GET: APIRoute = async () => {
  const guides = (await getGuides()).map((g) => ({
    title: g.data.title,
    url: absolute(routes.guide(g.id)),
    description: g.data.summary,
    category: "Guide",
  }));
  const templates = (await getTemplates()).map((t) => ({
    title: t.title,
    url: absolute(routes.template(t.slug)),
    description: t.summary,
    category: "Template",
  }));
  const xml = rssXml(
    {
      title: site.name,
      url: absolute("/"),
      description: site.tagline,
      language: site.locale,
      selfUrl: absolute("/feed.xml"),
    },
    [...guides, ...templates],
  );
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
};
