/**
 * The reconnect planner: from who, why and how, an ordered list of dated steps, each pointing at
 * the template that helps with it. Pure: `today` is passed in (see localToday in dates.ts), so
 * the same input always gives the same plan.
 *
 * The days come from timeline.ts, which the reference tracker uses too, so a plan and a tracked
 * request agree; this module adds the words of each step (from the content brief), the template
 * for the channel, and warnings when time is short.
 */
import { daysBetween, formatLongDate, type IsoDate } from "./dates.ts";
import { MIN_DAYS_NOTICE, MIN_DAYS_NOTICE_LETTER, type PlanChannel } from "./outreach.ts";
import { timeline, type Repeat } from "./timeline.ts";
import {
  REFERENCE_STEP_LABELS,
  REFERENCE_STEPS,
  type OutreachStep,
  type ReferenceStep,
  type Situation,
} from "./vocabulary.ts";
import { say } from "./ui-text.ts";

export { PLAN_CHANNEL_LABELS, PLAN_CHANNELS, type PlanChannel } from "./outreach.ts";

export interface PlanInput {
  /** How you address them; may be empty, then steps say "them". */
  readonly theirName: string;
  readonly situation: Situation;
  readonly channel: PlanChannel;
  /** For a reference: the date it is needed by. */
  readonly neededBy?: IsoDate | undefined;
  /** For a reference: the kind (the profile's referenceType choice), e.g. "a written letter". */
  readonly referenceType?: string | undefined;
}

/** How the check-in repeats, and when it ends (timeline.ts). */
export type Recurrence = Repeat;

export interface PlanStep {
  readonly id: OutreachStep;
  readonly title: string;
  readonly detail: string;
  readonly date: IsoDate;
  readonly templateSlug: string;
  /** Set on the check-in, which repeats. */
  readonly recurrence?: Recurrence;
}

export type WarningId = "past" | "soon" | "letter";

export interface PlanWarning {
  readonly id: WarningId;
  readonly text: string;
}

export interface Plan {
  /** Stable for the same person and situation, so a re-downloaded calendar updates its events. */
  readonly id: string;
  readonly input: PlanInput;
  readonly today: IsoDate;
  readonly steps: readonly PlanStep[];
  readonly warnings: readonly PlanWarning[];
}

/** Kind of reference that needs the longer two-week lead time (a value of the referenceType field). */
export const WRITTEN_LETTER = "a written letter";

export interface StepDefinition {
  readonly id: OutreachStep;
  /** "{name}" is replaced with their name, or "them". */
  readonly title: string;
  /** When, in words, for the timeline pages show without JavaScript. */
  readonly when: string;
  readonly detail: string;
  /** The template for each channel that has one; every step has an email one. */
  readonly templates: Readonly<Partial<Record<PlanChannel, string>>> & { readonly email: string };
}

const CHECK_IN: StepDefinition = {
  id: "checkIn",
  title: "Check in with {name}",
  when: "Every three months after that, four times",
  detail: "No favor to ask, just a hello and your news. It keeps the connection warm for next time.",
  templates: { email: "quarterly-check-in-email", text: "quarterly-check-in-text" },
};

const REFERENCE_PLAN: readonly StepDefinition[] = [
  {
    id: "asked",
    title: "Reconnect with {name} and ask for the reference",
    when: "Today (on a weekend, the Monday after), at least a week before it is needed (two weeks for a written letter)",
    detail:
      "Say in one line that you lost touch, say plainly that you are asking a favor, and give the context: where you worked together, the job, the kind of reference and the date.",
    templates: {
      email: "ask-for-a-reference-email",
      text: "ask-for-a-reference-text-urgent",
      linkedin: "ask-for-a-reference-linkedin",
      phone: "ask-for-a-reference-phone-call",
    },
  },
  {
    id: "agreed",
    title: "Follow up with {name} if there is no reply",
    when: "After 3 business days with no reply",
    detail:
      "One short, gentle nudge. Skip it if they already answered. If they say no, thank them anyway and ask someone else.",
    templates: { email: "reference-follow-up-email", text: "reference-follow-up-text" },
  },
  {
    id: "packetSent",
    title: "Send {name} the reference packet",
    when: "As soon as they say yes",
    detail:
      "The job description, your resume and 3 or 4 talking points they can speak to, with the date and who will contact them.",
    templates: { email: "reference-packet-email" },
  },
  {
    id: "headsUp",
    title: "Give {name} a heads-up",
    when: "Once an interview is booked",
    detail: "Tell them who will call or write, and when, so it does not catch them off guard.",
    templates: { email: "recruiter-heads-up-email", text: "recruiter-heads-up-text" },
  },
  {
    id: "thanked",
    title: "Thank {name}",
    when: "Within a business day of their help",
    detail: "Whatever happens next. An email or a text is fine; a handwritten note is even better.",
    templates: { email: "thank-you-email", text: "thank-you-text" },
  },
  {
    id: "toldOutcome",
    title: "Tell {name} how it turned out",
    when: "As soon as you hear, or after two weeks if you are still waiting",
    detail: "Got the job, didn't, or still waiting: tell them anyway. There are templates for each result.",
    templates: { email: "update-got-the-job-email", text: "update-text" },
  },
  CHECK_IN,
];

