import { describe, expect, test } from "vitest";

import {
  MAILTO_SAFE_LENGTH,
  gmailComposeUrl,
  mailtoHref,
  mailtoLink,
  outlookComposeUrl,
  parseMailto,
  smsHref,
  type EmailDraft,
} from "../../src/lib/links";

describe("mailtoHref and parseMailto", () => {
  test.each<[string, EmailDraft]>([
    ["plain text", { to: "ana@example.com", subject: "Hello", body: "Hi Ana" }],
    ["plus signs", { to: "ana+refs@example.com", subject: "1+1", body: "C++ and a+b" }],
    ["ampersands", { to: "", subject: "Q&A", body: "Tom & Jerry &amp; co" }],
    ["hashes", { to: "", subject: "#1", body: "Issue #42, room #3" }],
    ["percent signs", { to: "", subject: "100%", body: "50% off, %20 is not a space, %" }],
    ["equals and question marks", { to: "", subject: "a=b?", body: "x=1&y=2?z=3#w" }],
    ["accented letters", { to: "", subject: "Café", body: "Merci beaucoup, René" }],
    ["Chinese", { to: "", subject: "你好", body: "中文 信息" }],
    ["emoji", { to: "", subject: "Thanks 🙏", body: "Great news 🎉👩‍💻" }],
    ["newlines", { to: "", subject: "Hi", body: "Dear Ana,\n\nThanks!\n— Sam\n" }],
    ["leading and trailing spaces", { to: "", subject: "  padded  ", body: "  both ends  " }],
    ["only spaces in the body", { to: "", subject: "s", body: "   " }],
    ["empty subject", { to: "ana@example.com", subject: "", body: "No subject" }],
    ["empty body", { to: "", subject: "Only a subject", body: "" }],
    ["everything empty", { to: "", subject: "", body: "" }],
    ["several addresses", { to: "a@example.com,b@example.com", subject: "s", body: "b" }],
  ])("round trip: %s", (_name, draft) => {
    expect(parseMailto(mailtoHref(draft))).toEqual(draft);
  });

  test.each<[string, EmailDraft, { to: string; subject: string; body: string }]>([
    ["a missing to comes back as empty", { subject: "s", body: "b" }, { to: "", subject: "s", body: "b" }],
    [
      "CRLF input comes back as \\n",
      { subject: "s", body: "one\r\ntwo\r\n" },
      { to: "", subject: "s", body: "one\ntwo\n" },
    ],
    [
      "a lone CR comes back as \\n",
      { subject: "s", body: "one\rtwo" },
      { to: "", subject: "s", body: "one\ntwo" },
    ],
    [
      "line breaks in the subject become spaces",
      { subject: "one\ntwo", body: "b" },
      { to: "", subject: "one two", body: "b" },
    ],
    [
      "spaces around the address are trimmed",
      { to: "  ana@example.com ", subject: "s", body: "b" },
      { to: "ana@example.com", subject: "s", body: "b" },
    ],
    [
      "a lone surrogate becomes U+FFFD instead of throwing",
      { subject: "s", body: "cut \uD83D" },
      { to: "", subject: "s", body: "cut \uFFFD" },
    ],
  ])("normalises: %s", (_name, draft, expected) => {
    expect(parseMailto(mailtoHref(draft))).toEqual(expected);
  });

  test.each<[string, EmailDraft, string]>([
    [
      "space is %20, never +",
      { subject: "Hello there", body: "a b" },
      "mailto:?subject=Hello%20there&body=a%20b",
    ],
    ["newline is %0D%0A", { subject: "s", body: "a\nb" }, "mailto:?subject=s&body=a%0D%0Ab"],
    ["CRLF is %0D%0A", { subject: "s", body: "a\r\nb" }, "mailto:?subject=s&body=a%0D%0Ab"],
    [
      "reserved characters in values",
      { subject: "&#%+?=", body: "a+b=c" },
      "mailto:?subject=%26%23%25%2B%3F%3D&body=a%2Bb%3Dc",
    ],
    [
      "UTF-8 percent-encoding",
      { subject: "é", body: "中😀" },
      "mailto:?subject=%C3%A9&body=%E4%B8%AD%F0%9F%98%80",
    ],
    [
      "the address keeps @ and encodes +",
      { to: "ana+refs@example.com", subject: "s", body: "b" },
      "mailto:ana%2Brefs@example.com?subject=s&body=b",
    ],
    ["empty fields are left out", { to: "ana@example.com", subject: "", body: "" }, "mailto:ana@example.com"],
    ["an empty subject is left out", { subject: "", body: "b" }, "mailto:?body=b"],
  ])("encodes: %s", (_name, draft, expected) => {
    expect(mailtoHref(draft)).toBe(expected);
  });

  test.each<[string, string, { to: string; subject: string; body: string }]>([
    ["+ is a literal plus", "mailto:?subject=a+b&body=c+d", { to: "", subject: "a+b", body: "c+d" }],
    [
      "upper-case scheme and field names",
      "MAILTO:ana@example.com?Subject=Hi&BODY=Yo",
      { to: "ana@example.com", subject: "Hi", body: "Yo" },
    ],
    [
      "to in the query is added to the address part",
      "mailto:a@example.com?to=b@example.com&body=x",
      { to: "a@example.com,b@example.com", subject: "", body: "x" },
    ],
    [
      "unknown fields are ignored and the first subject wins",
      "mailto:?cc=c@example.com&subject=one&subject=two",
      { to: "", subject: "one", body: "" },
    ],
    [
      "malformed percent-encoding is kept as written",
      "mailto:?subject=100%&body=%E4",
      { to: "", subject: "100%", body: "%E4" },
    ],
  ])("parses: %s", (_name, href, expected) => {
    expect(parseMailto(href)).toEqual(expected);
  });

  test("parseMailto rejects other schemes", () => {
    expect(() => parseMailto("https://example.com/?subject=x")).toThrow(TypeError);
  });
});

