/**
 * The public template API (schema version 1): the JSON files under /api/ that the widget and any
 * other consumer read. Every field is documented in docs/embedding.md and on the /api/ page.
 * Adding an optional field keeps version 1; renaming, removing or changing the meaning of one
 * bumps SCHEMA_VERSION, and the widget refuses data newer than it understands.
 */
import type { Channel } from "../channels.ts";
import type { ChannelId } from "../vocabulary.ts";
import type { FieldDefinition } from "../fields.ts";
import type { FillForm } from "../fill/form.ts";
import type { FillText } from "../ui-text.ts";
import { EMBED_FRAME_PATH } from "./frame.ts";
import type { OEmbedJson } from "./oembed.ts";
import type { Situation, Tone } from "../library.ts";
import { tacticRoute, templateRoute, templatesRoute } from "../paths.ts";
import type { TemplateNode } from "../template/parse.ts";

export const SCHEMA_VERSION = 1;

// The four paths the widget reads stand alone as well, so its bundle carries only those.
export const indexJsonPath = (): string => "api/templates.json";
export const templateJsonPath = (slug: string): string => `api/templates/${slug}.json`;
export const templatePagePath = (slug: string): string => templateRoute(slug).slice(1);
export const templatesPagePath = (): string => templatesRoute().slice(1);

/** Paths relative to the site root (no leading slash), so they resolve under any base path. */
export const apiPaths = {
  index: indexJsonPath,
  template: templateJsonPath,
  fields: () => "api/fields.json",
  text: (slug: string) => `templates/${slug}.txt`,
  page: templatePagePath,
  tactic: (slug: string) => tacticRoute(slug).slice(1),
  templates: templatesPagePath,
  /** The iframe embed: one page for every template (src/lib/api/frame.ts says why). */
  embed: (slug: string) => `${EMBED_FRAME_PATH}?template=${slug}`,
} as const;

/** The site that serves the API; paths in the files are relative to `root`. */
export interface SiteJson {
  readonly name: string;
  /** The site's root URL with its base path and a trailing slash, e.g. "https://x.example/". */
  readonly root: string;
}

/** One entry of /api/templates.json. */
export interface TemplateSummaryJson {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly channel: ChannelId;
  readonly channelLabel: string;
  readonly situation: Situation;
  readonly tactic: string;
  readonly tone: Tone;
  readonly need: string;
  /** Field ids the template uses, in registry order. */
  readonly fields: readonly string[];
  /** The template's page, its JSON and its plain text, relative to site.root. */
  readonly page: string;
  readonly json: string;
  readonly text: string;
}

export interface TacticSummaryJson {
  readonly slug: string;
  readonly title: string;
  readonly situation: Situation;
  /** The tactic's number in the guides, 1 to 9. */
  readonly order: number;
  readonly page: string;
}

/** /api/templates.json */
export interface TemplateIndexJson {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly site: SiteJson;
  readonly tactics: readonly TacticSummaryJson[];
  readonly templates: readonly TemplateSummaryJson[];
}

/**
 * A template as every face fills it in (the site's island, the iframe embed, the widget): parsed,
 * with its channel's limits and its fields' definitions. Made by fillableTemplate (fillable.ts).
 */
export interface FillableTemplate {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  /** The channel with its limits, as in src/lib/channels.ts. */
  readonly channel: Channel;
  /** The source parsed into nodes, so a renderer needs no parser (see src/lib/template). */
  readonly nodes: { readonly subject?: readonly TemplateNode[]; readonly body: readonly TemplateNode[] };
  /** Definitions of the fields the template uses, in registry order. */
  readonly fields: readonly FieldDefinition[];
  /** Field ids used outside every section: the message reads badly without them. */
  readonly required: readonly string[];
  /** The form to draw, control by control (see src/lib/fill/form.ts), in the site's language. */
  readonly form: FillForm;
}

/**
 * /api/templates/<slug>.json. It is also the template's oEmbed answer (oembed.ts): oEmbed lets a
 * response carry fields of its own (oembed.com §2.3.4), and one file per template instead of two
 * keeps a large library's build small (issue 17).
 */
export interface TemplateJson
  extends FillableTemplate, Omit<TemplateSummaryJson, "channel" | "fields">, OEmbedJson {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly site: SiteJson;
  /** Locale the site writes dates in; a reader's own locale may be used instead. */
  readonly locale: string;
  /** The canonical, absolute address of the template's page. */
  readonly url: string;
  /** The raw Mustache source, for consumers with their own renderer. */
  readonly source: { readonly subject?: string; readonly body: string };
  /** Every sentence the fill-in says, in the site's language (src/lib/ui-text.ts). */
  readonly uiText: FillText;
}

/** /api/fields.json */
export interface FieldsJson {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly fields: readonly FieldDefinition[];
}
