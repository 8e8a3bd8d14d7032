/**
 * Builds the template API's JSON and plain text from the library. Build-time only: it uses the
 * template parser, which the widget bundle never imports (the widget reads `nodes` instead).
 */
import { CHANNELS } from "../lib/channels.ts";
import { placeholderFor, type FieldDefinition } from "../lib/fields.ts";
import {
  templateFields,
  templateRequiredFields,
  type TacticInfo,
  type TemplateInfo,
} from "../lib/library.ts";
import { joinBase } from "../lib/paths.ts";
import { parseTemplate, renderText } from "../lib/template/index.ts";
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

/** The registry's definitions for the fields a template uses, in registry order. */
export function fieldsFor(template: TemplateInfo, registry: readonly FieldDefinition[]): FieldDefinition[] {
  const used = templateFields(template);
  return registry.filter((field) => used.includes(field.id));
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
    fields: fieldsFor(template, registry).map((field) => field.id),
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
  const summary = describe(template);
  const subject = template.subject;
  const root = siteJson(site);
  return {
    schemaVersion: SCHEMA_VERSION,
    site: root,
    ...summary,
    locale: site.locale,
    url: new URL(summary.page, root.root).href,
    channel: CHANNELS[template.channel],
    source: subject === undefined ? { body: template.body } : { subject, body: template.body },
    nodes:
      subject === undefined
        ? { body: parseTemplate(template.body) }
        : { subject: parseTemplate(subject), body: parseTemplate(template.body) },
    fields: fieldsFor(template, registry),
    required: templateRequiredFields(template),
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
  const byId = new Map(registry.map((field) => [field.id, field]));
  const placeholder = (id: string): string => placeholderFor(byId.get(id), id);
  const body = renderText(template.body, {}, placeholder).trim();
  const subject = template.subject === undefined ? undefined : renderText(template.subject, {}, placeholder);
  return `${subject === undefined ? "" : `Subject: ${subject}\n\n`}${body}\n`;
}

/** JSON as the endpoints serve it: compact, since it goes over the wire to every widget. */
export function jsonResponse(data: unknown): Response {
  return new Response(JSON.stringify(data), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
