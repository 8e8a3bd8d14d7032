/**
 * A template filled with a person's details, and everything the fill-in UI shows about it: the
 * preview segments, the finished text, what is still missing, the channel meter and the links
 * that open it elsewhere. The site's island and the embeddable widget both render from this.
 */
import type { Channel } from "./channels.ts";
import { measureBody, measureSubject, type Measurement } from "./meter.ts";
import { displayValues, placeholderFor, type FieldDefinition } from "./fields.ts";
import { gmailComposeUrl, mailtoLink, outlookComposeUrl, smsHref, type LinkCheck } from "./links.ts";
import { isGsm7, toPlainCharacters } from "./sms.ts";
import type { TemplateNode } from "./template/parse.ts";
import { renderNodeSegments, segmentsToText, type FieldValues, type Segment } from "./template/render.ts";

/** A template parsed at build time (parseTemplate), so the browser never bundles the parser. */
export interface MessageTemplate {
  readonly channel: Channel;
  readonly subject?: readonly TemplateNode[] | undefined;
  readonly body: readonly TemplateNode[];
}

export interface MessageLinks {
  /** Opens the person's email app, or says why the message is too long for that. */
  readonly mailto?: LinkCheck;
  readonly gmail?: string;
  readonly outlook?: string;
  /** Opens the messages app with the text filled in. */
  readonly sms?: string;
}

export interface FilledMessage {
  readonly subjectSegments?: readonly Segment[];
  readonly bodySegments: readonly Segment[];
  /** Finished text; details still missing show as "[Label]" so a copy never drops them silently. */
  readonly subject?: string;
  readonly body: string;
  /** What "Copy all" puts on the clipboard: the subject line, a blank line, then the body. */
  readonly fullText: string;
  /** Fields still shown as placeholders, each once, in order of appearance. */
  readonly missing: readonly string[];
  readonly meter?: Measurement;
  readonly subjectMeter?: Measurement;
  readonly links: MessageLinks;
  /** True for a text that has characters outside GSM-7 coming from the person's details. */
  readonly canUsePlainCharacters: boolean;
}

function missingFields(segments: readonly Segment[]): string[] {
  return segments.flatMap((s) => (s.kind === "missing" ? [s.field] : []));
}

export function fillMessage(
  template: MessageTemplate,
  fields: readonly FieldDefinition[],
  values: FieldValues,
  locale: string,
): FilledMessage {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const shown = displayValues(fields, values, locale);
  const placeholder = (id: string): string => placeholderFor(byId.get(id), id);

  const bodySegments = renderNodeSegments(template.body, shown);
  const body = segmentsToText(bodySegments, placeholder);
  const subjectSegments =
    template.subject === undefined ? undefined : renderNodeSegments(template.subject, shown);
  const subject = subjectSegments === undefined ? undefined : segmentsToText(subjectSegments, placeholder);
  const missing = [...new Set([...missingFields(subjectSegments ?? []), ...missingFields(bodySegments)])];

  const links: MessageLinks =
    template.channel.id === "email"
      ? {
          mailto: mailtoLink({ subject: subject ?? "", body }),
          gmail: gmailComposeUrl({ subject: subject ?? "", body }),
          outlook: outlookComposeUrl({ subject: subject ?? "", body }),
        }
      : template.channel.id === "text"
        ? { sms: smsHref(body) }
        : {};

  const meter = measureBody(template.channel, body);
  const subjectMeter = subject === undefined ? undefined : measureSubject(template.channel, subject);
  return {
    ...(subjectSegments === undefined ? {} : { subjectSegments }),
    bodySegments,
    ...(subject === undefined ? {} : { subject }),
    body,
    fullText: subject === undefined ? body : `Subject: ${subject}\n\n${body}`,
    missing,
    ...(meter === undefined ? {} : { meter }),
    ...(subjectMeter === undefined ? {} : { subjectMeter }),
    links,
    canUsePlainCharacters: template.channel.id === "text" && !isGsm7(body),
  };
}

/** The person's details with typographic characters swapped for plain ones (see sms.ts). */
export function withPlainCharacters(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, toPlainCharacters(value)]));
}

/** "2 details left", "1 detail left" or "All details filled in". */
export function missingSummary(count: number): string {
  if (count === 0) return "All details filled in";
  return `${count} ${count === 1 ? "detail" : "details"} left`;
}

/** A file name for "Download as .txt": the template's slug, which is already safe. */
export function textFileName(slug: string): string {
  return `${slug}.txt`;
}

/** The meter line shown under a message, e.g. "143 of 200 characters (300 with Premium)". */
export function meterText(meter: Measurement, channel: Channel): string {
  const limit = channel.limit;
  const extended =
    meter.extendedMax === undefined || limit?.extendedLabel === undefined
      ? ""
      : ` (${meter.extendedMax} with ${limit.extendedLabel})`;
  if (meter.unit === "segments") {
    return `${meter.summary}; keep it to ${meter.max} segments`;
  }
  if (meter.unit === "seconds") return `${meter.summary}; aim for under ${meter.max} seconds`;
  return `${meter.summary}${extended}`;
}
