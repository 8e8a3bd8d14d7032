/**
 * Links that open a filled message in the user's email or SMS app.
 *
 * Sources:
 * - RFC 6068 (The 'mailto' URI Scheme): header values are UTF-8 then percent-encoded (§2);
 *   "%", "?", "#", "&", ";" and "=" inside a value must be encoded (§2); line breaks in the
 *   body must be written as "%0D%0A" (§5).
 * - RFC 3986 §2.1: percent-encoding. A space is "%20"; "+" only means a space in HTML form
 *   encoding (application/x-www-form-urlencoded), which mailto does not use, so a literal "+"
 *   is encoded as "%2B" to keep clients that decode it as a space from losing it.
 * - RFC 5724 (The 'sms' URI Scheme) §2.2: "sms:" recipients "?body=" value.
 */

/**
 * Encoded mailto links much past ~1,800 characters get cut off or refused by some browsers
 * and mail clients (Internet Explorer's 2,083-character URL limit is the best known), so
 * longer messages should be copied instead.
 */
export const MAILTO_SAFE_LENGTH = 1800;

export interface EmailDraft {
  to?: string;
  subject: string;
  body: string;
}

export interface ParsedMailto {
  to: string;
  subject: string;
  body: string;
}

export type LinkCheck =
  { ok: true; href: string; length: number } | { ok: false; length: number; limit: number; reason: string };

const LINE_BREAK = /\r\n|\r|\n/g;

// encodeURIComponent throws a URIError on a lone surrogate (left behind by a bad paste or by
// cutting a string in the middle of an emoji); U+FFFD keeps the link buildable.
function encode(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function withLineBreaks(value: string, lineBreak: string): string {
  return value.replace(LINE_BREAK, lineBreak);
}

// A subject is a single header line (RFC 5322 §2.2), so any line break in it becomes a space.
function singleLine(value: string): string {
  return value.replace(LINE_BREAK, " ");
}

/**
 * RFC 6068 §2 lets "@" stay literal in the address part and uses "," between addresses;
 * encodeURIComponent would turn them into %40 and %2C, which is valid but hard to read and
 * not understood by every client.
 */
function encodeAddresses(to: string): string {
  return encode(to.trim()).replace(/%40/g, "@").replace(/%2C/g, ",");
}

function query(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}

export function mailtoHref(draft: EmailDraft): string {
  const fields: [string, string][] = [];
  if (draft.subject !== "") {
    fields.push(["subject", encode(singleLine(draft.subject))]);
  }
  if (draft.body !== "") {
    fields.push(["body", encode(withLineBreaks(draft.body, "\r\n"))]);
  }
  const address = encodeAddresses(draft.to ?? "");
  return fields.length === 0 ? `mailto:${address}` : `mailto:${address}?${query(fields)}`;
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const index = value.indexOf(separator);
  return index === -1 ? [value, undefined] : [value.slice(0, index), value.slice(index + 1)];
}

/**
 * The inverse of mailtoHref. A "to" field in the query is added to the address part, as
 * RFC 6068 §2 allows; CRLF comes back as "\n" so a round trip returns the text as typed.
 * Values are decoded without treating "+" as a space (see the RFC 3986 note above).
 */
export function parseMailto(href: string): ParsedMailto {
  if (!/^mailto:/i.test(href)) {
    throw new TypeError(`Not a mailto link: ${href}`);
  }
  const [addressPart, queryPart] = splitOnce(href.slice("mailto:".length), "?");
  const addresses = addressPart === "" ? [] : [decode(addressPart)];
  const result: ParsedMailto = { to: "", subject: "", body: "" };
  let seenSubject = false;
  let seenBody = false;

  for (const pair of queryPart === undefined ? [] : queryPart.split("&")) {
    const [rawName, rawValue] = splitOnce(pair, "=");
    const name = decode(rawName).toLowerCase();
    const value = withLineBreaks(decode(rawValue ?? ""), "\n");
    if (name === "to" && value !== "") {
      addresses.push(value);
    } else if (name === "subject" && !seenSubject) {
      result.subject = value;
      seenSubject = true;
    } else if (name === "body" && !seenBody) {
      result.body = value;
      seenBody = true;
    }
  }

  result.to = addresses.join(",");
  return result;
}

function formatCount(value: number): string {
  return new Intl.NumberFormat("en-US").format(value);
}

export function mailtoLink(draft: EmailDraft): LinkCheck {
  const href = mailtoHref(draft);
  const length = href.length;
  if (length <= MAILTO_SAFE_LENGTH) {
    return { ok: true, href, length };
  }
  return {
    ok: false,
    length,
    limit: MAILTO_SAFE_LENGTH,
    reason:
      "This message is too long to open in an email app " +
      `(${formatCount(length)} of ${formatCount(MAILTO_SAFE_LENGTH)} characters). ` +
      "Use Copy instead.",
  };
}

/**
 * RFC 5724 §2.2 reads "sms:+15551234567?body=...", but phones disagree in practice: iOS has
 * long expected "&body=" (reportedly ";body=" before iOS 8) while Android follows the RFC's "?body=".
 * "?&body=" works on both, because each skips the empty parameter before "&".
 * Spaces, dots, dashes and parentheses are dropped from the number (RFC 3966 §5.1.1 calls
 * them visual separators) because some SMS apps do not accept them.
 */
export function smsHref(body: string, to?: string): string {
  const number = (to ?? "").replace(/[^\d+,]/g, "");
  // SMS apps use a bare line feed; a CR would cost an extra character in the message.
  return `sms:${number}?&body=${encode(withLineBreaks(body, "\n"))}`;
}

/**
 * A call to the number (RFC 3966 §3: "tel:" then digits, "+" first for a global number), with
 * visual separators dropped as for sms; undefined when no digit is left to call.
 */
export function telHref(number: string): string | undefined {
  const digits = number.replace(/[^\d+]/g, "");
  return /\d/.test(digits) ? `tel:${digits}` : undefined;
}

function webComposeFields(draft: EmailDraft): { to: string; subject: string; body: string } {
  return {
    to: encodeAddresses(draft.to ?? ""),
    subject: encode(singleLine(draft.subject)),
    body: encode(withLineBreaks(draft.body, "\n")),
  };
}

/**
 * Gmail's web compose window. The parameters (view=cm, fs=1, to, su, body) are not formally
 * documented by Google but have been stable for many years and are widely used.
 */
export function gmailComposeUrl(draft: EmailDraft): string {
  const { to, subject, body } = webComposeFields(draft);
  return `https://mail.google.com/mail/?${query([
    ["view", "cm"],
    ["fs", "1"],
    ["to", to],
    ["su", subject],
    ["body", body],
  ])}`;
}

/**
 * Outlook on the web (personal accounts) compose deep link. It is not part of a published
 * Microsoft API, so it is offered next to the mailto link rather than instead of it.
 */
export function outlookComposeUrl(draft: EmailDraft): string {
  const { to, subject, body } = webComposeFields(draft);
  return `https://outlook.live.com/mail/0/deeplink/compose?${query([
    ["to", to],
    ["subject", subject],
    ["body", body],
  ])}`;
}
