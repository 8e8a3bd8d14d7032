/**
 * The situations the editorial review (December 2026) found the library lacked, each served by
 * at least one template, and the five most needed in at least two channels. Each gap names the
 * `need` values that serve it, so renaming a need or deleting its last template fails here.
 */
import { describe, expect, test } from "vitest";
import { checkLibrary } from "../../src/build/content-check.ts";
import { fillControl } from "../../src/lib/fill/form.ts";
import { FILL_TEXT_EN } from "../../src/lib/ui-text.ts";
import { resolve } from "node:path";

const library = checkLibrary(resolve(import.meta.dirname, "../.."));
const templates = [...library.templates].map(([slug, t]) => ({ ...t, slug }));

const GAPS: readonly { gap: string; needs: readonly string[]; channels: number }[] = [
  { gap: "screening and logistics", needs: ["confirm-reference-details"], channels: 2 },
  {
    gap: "a teacher's or written letter",
    needs: [
      "ask-for-a-recommendation-letter",
      "send-the-letter-details",
      "remind-about-a-letter",
      "thank-you-for-a-letter",
    ],
    channels: 2,
  },
  {
    gap: "a reference needed in 24 to 48 hours",
    needs: ["ask-for-a-reference-on-short-notice", "follow-up-on-a-short-notice-request"],
    channels: 4,
  },
  {
    gap: "bad terms, a layoff or a weak last manager",
    needs: ["ask-after-leaving-on-bad-terms", "ask-after-a-layoff", "explain-your-references-to-a-recruiter"],
    channels: 2,
  },
  {
    gap: "a client, a peer, a direct report or a volunteer leader",
    needs: [
      "ask-a-client-for-a-reference",
      "ask-a-peer-for-a-reference",
      "ask-a-direct-report-for-a-reference",
      "ask-a-volunteer-leader-for-a-reference",
    ],
    channels: 2,
  },
  { gap: "a career change", needs: ["brief-a-reference-for-a-career-change"], channels: 1 },
  {
    gap: "after the call",
    needs: ["debrief-after-the-call", "reference-was-not-called", "release-a-reference"],
    channels: 1,
  },
  { gap: "a confidential search", needs: ["ask-a-current-coworker-in-confidence"], channels: 1 },
  { gap: "ten or more years of silence", needs: ["reintroduce-yourself"], channels: 1 },
  {
    gap: "no contact details",
    needs: ["ask-for-an-introduction", "ask-for-a-reference-by-inmail"],
    channels: 1,
  },
  {
    gap: "non-native readers and consent",
    needs: ["ask-for-a-reference-in-plain-words", "ask-to-share-contact-details"],
    channels: 1,
  },
  {
    gap: "finishing a LinkedIn recommendation",
    needs: [
      "thank-you-for-a-linkedin-recommendation",
      "ask-for-a-recommendation-edit",
      "request-a-recommendation-through-linkedin",
    ],
    channels: 1,
  },
  {
    gap: "coming off a reference list",
    needs: ["take-a-reference-off-your-list", "reply-when-a-reference-steps-back"],
    channels: 1,
  },
];

describe("coverage of the review's thirteen gaps", () => {
  test("the library has at least 70 templates", () => {
    expect(templates.length).toBeGreaterThanOrEqual(70);
  });

  test.each(GAPS.map((g) => [g.gap, g] as const))("%s", (_, { needs, channels }) => {
    for (const need of needs) {
      expect(
        templates.some((t) => t.need === need),
        `no template has need: ${need}`,
      ).toBe(true);
    }
    const used = new Set(templates.filter((t) => needs.includes(t.need)).map((t) => t.channel));
    expect(used.size, `channels: ${[...used].join(", ")}`).toBeGreaterThanOrEqual(channels);
  });
});

describe("the reference's own details", () => {
  test.each(["theirEmail", "theirPhone", "theirCurrentTitle", "relationship", "course", "term"])(
    "the registry has %s",
    (id) => {
      expect(library.fields.map((f) => f.id)).toContain(id);
    },
  );

  // Autocomplete is keyed by field id (src/lib/fill/form.ts): the browser must never offer the
  // person's own saved email or phone for the reference's.
  test.each(library.fields.filter((f) => f.id.startsWith("their")).map((f) => [f.id, f] as const))(
    "%s is never filled from the browser's own saved details",
    (_, field) => {
      expect(["name", "email", "tel"]).not.toContain(fillControl(field, true, FILL_TEXT_EN).autocomplete);
    },
  );
});
