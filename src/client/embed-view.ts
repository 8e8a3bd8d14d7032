/**
 * The iframe embed's page (src/pages/embed/frame.astro): which template its address names
 * (frame.ts), that template's JSON (the file the widget reads, which carries the fill-in's form
 * and words), and from it the template page's own fill-in face (src/lib/fill/face.ts), drawn here
 * and then run by the same code as on the template page (fill-in.ts). Also what every embed
 * does: it tells its parent how tall it is, and takes brand colours and WordPress's oEmbed
 * protocol from its address when asked (embed-frame.ts).
 */
import { fill, h, toDom } from "./dom.ts";
import { startFillIn } from "./fill-in.ts";
import { embedSlug, parentOrigin, RESIZE_TYPE } from "../lib/api/frame.ts";
import { asTemplateJson, problemNotice, type LoadProblem } from "../lib/api/read.ts";
import { apiPaths, templatePagePath, type TemplateJson } from "../lib/api/schema.ts";
import { fillerMarkup, fillInData, unreadyState, type FillerProps } from "../lib/fill/face.ts";
import { say, type PeopleText } from "../lib/ui-text.ts";

/** What the page gives its script, the same for every template (the rest is in its JSON). */
export interface EmbedViewData {
  /** The site's root path with its base, e.g. "/careers/reconnect/". */
  readonly root: string;
  readonly siteName: string;
  readonly people: PeopleText;
  readonly personFields: readonly string[];
  /** The reference steps each planned template is for (plan.ts), by slug: what Mark as sent ticks. */
  readonly serves: Readonly<Record<string, FillerProps["serves"]>>;
  /** What to say when the address names no template (the widget's sentence names its attribute). */
  readonly noName: string;
}

const byId = (id: string) => document.getElementById(id);

/** The template's JSON, checked as the widget checks it, or why there is none to show. */
async function loadTemplate(root: URL, slug: string): Promise<TemplateJson | LoadProblem> {
  try {
    const response = await fetch(new URL(apiPaths.template(slug), root), { credentials: "omit" });
    if (response.status === 404) return "not-found";
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
    return asTemplateJson(await response.json(), response.url);
  } catch (error) {
    console.warn(error);
    return "failed";
  }
}

async function show(data: EmbedViewData): Promise<void> {
  const title = byId("embed-title");
  const view = byId("embed-view");
  if (title === null || view === null) return;
  const root = new URL(data.root, location.href);
  const slug = embedSlug(location.pathname, location.search, data.root);
  const template = slug === undefined ? "missing" : await loadTemplate(root, slug);
  if (typeof template === "string") {
    const [text, path, link] = problemNotice(template, slug ?? "");
    title.textContent = template === "missing" ? data.noName : text;
    const href = new URL(path, root).href;
    fill(
      view,
      h("p", {}, h("a", { href, target: "_blank", rel: "noopener" }, say(link, { site: data.siteName }))),
    );
    return;
  }
  document.title = `${template.title} | ${data.siteName}`;
  title.textContent = template.title;
  // The page on the site that serves this embed (its JSON's url is the canonical address).
  for (const link of document.querySelectorAll("a[data-full-page]"))
    link.setAttribute("href", `${data.root}${templatePagePath(template.slug)}`);
  const props: FillerProps = {
    template,
    text: template.uiText,
    locale: template.locale,
    people: data.people,
    personFields: data.personFields,
    serves: data.serves[template.slug] ?? [],
  };
  const face = h("div", {});
  fill(face, toDom(fillerMarkup(props, unreadyState(props))));
  fill(view, face);
  startFillIn(face, fillInData(props));
}

const theme = new URLSearchParams(location.search).get("theme");
if (theme === "light" || theme === "dark") document.documentElement.dataset["theme"] = theme;

// Post only to the parent's own origin: never "*", so no other page learns anything.
// location.ancestorOrigins is Chromium and Safari only.
const ancestor = "ancestorOrigins" in location ? location.ancestorOrigins[0] : undefined;
const origin = parentOrigin(location.search, ancestor, document.referrer);
// Brand colours, a sandbox (WordPress's oEmbed iframe) and WordPress's own height message
// load their code only where the address or the sandbox asks for them.
const wordPress = location.hash.startsWith("#?secret=");
if (wordPress || window.origin === "null" || /[?&]accent/.test(location.search))
  void import("./embed-frame.ts").then(({ startFrame }) => {
    startFrame(origin);
  });
if (!wordPress && origin !== undefined && window.parent !== window) {
  // A ResizeObserver reports once when observing starts, then on every change of size.
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    window.parent.postMessage({ type: RESIZE_TYPE, height }, origin);
  }).observe(document.body);
}

const data = byId("embed-data");
if (data !== null) void show(JSON.parse(data.textContent) as EmbedViewData);
