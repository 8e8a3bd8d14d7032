/**
 * The template API's JSON and plain text, built from the library through fillableTemplate.
 * Build-time only: it reaches the template parser, which the widget bundle never imports (the
 * widget reads `nodes` instead).
 */
import { CHANNELS } from "../channels.ts";
import { placeholderFor, type FieldDefinition } from "../fields.ts";
import type { TacticInfo, TemplateInfo } from "../library.ts";
import { joinBase } from "../paths.ts";
import { renderNodeSegments, segmentsToText, type TemplateNode } from "../template/index.ts";
import { FILL_TEXT_EN } from "../ui-text.ts";
import { fillableTemplate } from "./fillable.ts";
import { oembedJson } from "./oembed.ts";
import {
  apiPaths,
  SCHEMA_VERSION,
  type FieldsJson,
  type SiteJson,
  type TemplateIndexJson,
  type TemplateJson,
  type TemplateSummaryJson,
} from "./schema.ts";

export interface ApiSite {
  readonly name: string;
  /** Public origin without a trailing slash, as in site.config.ts. */
  readonly url: string;
  /** "/" or e.g. "/careers/reconnect/". */
  readonly base: string;
  readonly locale: string;
}

export function siteJson(site: ApiSite): SiteJson {
  return { name: site.name, root: new URL(joinBase(site.base, "/"), site.url).href };
}

/** What the index entry and the full template share. */
function describe(template: TemplateInfo): Omit<TemplateSummaryJson, "channel" | "fields"> {
  return {
    slug: template.slug,
    title: template.title,
    summary: template.summary,
    channelLabel: CHANNELS[template.channel].label,
    situation: template.situation,
    tactic: template.tactic,
    tone: template.tone,
    need: template.need,
    page: apiPaths.page(template.slug),
    json: apiPaths.template(template.slug),
    text: apiPaths.text(template.slug),
  };
}

function summaryOf(template: TemplateInfo, registry: readonly FieldDefinition[]): TemplateSummaryJson {
  return {
    ...describe(template),
    channel: template.channel,
    fields: fillableTemplate(template, registry).fields.map((field) => field.id),
  };
}

export function indexJson(
  templates: readonly TemplateInfo[],
  tactics: readonly TacticInfo[],
  registry: readonly FieldDefinition[],
  site: ApiSite,
): TemplateIndexJson {
  return {
    schemaVersion: SCHEMA_VERSION,
    site: siteJson(site),
    tactics: [...tactics]
      .sort((a, b) => a.order - b.order)
      .map((tactic) => ({
        slug: tactic.slug,
        title: tactic.title,
        situation: tactic.situation,
        order: tactic.order,
        page: apiPaths.tactic(tactic.slug),
      })),
    templates: templates.map((template) => summaryOf(template, registry)),
  };
}

export function templateJson(
  template: TemplateInfo,
  registry: readonly FieldDefinition[],
  site: ApiSite,
): TemplateJson {
  const subject = template.subject;
  const root = siteJson(site);
  return {
    schemaVersion: SCHEMA_VERSION,
    site: root,
    ...describe(template),
    ...fillableTemplate(template, registry),
    locale: site.locale,
    url: new URL(apiPaths.page(template.slug), root.root).href,
    source: subject === undefined ? { body: template.body } : { subject, body: template.body },
    uiText: FILL_TEXT_EN,
    ...oembedJson(template, root),
  };
}

export function fieldsJson(registry: readonly FieldDefinition[]): FieldsJson {
  return { schemaVersion: SCHEMA_VERSION, fields: registry };
}

/**
 * The message as plain text with "[Label]" for every detail, as the page shows it without
 * JavaScript: an email starts with its subject line and a blank line.
 */
export function plainText(template: TemplateInfo, registry: readonly FieldDefinition[]): string {
  const { fields, nodes } = fillableTemplate(template, registry);
  const byId = new Map(fields.map((field) => [field.id, field]));
  const text = (part: readonly TemplateNode[]): string =>
    segmentsToText(renderNodeSegments(part, {}), (id) => placeholderFor(byId.get(id), id));
  return `${nodes.subject === undefined ? "" : `Subject: ${text(nodes.subject)}\n\n`}${text(nodes.body).trim()}\n`;
}

/** JSON as the endpoints serve it: compact, since it goes over the wire to every widget. */
export function jsonResponse(data: unknown): Response {
  return new Response(JSON.stringify(data), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

/**
 * Every per-template file of the API: each template's JSON (api/templates/<slug>.json) and plain
 * text (templates/<slug>.txt), as [path relative to the site root, contents]. The build writes
 * them in one pass (src/build/template-files.ts) rather than as 2 × N Astro routes, each of which
 * costs about a millisecond of route overhead (issue 17: 10 s of a 5,000-template build).
 */
export function templateFiles(
  templates: readonly TemplateInfo[],
  registry: readonly FieldDefinition[],
  site: ApiSite,
): [path: string, contents: string][] {
  return templates.flatMap((template): [string, string][] => [
    [apiPaths.template(template.slug), JSON.stringify(templateJson(template, registry, site))],
    [apiPaths.text(template.slug), plainText(template, registry)],
  ]);
}
