/**
 * <rk-embed-frame>: the iframe embed (src/pages/embed/frame.astro). It reads the template's slug
 * from the address (/embed/<slug>/, which the host rewrites to this page), fetches that
 * template's JSON, the same the widget reads, and draws the site's own fill-in from it. Then it
 * tells the parent page how tall it is.
 */
import { h, render } from "preact";
import { TemplateFiller } from "./fill-in.ts";
import { parentOrigin, RESIZE_TYPE } from "../lib/api/frame.ts";
import { templateJsonPath, templatePagePath, type TemplateJson } from "../lib/api/schema.ts";
import { SLUG_PATTERN } from "../lib/ids.ts";
import type { PeopleText } from "../lib/ui-text.ts";

/** The slug of /embed/<slug>/ (or ?template=<slug>), or undefined for anything else. */
function slugOf(location: Location): string | undefined {
  const asked = new URLSearchParams(location.search).get("template") ?? location.pathname.split("/").at(-2);
  return asked !== undefined && asked !== "frame" && SLUG_PATTERN.test(asked) ? asked : undefined;
}

class EmbedFrame extends HTMLElement {
  connectedCallback(): void {
    const root = import.meta.env.BASE_URL.endsWith("/")
      ? import.meta.env.BASE_URL
      : `${import.meta.env.BASE_URL}/`;
    const status = this.querySelector<HTMLElement>("[data-embed-status]");
    const slug = slugOf(location);
    if (slug === undefined) {
      if (status !== null) status.textContent = "This address names no template.";
      return;
    }
    const data = this.querySelector(":scope > script[type='application/json']");
    const shared = JSON.parse(data?.textContent ?? "{}") as {
      people: PeopleText;
      personFields: readonly string[];
    };
    data?.remove();
    const url = new URL(`${root}${templateJsonPath(slug)}`, location.href).href;
    void fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${url} answered ${String(response.status)}`);
        // The site's own file, built with this page: a shape check is enough (the widget, which
        // may meet another version's files, checks more: src/widget/data.ts).
        const template = (await response.json()) as TemplateJson;
        if (typeof template.slug !== "string" || typeof template.uiText !== "object")
          throw new Error(`${url} is not a template`);
        document.title = `${template.title} | ${template.site.name}`;
        const title = document.querySelector("[data-embed-title]");
        if (title !== null) title.textContent = template.title;
        const page = document.querySelector<HTMLAnchorElement>("[data-embed-page]");
        if (page !== null) page.href = `${root}${templatePagePath(slug)}`;
        // No "Mark as sent" in another site's iframe: the tracker it ticks lives on this site.
        const props = { template, text: template.uiText, locale: template.locale, ...shared, serves: [] };
        render(h(TemplateFiller, props), this);
      })
      .catch(() => {
        if (status !== null) status.textContent = "This template did not load. Reload the page to try again.";
      });
  }
}

if (customElements.get("rk-embed-frame") === undefined) customElements.define("rk-embed-frame", EmbedFrame);

const theme = new URLSearchParams(location.search).get("theme");
if (theme === "light" || theme === "dark") document.documentElement.dataset["theme"] = theme;

// Post only to the parent's own origin: never "*", so no other page learns anything.
// location.ancestorOrigins is Chromium and Safari only.
const ancestor = "ancestorOrigins" in location ? location.ancestorOrigins[0] : undefined;
const origin = parentOrigin(location.search, ancestor, document.referrer);
if (origin !== undefined && window.parent !== window) {
  // A ResizeObserver reports once when observing starts, then on every change of size.
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    window.parent.postMessage({ type: RESIZE_TYPE, height }, origin);
  }).observe(document.body);
}
