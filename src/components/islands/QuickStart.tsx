/**
 * Home's quick start: two questions, then the best first message for the case already filled,
 * its send action, a link to the full template page and the next steps of the plan. The form is
 * a plain GET form whose buttons go to the template pages, so it works before this hydrates and
 * with JavaScript off; once hydrated it answers in place instead (QuickAnswer.tsx).
 *
 * The answer (the fill core, the timeline and the date arithmetic) loads when the person starts
 * on the form, not with the page: home then costs a phone little more than the form, and the
 * answer is there by the time the question is answered. Should it fail to load, the form goes
 * to the template page as it does without JavaScript.
 */
import { useState } from "preact/hooks";
import type { TargetedEvent } from "preact";
import type { FillControl } from "../../lib/fill/form.ts";
import type { MessageTemplate } from "../../lib/fill/message.ts";
import { joinBase, routes } from "../../lib/paths.ts";
import { newId, withValue, writeTo } from "../../lib/people.ts";
import { readDetails, saveDetails } from "./use-details.ts";
import type { QuickCase, QuickNeed, QuickStepWords } from "../../lib/quick-start.ts";
import type { FillText, QuickStartText } from "../../lib/ui-text.ts";
import type { Situation } from "../../lib/vocabulary.ts";
import type { QuickAnswerProps } from "./QuickAnswer.tsx";

export type QuickTemplate = MessageTemplate & { readonly slug: string; readonly title: string };

export interface QuickStartProps {
  /** The first message of each case (quickTemplateSlug), made fillable at build time. */
  readonly templates: Readonly<Record<QuickCase, QuickTemplate>>;
  /** The registry's controls for their name and the needed-by date, so limits match a template page. */
  readonly name: FillControl;
  readonly date: FillControl;
  /** The plans' step words (PLAN_STEPS), passed in so they are not bundled. */
  readonly steps: Readonly<Record<Situation, readonly QuickStepWords[]>>;
  readonly text: QuickStartText;
  readonly fillText: FillText;
  /** import.meta.env.BASE_URL. */
  readonly base: string;
  /** Every field about the person written to (`about: them` in the registry). */
  readonly personFields: readonly string[];
  readonly locale: string;
}

/** What the two questions were answered with. */
export interface Answers {
  readonly need: QuickNeed;
  readonly theirName: string;
  /** "" or a date, as the date control gives it. */
  readonly neededBy: string;
}

type AnswerComponent = (props: QuickAnswerProps) => preact.JSX.Element;
let answerModule: Promise<AnswerComponent> | undefined;
const loadAnswer = (): Promise<AnswerComponent> =>
  (answerModule ??= import("./QuickAnswer.tsx").then((m) => m.default));

export default function QuickStart(props: QuickStartProps) {
  const { templates, name, date, text, fillText, base } = props;
  const [answers, setAnswers] = useState<Answers | undefined>(undefined);
  const [Answer, setAnswer] = useState<{ component: AnswerComponent } | undefined>(undefined);
  const [status, setStatus] = useState("");
  const pagePath = (quick: QuickCase) => joinBase(base, routes.template(templates[quick].slug));

  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const typed = (id: string) => {
      const value = data.get(id);
      return typeof value === "string" ? value : "";
    };
    const submitter = event instanceof SubmitEvent ? event.submitter : null;
    const need: QuickNeed = submitter?.getAttribute("data-need") === "reconnect" ? "reconnect" : "reference";
    const theirName = typed(name.field);
    const neededBy = need === "reference" ? typed(date.field) : "";
    // Saved the way a template page saves what is typed, so the template page opens filled: the
    // name writes to that person (people.ts); a blank answer saves nothing, so it never erases
    // what was stored. The date control holds only "" or a real date.
    const stored = readDetails();
    const now = new Date();
    let details =
      theirName.trim() === "" ? stored : writeTo(stored, props.personFields, theirName, newId(), now);
    if (neededBy !== "") details = withValue(details, props.personFields, date.field, neededBy, now);
    setStatus(saveDetails(details, stored).persisted ? "" : fillText.notSaved);
    loadAnswer().then(
      (component) => {
        setAnswer({ component });
        setAnswers({ need, theirName, neededBy });
      },
      () => {
        // Offline, say: go where the same button goes without JavaScript.
        if (submitter instanceof HTMLButtonElement) form.action = submitter.formAction;
        form.submit();
      },
    );
  };

  return (
    <div class="quick-start">
      <form
        id="quick-start-form"
        class="qs-form"
        method="get"
        action={pagePath("reference")}
        aria-labelledby="qs-heading"
        onSubmit={submit}
        onFocusIn={() => void loadAnswer().catch(() => undefined)}
      >
        <h2 id="qs-heading" class="visually-hidden">
          {text.heading}
        </h2>
        <div class="qs-field">
          <label for="qs-name">{text.whoLabel}</label>
          <span class="qs-hint" id="qs-name-hint">
            {text.whoHint}
          </span>
          <input
            id="qs-name"
            name={name.field}
            type="text"
            maxLength={name.maxLength}
            autoComplete="off"
            aria-describedby="qs-name-hint"
          />
        </div>
        <fieldset class="qs-need">
          <legend>{text.needLegend}</legend>
          <div class="qs-field">
            <label for="qs-date">{text.dateLabel}</label>
            <span class="qs-hint" id="qs-date-hint">
              {text.dateHint}
            </span>
            <input id="qs-date" name={date.field} type="date" aria-describedby="qs-date-hint" />
          </div>
          <div class="qs-choices">
            <button type="submit" class="button" data-need="reference">
              {text.reference}
            </button>
            <button
              type="submit"
              class="button button-quiet"
              formAction={pagePath("reconnect")}
              data-need="reconnect"
            >
              {text.reconnect}
            </button>
          </div>
        </fieldset>
      </form>
      {answers !== undefined && Answer !== undefined && (
        <Answer.component answers={answers} props={props} status={status} setStatus={setStatus} />
      )}
    </div>
  );
}
