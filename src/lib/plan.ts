/**
 * The reconnect planner: from who, why and how, an ordered list of dated steps, each pointing at
 * the template that helps with it. Pure: `today` is passed in (see localToday in dates.ts), so
 * the same input always gives the same plan.
 *
 * The timings come from the content brief: ask at least a week ahead (two weeks or more for a
 * written letter), expect a reply within about 3 business days, send the packet once they say
 * yes, a heads-up once an interview is booked, thanks within a day, the outcome whatever it is,
 * and a check-in every three months to keep the reference warm.
 */
import {
  addBusinessDays,
  addDays,
  addMonths,
  daysBetween,
  formatLongDate,
  maxDate,
  minDate,
  type IsoDate,
} from "./dates.ts";
import {
  CHECK_IN_MONTHS,
  FOLLOW_UP_BUSINESS_DAYS,
  MIN_DAYS_NOTICE,
  MIN_DAYS_NOTICE_LETTER,
  OUTCOME_AFTER_DAYS,
  type PlanChannel,
} from "./outreach.ts";

export { PLAN_CHANNEL_LABELS, PLAN_CHANNELS, type PlanChannel } from "./outreach.ts";

export type Situation = "casual" | "reference";

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

export type StepId =
  | "ask"
  | "follow-up"
  | "packet"
  | "heads-up"
  | "thanks"
  | "outcome"
  | "first-message"
  | "nudge"
  | "meet"
  | "check-in";

export interface Recurrence {
  readonly frequency: "monthly";
  readonly interval: number;
}

export interface PlanStep {
  readonly id: StepId;
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
  readonly id: StepId;
  /** "{name}" is replaced with their name, or "them". */
  readonly title: string;
  /** When, in words, for the timeline pages show without JavaScript. */
  readonly when: string;
  readonly detail: string;
  /** The template for each channel that has one; every step has an email one. */
  readonly templates: Readonly<Partial<Record<PlanChannel, string>>> & { readonly email: string };
}

const CHECK_IN: StepDefinition = {
  id: "check-in",
  title: "Check in with {name}",
  when: "Every three months after that",
  detail: "No favor to ask, just a hello and your news. It keeps the connection warm for next time.",
  templates: { email: "quarterly-check-in-email", text: "quarterly-check-in-text" },
};

export const REFERENCE_STEPS: readonly StepDefinition[] = [
  {
    id: "ask",
    title: "Reconnect with {name} and ask for the reference",
    when: "Today, at least a week before it is needed (two weeks for a written letter)",
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
    id: "follow-up",
    title: "Follow up with {name} if there is no reply",
    when: "After 3 business days with no reply",
    detail:
      "One short, gentle nudge. Skip it if they already answered. If they say no, thank them anyway and ask someone else.",
    templates: { email: "reference-follow-up-email", text: "reference-follow-up-text" },
  },
  {
    id: "packet",
    title: "Send {name} the reference packet",
    when: "As soon as they say yes",
    detail:
      "The job description, your resume and 3 or 4 talking points they can speak to, with the date and who will contact them.",
    templates: { email: "reference-packet-email" },
  },
  {
    id: "heads-up",
    title: "Give {name} a heads-up",
    when: "Once an interview is booked",
    detail: "Tell them who will call or write, and when, so it does not catch them off guard.",
    templates: { email: "recruiter-heads-up-email", text: "recruiter-heads-up-text" },
  },
  {
    id: "thanks",
    title: "Thank {name}",
    when: "Within a day of their help",
    detail: "Whatever happens next. An email or a text is fine; a handwritten note is even better.",
    templates: { email: "thank-you-email", text: "thank-you-text" },
  },
  {
    id: "outcome",
    title: "Tell {name} how it turned out",
    when: "As soon as you hear, or after two weeks if you are still waiting",
    detail: "Got the job, didn't, or still waiting: tell them anyway. There are templates for each result.",
    templates: { email: "update-got-the-job-email", text: "update-text" },
  },
  CHECK_IN,
];

