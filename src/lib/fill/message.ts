/**
 * A template filled with a person's details: the preview segments, the finished text, what is
 * still missing, the channel's measurement and the links that open it elsewhere. view.ts turns
 * this into what a face draws.
 */
import { measureBody, measureSubject, type Measurement } from "../meter.ts";
import { displayValues, placeholderFor, type FieldDefinition } from "../fields.ts";
import {
  gmailComposeUrl,
  mailtoLink,
  outlookComposeUrl,
  smsHref,
  telHref,
  type LinkCheck,
} from "../links.ts";
import { isGsm7, toPlainCharacters } from "../sms.ts";
import type { FillableTemplate } from "../api/schema.ts";
import { ADDRESS_FIELDS } from "../vocabulary.ts";
import { renderNodeSegments, segmentsToText, type FieldValues, type Segment } from "../template/render.ts";

/** What filling needs of a template: its channel, its parsed nodes, its fields' labels and types. */
export type MessageTemplate = Pick<FillableTemplate, "channel" | "nodes"> & {
  readonly fields: readonly MessageField[];
};

/** Of a field's definition, what filling reads: the label (its placeholder) and the type. */
export type MessageField = Pick<FieldDefinition, "id" | "label" | "type">;

export interface MessageLinks {
  /** Opens the person's email app, or says why the message is too long for that. */
  readonly mailto?: LinkCheck;
  readonly gmail?: string;
  readonly outlook?: string;
  /** Opens the messages app with the text filled in. */
  readonly sms?: string;
  /** Calls them, for a script to say aloud, when their number is known. */
  readonly tel?: string | undefined;
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

export function fillMessage(template: MessageTemplate, values: FieldValues, locale: string): FilledMessage {
  const { fields, nodes } = template;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const shown = displayValues(fields, values, locale);
  const placeholder = (id: string): string => placeholderFor(byId.get(id), id);

  const bodySegments = renderNodeSegments(nodes.body, shown);
  const body = segmentsToText(bodySegments, placeholder);
  const subjectSegments = nodes.subject === undefined ? undefined : renderNodeSegments(nodes.subject, shown);
  const subject = subjectSegments === undefined ? undefined : segmentsToText(subjectSegments, placeholder);
  const missing = [...new Set([...missingFields(subjectSegments ?? []), ...missingFields(bodySegments)])];

  // Addressed to the person written to, when their email or number is known (people.ts).
  const address = values[ADDRESS_FIELDS[template.channel.id] ?? ""] ?? "";
  const draft = { to: address, subject: subject ?? "", body };
  const phone = address;
  const links: MessageLinks =
    template.channel.id === "email"
      ? { mailto: mailtoLink(draft), gmail: gmailComposeUrl(draft), outlook: outlookComposeUrl(draft) }
      : template.channel.id === "text"
        ? { sms: smsHref(body, phone) }
        : template.channel.spoken
          ? { tel: telHref(phone) }
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
