/**
 * Home's quick start: from two answers (who, and what you need) to the best first message and
 * the next steps of its plan. Which template answers which case is the planner's choice for the
 * first step (plan.ts, templateFor); this module only decides the case and the channel. Pure:
 * `today` is passed in.
 */
import { QUERY_FIELDS } from "./fill/query.ts";
import type { FillAction } from "./fill/view.ts";
import { addBusinessDays, firstBusinessDay, isIsoDate, type IsoDate } from "./dates.ts";
import type { PlanChannel } from "./outreach.ts";
import { PLAN_STEPS, stepTitle, templateFor, type PlanSteps } from "./plan.ts";
import { timeline } from "./timeline.ts";
import type { ChannelId, OutreachStep, Situation } from "./vocabulary.ts";

/** The second question's answers. */
export type QuickNeed = "reference" | "reconnect";

/** What the answers add up to: each case has one first message. */
export type QuickCase = "urgent" | "reference" | "reconnect";

export const QUICK_CASES = ["urgent", "reference", "reconnect"] as const;

/**
 * A reference needed within two business days is asked for by text: a text is read within
 * minutes, an email may wait a day, and there is no time for the longer ask. (The planner's
 * "less than a week" warning still applies; this is only the choice of the first message.)
 */
export const URGENT_BUSINESS_DAYS = 2;

/** Each case's plan and the channel of its first message. */
export const QUICK_CASE_PLAN: Readonly<
  Record<QuickCase, { readonly situation: Situation; readonly channel: PlanChannel }>
> = {
  urgent: { situation: "reference", channel: "text" },
  reference: { situation: "reference", channel: "email" },
  reconnect: { situation: "casual", channel: "email" },
};

/**
 * The case for the answers. `neededBy` is what the date control holds: "" or a date; anything
 * that is not a real date counts as no date. A date already past is urgent: ask right away.
 */
export function quickCase(need: QuickNeed, neededBy: string, today: IsoDate): QuickCase {
  if (need === "reconnect") return "reconnect";
  if (!isIsoDate(neededBy)) return "reference";
  const lastUrgentDay = addBusinessDays(firstBusinessDay(today), URGENT_BUSINESS_DAYS);
  return neededBy <= lastUrgentDay ? "urgent" : "reference";
}

/** The template of a case's first message: the planner's first step on the case's channel. */
export function quickTemplateSlug(quick: QuickCase, steps: PlanSteps = PLAN_STEPS): string {
  const { situation, channel } = QUICK_CASE_PLAN[quick];
  const first = steps[situation][0];
  if (first === undefined) throw new RangeError(`The ${situation} plan has no steps`);
  return templateFor(first, channel);
}

/** The send actions the quick start shows, out of the fill core's actions for the message. */
export interface QuickActions {
  readonly primary: FillAction;
  readonly more: readonly FillAction[];
}

/**
 * One primary action per channel, as the journey asks: "Open in email app" for an email (Copy
 * when the message is too long for a mailto: link), Copy for everything else. The other
 * actions the core marks primary (Copy all beside the email app, Open in Messages beside Copy)
 * come after it; the rest (subject or body alone, web mail) are on the template page.
 */
export function quickActions(actions: readonly FillAction[], channel: ChannelId): QuickActions {
  // The fill core (view.ts) marks the one primary action; the quick start adds the other ways to
  // send the whole message (copy it, or open the app that sends it), and nothing else.
  const sends = actions.filter(
    (a): a is Extract<FillAction, { primary: boolean }> =>
      (a.kind === "copy" && a.part !== "subject") ||
      (a.kind === "link" && (a.link === "mailto" || a.link === "sms")),
  );
  const primary = sends.find((a) => a.primary);
  if (primary === undefined) throw new RangeError(`No send action for a ${channel} message`);
  return {
    primary,
    more: sends.filter(
      (a) => a !== primary && !(a.kind === "copy" && a.part === "body" && channel === "email"),
    ),
  };
}

/** The words of a plan step the quick start shows: its title and, without a date, its "when". */
export interface QuickStepWords {
  readonly id: OutreachStep;
  readonly title: string;
  readonly when: string;
}

export interface QuickStep {
  readonly id: OutreachStep;
  readonly title: string;
  /** The step's day, when the plan has one; otherwise `when` says it in words. */
  readonly date?: IsoDate;
  readonly when: string;
}

/** How many steps after the first message the quick start lists; /plan/ has the rest. */
export const QUICK_STEP_COUNT = 3;

/**
 * The steps after the first message, from the one outreach timeline (timeline.ts). A reference
 * without a needed-by date has no days to count back from, so its steps say when in words, as
 * /plan/ does without JavaScript.
 */
export function quickSteps(
  situation: Situation,
  theirName: string,
  neededBy: string,
  today: IsoDate,
  words: readonly QuickStepWords[],
): QuickStep[] {
  const dated = situation === "casual" || isIsoDate(neededBy);
  const days = dated
    ? timeline({ situation, today, neededBy: situation === "reference" ? neededBy : undefined })
    : [];
  return words.slice(1, 1 + QUICK_STEP_COUNT).map((step): QuickStep => {
    const date = days.find((d) => d.step === step.id)?.date;
    const title = stepTitle(step, theirName);
    return date === undefined
      ? { id: step.id, title, when: step.when }
      : { id: step.id, title, date, when: step.when };
  });
}

/**
 * The query that carries their name and the date to a template page ("" when there is nothing
 * to carry): what the form sends without JavaScript, for "Edit every detail" with it.
 */
export function queryFor(values: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams();
  for (const field of QUERY_FIELDS) {
    const value = values[field]?.trim() ?? "";
    if (value !== "") params.set(field, value);
  }
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}