const CASUAL_PLAN: readonly StepDefinition[] = [
  {
    id: "firstMessage",
    title: "Reach out to {name}",
    when: "Today (on a weekend, the Monday after)",
    detail:
      "Say it has been a while, ask how they are doing, and suggest a way to stay in touch from now on.",
    templates: {
      email: "reconnect-email",
      text: "reconnect-text",
      linkedin: "connect-invitation-linkedin-note",
      phone: "reconnect-phone-call",
    },
  },
  {
    id: "nudge",
    title: "Follow up with {name}",
    when: "A week later",
    detail:
      "No reply yet? Send one friendly nudge. A real question for their advice gives them an easy reason to answer, but only ask if the question is real. If they replied, answer warmly.",
    templates: {
      email: "ask-for-advice-email",
      text: "ask-for-advice-text",
      linkedin: "ask-for-advice-linkedin",
    },
  },
  {
    id: "meet",
    title: "Suggest meeting up with {name}",
    when: "About two weeks after your first message",
    detail: "Coffee, lunch, a walk or a local event. Offer a day and a time so it is easy to say yes.",
    templates: { email: "lunch-invite-email", text: "coffee-invite-text" },
  },
  CHECK_IN,
];

/**
 * What to do when time is short, "{when}" standing for how soon it is needed ("tomorrow"). "Right
 * away" rather than "today": on a weekend the plan's first step is on Monday, but a close
 * deadline is worth a call or a text before then.
 */
const WARNINGS: Readonly<Record<WarningId, string>> = {
  past: "That date has passed. If they still need a reference, ask right away: the plan below counts from today.",
  letter:
    "A written letter takes two weeks or more, and this one is needed {when}. Ask right away, offer a draft they can edit, or ask whether a call or a short email would do instead.",
  soon: "The reference is needed {when}, less than a week away. Ask right away, by phone or text if you can, and think of a second person in case they cannot help in time.",
};

/**
 * The words of both plans, step by step in the timeline's order. Pages pass them to the island
 * as props, so the words travel in the HTML (which the page shows anyway) instead of in the
 * page's JavaScript.
 */
export interface PlanSteps {
  readonly reference: readonly StepDefinition[];
  readonly casual: readonly StepDefinition[];
  /** What a reference plan says when time is short (see referenceWarning). */
  readonly warnings: Readonly<Record<WarningId, string>>;
  /** Said in place of a plan that failed to show, whatever the reason; the form still works. */
  readonly cannotShow: string;
}

export const PLAN_STEPS: PlanSteps = {
  reference: REFERENCE_PLAN,
  casual: CASUAL_PLAN,
  warnings: WARNINGS,
  cannotShow:
    "Your plan could not be shown here. Your details are still saved: change them, or reload the page to try again.",
};

/** Where to look when a step has no template for the chosen channel. */
const FALLBACK: Readonly<Record<PlanChannel, readonly PlanChannel[]>> = {
  email: ["email"],
  text: ["text", "email"],
  linkedin: ["linkedin", "email"],
  // A call's follow-ups work best as a text the person can answer in their own time.
  phone: ["phone", "text", "email"],
};

/** The template for a step on a channel, falling back to the nearest channel that has one. */
export function templateFor(step: StepDefinition, channel: PlanChannel): string {
  for (const option of FALLBACK[channel]) {
    const slug = step.templates[option];
    if (slug !== undefined) return slug;
  }
  return step.templates.email;
}

/**
 * The reference steps a template is the planner's message for, on any channel: what "Mark as
 * sent" on its page ticks in the tracker.
 */
export function stepsServedBy(slug: string, steps: PlanSteps = PLAN_STEPS): ReferenceStep[] {
  return steps.reference.flatMap((step) =>
    Object.values(step.templates).includes(slug) && (REFERENCE_STEPS as readonly string[]).includes(step.id)
      ? [step.id as ReferenceStep]
      : [],
  );
}

/** stepsServedBy with each step's label: what a fill-in's "Mark as sent" says it ticks. */
export function labelledStepsServedBy(
  slug: string,
  steps: PlanSteps = PLAN_STEPS,
): { step: ReferenceStep; label: string }[] {
  return stepsServedBy(slug, steps).map((step) => ({ step, label: REFERENCE_STEP_LABELS[step] }));
}

/**
 * The message for each step of a reference plan on each way of reaching someone (templateFor's
 * fallback included): the tracker's "Write it" link on each person's next step.
 */
export function referenceStepTemplates(
  steps: PlanSteps = PLAN_STEPS,
): Partial<Record<OutreachStep, Record<PlanChannel, string>>> {
  const channels = ["email", "text", "linkedin", "phone"] as const satisfies readonly PlanChannel[];
  return Object.fromEntries(
    steps.reference.map((step) => [
      step.id,
      Object.fromEntries(channels.map((channel) => [channel, templateFor(step, channel)])),
    ]),
  );
}