export const CASUAL_STEPS: readonly StepDefinition[] = [
  {
    id: "first-message",
    title: "Reach out to {name}",
    when: "Today",
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
 * The steps of both plans. Pages pass them to the island as props, so the words travel in the
 * HTML (which the page shows anyway) instead of in the page's JavaScript.
 */
export interface PlanSteps {
  readonly reference: readonly StepDefinition[];
  readonly casual: readonly StepDefinition[];
}

export const PLAN_STEPS: PlanSteps = { reference: REFERENCE_STEPS, casual: CASUAL_STEPS };

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

/** Every template slug the planner can link to, for the page to check and title at build time. */
export function planTemplateSlugs(steps: PlanSteps = PLAN_STEPS): string[] {
  const all = [...steps.reference, ...steps.casual].flatMap((step) => Object.values(step.templates));
  return [...new Set(all)].sort();
}

/** A step's title with their name in it, or "them" when there is no name yet. */
export function stepTitle(step: StepDefinition, theirName: string): string {
  const name = theirName.trim();
  return step.title.replace("{name}", name === "" ? "them" : name);
}

/**
 * RFC 5545 §3.3.10: a recurrence that lands on a date that does not exist (31 April) is
 * skipped, not moved. A check-in every three months from the 31st would silently miss some
 * quarters, so it starts no later than the 28th.
 */
function recurringStart(date: IsoDate): IsoDate {
  const day = Number(date.slice(8));
  return day > 28 ? `${date.slice(0, 8)}28` : date;
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

function inDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

function referenceWarnings(input: PlanInput, today: IsoDate, neededBy: IsoDate): PlanWarning[] {
  const days = daysBetween(today, neededBy);
  if (days < 0) {
    return [
      {
        id: "past",
        text: "That date has passed. If they still need a reference, ask today: the plan below starts from today.",
      },
    ];
  }
  if (input.referenceType === WRITTEN_LETTER && days < MIN_DAYS_NOTICE_LETTER) {
    return [
      {
        id: "letter",
        text: `A written letter takes two weeks or more, and this one is needed ${inDays(days)}. Ask today, offer a draft they can edit, or ask whether a call or a short email would do instead.`,
      },
    ];
  }
  if (days < MIN_DAYS_NOTICE) {
    return [
      {
        id: "soon",
        text: `The reference is needed ${inDays(days)}, less than a week away. Ask today, by phone or text if you can, and think of a second person in case they cannot help in time.`,
      },
    ];
  }
  return [];
}

/**
 * Dates for the reference steps. Steps before the reference date are squeezed in before it
 * when time is short, never earlier than the step before; a date in the past is treated as
 * today, so the plan still starts now.
 */
function referenceDates(today: IsoDate, neededBy: IsoDate): Record<string, IsoDate> {
  const due = maxDate(neededBy, today);
  const dayBeforeDue = addDays(due, -1);
  const followUp = maxDate(
    addDays(today, 1),
    minDate(addBusinessDays(today, FOLLOW_UP_BUSINESS_DAYS), dayBeforeDue),
  );
  const packet = maxDate(followUp, minDate(addBusinessDays(followUp, 1), dayBeforeDue));
  const headsUp = maxDate(packet, addBusinessDays(due, -1));
  const thanks = maxDate(headsUp, addDays(due, 1));
  const outcome = maxDate(thanks, addDays(due, OUTCOME_AFTER_DAYS));
  return {
    ask: today,
    "follow-up": followUp,
    packet,
    "heads-up": headsUp,
    thanks,
    outcome,
    "check-in": recurringStart(addMonths(outcome, CHECK_IN_MONTHS)),
  };
}

function casualDates(today: IsoDate): Record<string, IsoDate> {
  return {
    "first-message": today,
    nudge: addBusinessDays(today, 5),
    meet: addBusinessDays(today, 10),
    "check-in": recurringStart(addMonths(today, CHECK_IN_MONTHS)),
  };
}

/**
 * The plan for `input`, starting `today`, with the words of `steps` (normally PLAN_STEPS). A
 * reference plan needs `neededBy`; without one (or with one that is not a real date) it
 * throws, because the form should not have asked yet.
 */
export function buildPlan(input: PlanInput, today: IsoDate, steps: PlanSteps): Plan {
  const isReference = input.situation === "reference";
  let dates: Record<string, IsoDate>;
  let warnings: PlanWarning[] = [];
  if (isReference) {
    if (input.neededBy === undefined) throw new RangeError("A reference plan needs the date it is needed by");
    dates = referenceDates(today, input.neededBy);
    warnings = referenceWarnings(input, today, input.neededBy);
  } else {
    dates = casualDates(today);
  }
  const definitions = isReference ? steps.reference : steps.casual;
  const planSteps = definitions.map((definition): PlanStep => {
    const step = {
      id: definition.id,
      title: stepTitle(definition, input.theirName),
      detail: definition.detail,
      date: dates[definition.id] ?? today,
      templateSlug: templateFor(definition, input.channel),
    };
    return definition.id === "check-in"
      ? { ...step, recurrence: { frequency: "monthly", interval: CHECK_IN_MONTHS } }
      : step;
  });
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

/** When a step happens, in words: the date, or "every three months from" it. */
export function stepWhen(step: PlanStep, locale: string): string {
  const date = formatLongDate(step.date, locale);
  return step.recurrence === undefined ? date : `Every ${step.recurrence.interval} months from ${date}`;
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
