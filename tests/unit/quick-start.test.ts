import { describe, expect, test } from "vitest";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { FillAction } from "../../src/lib/fill/view.ts";
import { PLAN_STEPS } from "../../src/lib/plan.ts";
import {
  QUICK_CASES,
  QUICK_STEP_COUNT,
  quickActions,
  quickCase,
  quickSteps,
  quickTemplateSlug,
  type QuickCase,
  type QuickNeed,
} from "../../src/lib/quick-start.ts";
import { timeline } from "../../src/lib/timeline.ts";
import type { ChannelId } from "../../src/lib/vocabulary.ts";

// 2026-06-01 is a Monday, 2026-06-05 a Friday, 2026-06-06 a Saturday.
describe("quickCase: which first message the answers call for", () => {
  test.each<[string, QuickNeed, string, string, QuickCase]>([
    ["reconnecting, whatever the date", "reconnect", "2026-06-02", "2026-06-01", "reconnect"],
    ["a reference with no date", "reference", "", "2026-06-01", "reference"],
    ["a reference with a date that does not exist", "reference", "2026-02-30", "2026-06-01", "reference"],
    ["a reference with text that is not a date", "reference", "friday", "2026-06-01", "reference"],
    ["needed today", "reference", "2026-06-01", "2026-06-01", "urgent"],
    ["needed in 2 business days (Monday to Wednesday)", "reference", "2026-06-03", "2026-06-01", "urgent"],
    ["needed in 3 business days (Monday to Thursday)", "reference", "2026-06-04", "2026-06-01", "reference"],
    ["Friday to Tuesday is 2 business days", "reference", "2026-06-09", "2026-06-05", "urgent"],
    ["Friday to Wednesday is 3 business days", "reference", "2026-06-10", "2026-06-05", "reference"],
    // On a weekend the plan starts on Monday, so the two days count from Monday.
    ["Saturday to Wednesday", "reference", "2026-06-10", "2026-06-06", "urgent"],
    ["Saturday to Thursday", "reference", "2026-06-11", "2026-06-06", "reference"],
    ["a date already past: ask right away", "reference", "2026-05-20", "2026-06-01", "urgent"],
    ["a month away", "reference", "2026-07-01", "2026-06-01", "reference"],
  ])("%s → %s", (_, need, neededBy, today, expected) => {
    expect(quickCase(need, neededBy, today)).toBe(expected);
  });
});

describe("quickTemplateSlug: each case's message is the planner's first step", () => {
  test.each<[QuickCase, string]>([
    ["urgent", "ask-for-a-reference-text-urgent"],
    ["reference", "ask-for-a-reference-email"],
    ["reconnect", "reconnect-email"],
  ])("%s → %s", (quick, slug) => {
    expect(quickTemplateSlug(quick)).toBe(slug);
  });

  test.each(QUICK_CASES)("%s: its template exists", (quick) => {
    const file = resolve(import.meta.dirname, `../../src/content/templates/${quickTemplateSlug(quick)}.md`);
    expect(existsSync(file), file).toBe(true);
  });
});

const copy = (part: "all" | "subject" | "body", primary: boolean): FillAction => ({
  kind: "copy",
  key: `copy-${part}`,
  part,
  label: `Copy ${part}`,
  primary,
});
const link = (kind: "mailto" | "gmail" | "outlook" | "sms", primary: boolean): FillAction => ({
  kind: "link",
  key: kind,
  link: kind,
  href: `${kind}:x`,
  label: kind,
  primary,
  newTab: false,
});
// As the fill core (view.ts) orders them: the one primary action first.
const EMAIL_ACTIONS = [
  link("mailto", true),
  copy("all", false),
  copy("subject", false),
  copy("body", false),
  link("gmail", false),
  link("outlook", false),
];
const TOO_LONG: FillAction = { kind: "unavailable", key: "mailto", label: "mailto", reason: "too long" };

describe("quickActions: one primary send action per channel", () => {
  test.each<[string, ChannelId, FillAction[], string, string[]]>([
    ["email: the email app, then Copy all", "email", EMAIL_ACTIONS, "mailto", ["copy-all"]],
    [
      "email too long for mailto: Copy all",
      "email",
      [copy("all", true), copy("subject", false), copy("body", false), TOO_LONG, link("gmail", false)],
      "copy-all",
      [],
    ],
    ["text: Copy, then Messages", "text", [copy("body", true), link("sms", false)], "copy-body", ["sms"]],
    ["LinkedIn: Copy", "linkedin-note", [copy("body", true)], "copy-body", []],
  ])("%s", (_, channel, actions, primary, more) => {
    const chosen = quickActions(actions, channel);
    expect(chosen.primary.key).toBe(primary);
    expect(chosen.more.map((a) => a.key)).toEqual(more);
  });

  test("a message with nothing to send with is a programming error, said plainly", () => {
    expect(() => quickActions([], "email")).toThrow("No send action for a email message");
  });
});

const words = (situation: "reference" | "casual") =>
  PLAN_STEPS[situation].map(({ id, title, when }) => ({ id, title, when }));

describe("quickSteps: the next steps of the plan, from the one timeline", () => {
  test("a reference with a date: the days the planner gives, after the first message", () => {
    const steps = quickSteps("reference", "Dan", "2026-06-19", "2026-06-01", words("reference"));
    const planned = timeline({ situation: "reference", today: "2026-06-01", neededBy: "2026-06-19" });
    expect(steps.map((s) => [s.id, s.date])).toEqual(
      planned.slice(1, 1 + QUICK_STEP_COUNT).map((s) => [s.step, s.date]),
    );
    expect(steps[0]?.title).toBe("Follow up with Dan if there is no reply");
  });

  test.each([
    ["no date", ""],
    ["a date that does not exist", "2026-13-01"],
  ])("a reference with %s: when in words, no days made up", (_, neededBy) => {
    const steps = quickSteps("reference", "", neededBy, "2026-06-01", words("reference"));
    expect(steps).toHaveLength(QUICK_STEP_COUNT);
    expect(steps.every((s) => s.date === undefined && s.when !== "")).toBe(true);
    expect(steps[0]?.title).toBe("Follow up with them if there is no reply");
  });

  test("reconnecting: dated from today, whatever date was typed", () => {
    const steps = quickSteps("casual", "Dan", "2026-06-02", "2026-06-01", words("casual"));
    const planned = timeline({ situation: "casual", today: "2026-06-01" });
    expect(steps.map((s) => [s.id, s.date])).toEqual(
      planned.slice(1, 1 + QUICK_STEP_COUNT).map((s) => [s.step, s.date]),
    );
  });
});
