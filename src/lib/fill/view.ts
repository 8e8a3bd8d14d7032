/**
 * What a fill-in face draws for the details typed so far: the preview, the "details left" line,
 * the meter line, the plain-characters fix and the actions for the channel, every sentence taken
 * from the FillText table. Faces differ only in what their page can do (abilities), never in
 * what the core decides.
 */
import type { Channel } from "../channels.ts";
import type { Measurement } from "../meter.ts";
import { placeholderFor } from "../fields.ts";
import { safeFileName } from "../file-names.ts";
import type { FieldValues } from "../template/render.ts";
import { say, sayCount, type FillText } from "../ui-text.ts";
import { fillMessage, type FilledMessage, type MessageTemplate } from "./message.ts";

export type PreviewSegment = { readonly kind: "text" | "filled" | "missing"; readonly text: string };

export type CopyPart = "all" | "subject" | "body";
export type LinkKind = "mailto" | "gmail" | "outlook" | "sms" | "tel" | "app";

export type FillAction =
  | {
      readonly kind: "copy";
      readonly key: string;
      readonly part: CopyPart;
      readonly label: string;
      readonly primary: boolean;
    }
  | {
      readonly kind: "link";
      readonly key: string;
      readonly link: LinkKind;
      readonly href: string;
      readonly label: string;
      readonly primary: boolean;
      /** Web mail opens in a new tab; apps open in place. */
      readonly newTab: boolean;
    }
  | { readonly kind: "unavailable"; readonly key: string; readonly label: string; readonly reason: string }
  | { readonly kind: "share" | "print" | "download"; readonly key: string; readonly label: string };

/** What the page a face runs on can do (pageActions offers only those). */
export interface FaceAbilities {
  /** navigator.share exists. */
  readonly share: boolean;
  /** Printing prints the message, not a host page around it. */
  readonly print: boolean;
  readonly download: boolean;
}

export interface FillView {
  readonly subject?: readonly PreviewSegment[];
  readonly body: readonly PreviewSegment[];
  /** "2 details left", with the note on brackets while any are left. */
  readonly count: string;
  readonly countNote?: string;
  readonly meter?: { readonly text: string; readonly over: boolean };
  /** Shown only when the subject is over its limit. */
  readonly subjectOver?: string;
  /** Offered when the person's own characters make a text cost more. */
  readonly plainCharacters?: { readonly text: string; readonly button: string };
  readonly actionsLabel: string;
  readonly actions: readonly FillAction[];
  /** What each copy button puts on the clipboard. */
  readonly copy: Readonly<Record<CopyPart, string>>;
}

/** The meter line shown under a message, e.g. "Fits: 143 of 200 characters (300 with Premium)". */
export function meterLine(meter: Measurement, channel: Channel, text: FillText): string {
  const limit = channel.limit;
  const values = { max: meter.max };
  const ending =
    meter.unit === "segments"
      ? say(text.keepToSegments, values)
      : meter.unit === "seconds"
        ? say(text.aimForSeconds, values)
        : meter.extendedMax === undefined || limit?.extendedLabel === undefined
          ? ""
          : say(text.extendedLimit, { extendedMax: meter.extendedMax, label: limit.extendedLabel });
  const why = !meter.withinLimit && limit !== undefined ? ` (${limit.source}.)` : "";
  return `${meter.withinLimit ? text.fits : text.tooLong}${meter.summary}${ending}${why}`;
}

/** The actions a face adds after the message's own, for the page it runs on. */
export type FaceActions = (channel: Channel, text: FillText) => readonly FillAction[];

/** A face that adds none (the widget: the host page is not its to print, download or share). */
export const NO_FACE_ACTIONS: FaceActions = () => [];

/**
 * The page's own actions, where it can do them: share a text (the system share sheet), print
 * (a card, for a handwritten note) and download. Apart from fillView so that a face without them
 * carries none of their code.
 */
export function pageActions(abilities: FaceAbilities): FaceActions {
  return (channel, text) => [
    ...(channel.id === "text" && abilities.share
      ? [{ kind: "share", key: "share", label: text.share } as const]
      : []),
    ...(abilities.print
      ? [{ kind: "print", key: "print", label: channel.id === "note" ? text.printCard : text.print } as const]
      : []),
    ...(abilities.download ? [{ kind: "download", key: "download", label: text.download } as const] : []),
  ];
}

