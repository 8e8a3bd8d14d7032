/**
 * Property tests over the link builders: for any text a person could type (lone surrogates,
 * line breaks of every kind, "&", "=", "?", "#", "%", "+", replacement patterns), each link
 * parses as a URL, carries exactly the parameters it means to, and decodes back to the input.
 * The only changes are the documented ones: a lone surrogate becomes U+FFFD, a subject is one
 * line, and line breaks in a body come back as "\n".
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { gmailComposeUrl, mailtoHref, outlookComposeUrl, parseMailto, smsHref } from "../../src/lib/links.ts";

const TRICKY = ["&", "=", "?", "#", "%", "%20", "%0A", "+", ";", ",", "@", " ", "\r", "\n", "\r\n"];
const typed = fc.string({
  unit: fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.constantFrom(...TRICKY, "$&", "$1", "$$", "$'", "\uD83D", "\uDE00", "\u2028"),
  ),
  maxLength: 60,
});
/** An address-ish string: what the "to" part is given, already trimmed. */
const address = fc.string({
  unit: fc.constantFrom("a", "b", ".", "-", "+", "@", ",", "é", "%", "&", "?"),
  maxLength: 20,
});

const wellFormed = (text: string) => text.toWellFormed();
const oneLine = (text: string) => wellFormed(text).replace(/\r\n|\r|\n/g, " ");
const lines = (text: string) => wellFormed(text).replace(/\r\n|\r|\n/g, "\n");

const RUNS = { numRuns: 400 };

describe("mailto: (RFC 6068)", () => {
  test("property: parses as a URL, has only subject and body, and decodes to the input", () => {
    fc.assert(
      fc.property(address, typed, typed, (to, subject, body) => {
        const href = mailtoHref({ to, subject, body });
        const url = new URL(href);
        expect(url.protocol).toBe("mailto:");
        // Nothing typed can end the address part or start a header of its own.
        expect(decodeURIComponent(url.pathname)).toBe(to);
        const names =
          url.search === ""
            ? []
            : url.search
                .slice(1)
                .split("&")
                .map((pair) => pair.split("=")[0]);
        expect(names).toEqual([...(subject === "" ? [] : ["subject"]), ...(body === "" ? [] : ["body"])]);
        expect(parseMailto(href)).toEqual({ to, subject: oneLine(subject), body: lines(body) });
      }),
      RUNS,
    );
  });
});

describe("sms: (RFC 5724)", () => {
  test("property: parses as a URL, has only the body, and decodes to the input", () => {
    fc.assert(
      fc.property(
        typed,
        fc.string({ unit: fc.constantFrom("1", "5", "+", " ", "(", ")", "-", "&", "?") }),
        (body, to) => {
          const url = new URL(smsHref(body, to));
          expect(url.protocol).toBe("sms:");
          expect(url.pathname).toMatch(/^[\d+]*$/);
          expect([...url.searchParams.keys()]).toEqual(["body"]);
          expect(url.searchParams.get("body")).toBe(lines(body));
        },
      ),
      RUNS,
    );
  });
});

describe("Gmail and Outlook compose links", () => {
  test.each([
    ["Gmail", gmailComposeUrl, "https://mail.google.com", ["view", "fs", "to", "su", "body"], "su"],
    ["Outlook", outlookComposeUrl, "https://outlook.live.com", ["to", "subject", "body"], "subject"],
  ] as const)(
    "property: %s parses, keeps its own parameters only, and decodes to the input",
    (_name, build, origin, keys, subjectKey) => {
      fc.assert(
        fc.property(address, typed, typed, (to, subject, body) => {
          const url = new URL(build({ to, subject, body }));
          expect(url.origin).toBe(origin);
          expect([...url.searchParams.keys()]).toEqual(keys);
          expect(url.searchParams.get("to")).toBe(to);
          expect(url.searchParams.get(subjectKey)).toBe(oneLine(subject));
          expect(url.searchParams.get("body")).toBe(lines(body));
        }),
        RUNS,
      );
    },
  );
});