/** Every template slug the planner can link to, for the page to check and title at build time. */
export function planTemplateSlugs(steps: PlanSteps = PLAN_STEPS): string[] {
  const all = [...steps.reference, ...steps.casual].flatMap((step) => Object.values(step.templates));
  return [...new Set(all)].sort();
}

/** A step's title with their name in it, or "them" when there is no name yet. */
export function stepTitle(step: Pick<StepDefinition, "title">, theirName: string): string {
  const name = theirName.trim();
  // say(), not String.replace: a name such as "$&" must not be read as a replacement pattern.
  return say(step.title, { name: name === "" ? "them" : name });
}

/** 32-bit FNV-1a as 8 hex digits: a short, stable id, not a secure hash. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Which warning a reference plan needs, if any: a letter needs two weeks, anything else one. */
function referenceWarning(input: PlanInput, today: IsoDate, neededBy: IsoDate): WarningId | undefined {
  const days = daysBetween(today, neededBy);
  if (days < 0) return "past";
  if (input.referenceType === WRITTEN_LETTER && days < MIN_DAYS_NOTICE_LETTER) return "letter";
  return days < MIN_DAYS_NOTICE ? "soon" : undefined;
}

function inDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

/**
 * The plan for `input`, starting `today`, with the words of `steps` (normally PLAN_STEPS). A
 * reference plan needs `neededBy`; without one (or with one that is not a real date) it
 * throws, because the form should not have asked yet.
 */
export function buildPlan(input: PlanInput, today: IsoDate, steps: PlanSteps): Plan {
  const isReference = input.situation === "reference";
  let warnings: PlanWarning[] = [];
  if (isReference) {
    if (input.neededBy === undefined) throw new RangeError("A reference plan needs the date it is needed by");
    const id = referenceWarning(input, today, input.neededBy);
    const when = inDays(daysBetween(today, input.neededBy));
    if (id !== undefined) warnings = [{ id, text: say(steps.warnings[id], { when }) }];
  }
  const definitions = isReference ? steps.reference : steps.casual;
  const planSteps = timeline({ situation: input.situation, today, neededBy: input.neededBy }).map(
    ({ step, date, repeat }): PlanStep => {
      const definition = definitions.find((d) => d.id === step);
      if (definition === undefined) throw new RangeError(`No words for the step "${step}"`);
      const planStep = {
        id: step,
        title: stepTitle(definition, input.theirName),
        detail: definition.detail,
        date,
        templateSlug: templateFor(definition, input.channel),
      };
      return repeat === undefined ? planStep : { ...planStep, recurrence: repeat };
    },
  );
  const key = [input.situation, input.theirName.trim().toLowerCase(), isReference ? input.neededBy : ""];
  return { id: shortHash(key.join("\n")), input, today, steps: planSteps, warnings };
}

export interface ChecklistOptions {
  readonly locale: string;
  /** The address of a template page, absolute so it works when pasted anywhere. */
  readonly linkFor: (slug: string) => string;
}

/** One line saying what the plan is for, e.g. "Ask Dan for a reference needed by ...". */
export function planHeading(plan: Plan, locale: string): string {
  const name = plan.input.theirName.trim() || "them";
  if (plan.input.situation === "casual") return `Reconnect with ${name}`;
  const by = plan.input.neededBy === undefined ? "" : ` by ${formatLongDate(plan.input.neededBy, locale)}`;
  return `Ask ${name} for a reference${by}`;
}

const TIMES = ["once", "twice", "three times", "four times"];

/**
 * When a step happens, in words: the date or, for the check-in, how it repeats and when it
 * ends, e.g. "Every 3 months from Tuesday, 13 October 2026, four times, until Tuesday, 13 July
 * 2027".
 */
export function stepWhen(step: PlanStep, locale: string): string {
  const date = formatLongDate(step.date, locale);
  const repeat = step.recurrence;
  if (repeat === undefined) return date;
  const times = TIMES[repeat.count - 1] ?? `${repeat.count} times`;
  return `Every ${repeat.interval} months from ${date}, ${times}, until ${formatLongDate(repeat.until, locale)}`;
}

/**
 * The plan as a plain-text checklist for notes apps and paper: "[ ]" boxes that read well in
 * any font and paste as a task list into many notes apps.
 */
export function planChecklist(plan: Plan, options: ChecklistOptions): string {
  const lines = [planHeading(plan, options.locale), ""];
  for (const warning of plan.warnings) lines.push(`Note: ${warning.text}`, "");
  for (const step of plan.steps) {
    lines.push(
      `[ ] ${stepWhen(step, options.locale)}: ${step.title}`,
      `    ${step.detail}`,
      `    Template: ${options.linkFor(step.templateSlug)}`,
      "",
    );
  }
  return lines.join("\n").trimEnd() + "\n";
}