/**
 * The actions for the channel, the primary one first: Open in email app for an email (Copy all
 * when the message is too long for a mailto link), otherwise Copy. Every other action is
 * secondary, so a phone shows one clear next tap.
 */
function actionsFor(
  channel: Channel,
  message: FilledMessage,
  faceActions: FaceActions,
  text: FillText,
): FillAction[] {
  const copy = (part: CopyPart, label: string): FillAction => ({
    kind: "copy",
    key: `copy-${part}`,
    part,
    label,
    primary: false,
  });
  const link = (kind: LinkKind, href: string | undefined, label: string): FillAction[] =>
    href === undefined
      ? []
      : [
          {
            kind: "link",
            key: kind,
            link: kind,
            href,
            label,
            primary: false,
            newTab: kind === "gmail" || kind === "outlook" || kind === "app",
          },
        ];
  const { mailto, gmail, outlook, sms, tel } = message.links;
  const actions: FillAction[] =
    message.subject === undefined
      ? [copy("body", text.copyMessage)]
      : [copy("all", text.copyAll), copy("subject", text.copySubject), copy("body", text.copyBodyOnly)];
  if (mailto?.ok === true) actions.unshift(...link("mailto", mailto.href, text.openEmail));
  if (mailto?.ok === false)
    actions.push({ kind: "unavailable", key: "mailto", label: text.openEmail, reason: mailto.reason });
  actions.push(
    ...link("gmail", gmail, text.gmail),
    ...link("outlook", outlook, text.outlook),
    ...link("sms", sms, text.openMessages),
    ...link("tel", tel, text.call),
    ...link("app", channel.app?.href, channel.app?.label ?? ""),
  );
  actions.push(...faceActions(channel, text));
  const [first, ...rest] = actions;
  return first?.kind === "copy" || first?.kind === "link" ? [{ ...first, primary: true }, ...rest] : actions;
}

function preview(message: FilledMessage, template: MessageTemplate, part: "subject" | "body") {
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  const segments = part === "subject" ? message.subjectSegments : message.bodySegments;
  return segments?.map((s): PreviewSegment =>
    s.kind === "missing"
      ? { kind: "missing", text: placeholderFor(byId.get(s.field), s.field) }
      : { kind: s.kind, text: s.text },
  );
}

export function fillView(
  template: MessageTemplate & { readonly slug: string },
  values: FieldValues,
  locale: string,
  faceActions: FaceActions,
  text: FillText,
): FillView {
  const message = fillMessage(template, values, locale);
  const left = message.missing.length;
  const subject = preview(message, template, "subject");
  return {
    ...(subject === undefined ? {} : { subject }),
    body: preview(message, template, "body") ?? [],
    count: left === 0 ? text.allFilled : sayCount(text.detailsLeft, left),
    ...(left === 0 ? {} : { countNote: text.missingNote }),
    ...(message.meter === undefined
      ? {}
      : {
          meter: { text: meterLine(message.meter, template.channel, text), over: !message.meter.withinLimit },
        }),
    ...(message.subjectMeter === undefined || message.subjectMeter.withinLimit
      ? {}
      : { subjectOver: `${text.subjectTooLong}${message.subjectMeter.summary}` }),
    ...(message.canUsePlainCharacters
      ? { plainCharacters: { text: text.plainCharacters, button: text.plainCharactersButton } }
      : {}),
    actionsLabel: text.actionsLabel,
    actions: actionsFor(template.channel, message, faceActions, text),
    copy: { all: message.fullText, subject: message.subject ?? "", body: message.body },
  };
}

/**
 * The name a downloaded message is saved under: the slug through the one file-name rule (short,
 * and valid on every system). Apart from fillView because only faces that download need it.
 */
export function downloadName(template: { readonly slug: string }): string {
  return safeFileName(template.slug, "txt");
}

/** The status line after a copy: what was copied, or how to copy by hand. */
export function copyStatus(part: CopyPart, copied: boolean, text: FillText): string {
  if (!copied) return text.copyFailed;
  const what = part === "all" ? text.copiedAll : part === "subject" ? text.copiedSubject : text.copiedBody;
  return say(text.copied, { what });
}