describe("mailtoLink", () => {
  // "mailto:?body=" is 13 characters, and each "a" stays one character when encoded.
  const PREFIX_LENGTH = "mailto:?body=".length;
  const withLength = (length: number): EmailDraft => ({
    subject: "",
    body: "a".repeat(length - PREFIX_LENGTH),
  });

  test.each<[string, number, boolean]>([
    ["well under the limit", 100, true],
    ["exactly at the limit", MAILTO_SAFE_LENGTH, true],
    ["one over the limit", MAILTO_SAFE_LENGTH + 1, false],
    ["far over the limit", 2140, false],
  ])("%s", (_name, length, ok) => {
    const draft = withLength(length);
    const check = mailtoLink(draft);
    expect(check.ok).toBe(ok);
    expect(check.length).toBe(length);
    if (check.ok) {
      expect(check.href).toBe(mailtoHref(draft));
    } else {
      expect(check.limit).toBe(MAILTO_SAFE_LENGTH);
    }
  });

  test("measures the encoded length, not the typed length", () => {
    // 600 typed characters, but each "é" is 6 once encoded (%C3%A9).
    const check = mailtoLink({ subject: "", body: "é".repeat(600) });
    expect(check).toMatchObject({ ok: false, length: PREFIX_LENGTH + 3600 });
  });

  test("explains the problem in plain English", () => {
    expect(mailtoLink(withLength(2140))).toEqual({
      ok: false,
      length: 2140,
      limit: 1800,
      reason:
        "This message is too long to open in an email app (2,140 of 1,800 characters). " +
        "Use Copy instead.",
    });
  });
});

describe("smsHref", () => {
  test.each<[string, string, string | undefined, string]>([
    ["no number", "Hi Ana", undefined, "sms:?&body=Hi%20Ana"],
    ["empty number", "Hi", "", "sms:?&body=Hi"],
    ["international number", "Hi", "+15551234567", "sms:+15551234567?&body=Hi"],
    ["visual separators are dropped", "Hi", "+1 (555) 123-4567", "sms:+15551234567?&body=Hi"],
    ["dots are dropped", "Hi", "555.123.4567", "sms:5551234567?&body=Hi"],
    ["line breaks are a bare %0A", "a\r\nb\nc", undefined, "sms:?&body=a%0Ab%0Ac"],
    ["reserved characters", "&#%+?=", undefined, "sms:?&body=%26%23%25%2B%3F%3D"],
    ["unicode", "é 中 😀", undefined, "sms:?&body=%C3%A9%20%E4%B8%AD%20%F0%9F%98%80"],
    ["empty body", "", undefined, "sms:?&body="],
  ])("%s", (_name, body, to, expected) => {
    expect(smsHref(body, to)).toBe(expected);
  });
});

describe("web compose URLs", () => {
  const draft: EmailDraft = {
    to: "ana@example.com",
    subject: "Hi & hello",
    body: "Line 1\r\nLine 2 + 😀",
  };

  test.each<[string, (d: EmailDraft) => string, string]>([
    [
      "Gmail",
      gmailComposeUrl,
      "https://mail.google.com/mail/?view=cm&fs=1&to=ana@example.com" +
        "&su=Hi%20%26%20hello&body=Line%201%0ALine%202%20%2B%20%F0%9F%98%80",
    ],
    [
      "Outlook",
      outlookComposeUrl,
      "https://outlook.live.com/mail/0/deeplink/compose?to=ana@example.com" +
        "&subject=Hi%20%26%20hello&body=Line%201%0ALine%202%20%2B%20%F0%9F%98%80",
    ],
  ])("%s", (_name, compose, expected) => {
    expect(compose(draft)).toBe(expected);
  });

  test.each<[string, (d: EmailDraft) => string, string]>([
    ["Gmail", gmailComposeUrl, "https://mail.google.com/mail/?view=cm&fs=1&to=&su=s&body=b"],
    ["Outlook", outlookComposeUrl, "https://outlook.live.com/mail/0/deeplink/compose?to=&subject=s&body=b"],
  ])("%s without an address", (_name, compose, expected) => {
    expect(compose({ subject: "s", body: "b" })).toBe(expected);
  });

  test.each<[string, (d: EmailDraft) => string, string, string]>([
    ["Gmail", gmailComposeUrl, "su", "body"],
    ["Outlook", outlookComposeUrl, "subject", "body"],
  ])("%s values survive URLSearchParams", (_name, compose, subjectParam, bodyParam) => {
    const params = new URL(compose(draft)).searchParams;
    expect(params.get("to")).toBe("ana@example.com");
    expect(params.get(subjectParam)).toBe("Hi & hello");
    expect(params.get(bodyParam)).toBe("Line 1\nLine 2 + 😀");
  });
});
