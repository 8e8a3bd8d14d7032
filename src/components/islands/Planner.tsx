/**
 * The reconnect planner island: a short form, the dated plan from src/lib/plan.ts, and the ways
 * to keep it (a calendar file, a checklist to paste, print). Their name, the date and the kind
 * of reference are the shared profile's fields, so every template linked from the plan opens
 * already filled in, and the form opens with what the person typed on a template page.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { TargetedEvent } from "preact";
import { copyText, downloadFile, selectContents } from "../../client/clipboard.ts";
import { dateError, FIRST_DATE, LAST_DATE, localToday } from "../../lib/dates.ts";
import { safeFileName } from "../../lib/file-names.ts";
import {
  googleCalendarLink,
  outlookCalendarLink,
  stepEvent,
  type LinkableEvent,
} from "../../lib/calendar-links.ts";
import { joinBase, routes } from "../../lib/paths.ts";
import {
  buildPlan,
  PLAN_CHANNELS,
  planChecklist,
  planHeading,
  stepWhen,
  type Plan,
  type PlanChannel,
  type PlanSteps,
} from "../../lib/plan.ts";
import { getValue } from "../../lib/profile.ts";
import { profileStore, readDetails, useDetails } from "./use-details.ts";
import type { KeptText } from "../../lib/ui-text.ts";
import { SITUATIONS, type Situation } from "../../lib/vocabulary.ts";
import { Guard } from "./Guard.tsx";
import { Kept } from "./Kept.tsx";

export interface PlannerProps {
  /** Every field about the person written to (`about: them` in the registry). */
  readonly personFields: readonly string[];
  /** import.meta.env.BASE_URL, for links to template pages. */
  readonly base: string;
  /** Locale for dates before the browser's own is known. */
  readonly locale: string;
  /** The steps' words (PLAN_STEPS), passed in so they are not bundled twice. */
  readonly steps: PlanSteps;
  /** The choices' words (SITUATION_LABELS and PLAN_CHANNEL_LABELS in vocabulary.ts), likewise. */
  readonly labels: {
    readonly situations: Readonly<Record<Situation, string>>;
    readonly channels: Readonly<Record<PlanChannel, string>>;
  };
  /** Title of every template the plan can link to, by slug. */
  readonly templateTitles: Readonly<Record<string, string>>;
  /** The referenceType field's choices (src/content/fields.yaml). */
  readonly referenceTypes: readonly string[];
  /** Host name for calendar UIDs, from the site's address. */
  readonly domain: string;
  readonly siteName: string;
  /** What to say about saved details this page could not read (FILL_TEXT_EN.kept). */
  readonly kept: KeptText;
}

function Choices<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => {
              props.onChange(option);
            }}
          />{" "}
          {props.labels[option]}
        </label>
      ))}
    </fieldset>
  );
}

/** Each step straight into a calendar's own form, which keeps that calendar's reminders. */
function CalendarLinks({ event }: { event: LinkableEvent }) {
  const open = { target: "_blank", rel: "noopener" };
  return (
    <p class="plan-add no-print">
      Add to{" "}
      <a href={googleCalendarLink(event)} {...open}>
        Google Calendar
      </a>
      ,{" "}
      <a href={outlookCalendarLink(event, "personal")} {...open}>
        Outlook.com
      </a>{" "}
      or{" "}
      <a href={outlookCalendarLink(event, "work")} {...open}>
        Outlook for work or school
      </a>
    </p>
  );
}

export default function Planner(props: PlannerProps) {
  const { base, steps, labels, templateTitles, referenceTypes, domain, siteName } = props;
  const [status, setStatus] = useState("");
  const [typedName, setTypedName] = useState<string | undefined>(undefined);
  const {
    ready,
    values,
    set: setDetail,
    writeToName,
  } = useDetails(props.personFields, () => {
    setStatus("Your browser is not letting this page save. Your details will be kept until you leave.");
  });
  const [situation, setSituation] = useState<Situation>("casual");
  const [channel, setChannel] = useState<PlanChannel>("email");
  const [locale, setLocale] = useState(props.locale);
  const [today, setToday] = useState("");
  const stepsRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (getValue(readDetails().profile, "neededBy") !== "") setSituation("reference");
    setLocale(navigator.language || props.locale);
    setToday(localToday(new Date()));
  }, [props.locale]);

  const theirName = typedName ?? getValue(values, "theirName");
  const neededBy = getValue(values, "neededBy");
  const referenceType = getValue(values, "referenceType");
  // A date outside the range is refused here, with the range, rather than planned from.
  const dateWrong =
    situation === "reference"
      ? dateError(neededBy, "Enter the date the reference is needed by to see your plan.")
      : undefined;
  const input = { theirName, situation, channel, neededBy, referenceType };

  const set = (id: string) => (event: TargetedEvent<HTMLInputElement | HTMLSelectElement>) => {
    setDetail(id, event.currentTarget.value);
  };

  const templatePath = (slug: string) => joinBase(base, routes.template(slug));
  const linkFor = (slug: string) => new URL(templatePath(slug), window.location.href).href;

  const download = async (plan: Plan) => {
    // The calendar writer loads only when someone asks for the file.
    const { planCalendar } = await import("../../lib/calendar.ts");
    const name = safeFileName(`reconnect-plan ${theirName}`, "ics");
    const ics = planCalendar(plan, {
      now: new Date(),
      linkFor,
      domain,
      prodId: `-//${siteName}//Planner//EN`,
      name: `${siteName}: ${planHeading(plan, locale)}`,
    });
    downloadFile(ics, name, "text/calendar;charset=utf-8");
    setStatus(`Saved ${name}. Open it to add the ${plan.steps.length} reminders to your calendar.`);
  };

  const copy = async (plan: Plan) => {
    if (await copyText(planChecklist(plan, { locale, linkFor }))) {
      setStatus("Copied the plan as a checklist.");
    } else {
      if (stepsRef.current !== null) selectContents(stepsRef.current);
      setStatus(
        "Copying did not work here. The plan is selected: press Ctrl+C, or long-press and choose Copy.",
      );
    }
  };

  return (
    <div class="planner">
      <form
        class="planner-form no-print"
        aria-labelledby="planner-form-heading"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <h2 id="planner-form-heading">Who and how</h2>
        {ready && <Kept store={profileStore} text={props.kept} onStatus={setStatus} />}
        <fieldset class="planner-fields" disabled={!ready}>
          <legend class="visually-hidden">Your plan</legend>
          <div class="field">
            <label for="plan-their-name">Their name</label>
            <span class="hint" id="plan-their-name-hint">
              As you address them. The templates use it too.
            </span>
            <input
              id="plan-their-name"
              type="text"
              autoComplete="off"
              maxLength={200}
              value={theirName}
              aria-describedby="plan-their-name-hint"
              onInput={(event) => {
                setTypedName(event.currentTarget.value);
              }}
              onChange={(event) => {
                // A name is who the plan is for, as on home's quick start: that person, or
                // someone new, never a rename of the person written to before.
                writeToName(event.currentTarget.value);
                setTypedName(undefined);
              }}
            />
          </div>
          <Choices
            legend="What do you need?"
            name="situation"
            options={SITUATIONS}
            labels={labels.situations}
            value={situation}
            onChange={setSituation}
          />
          {situation === "reference" && (
            <>
              <div class="field">
                <label for="plan-needed-by">Needed by</label>
                <span class="hint" id="plan-needed-by-hint">
                  The date the reference is due, or when calls may start.
                </span>
                <input
                  id="plan-needed-by"
                  type="date"
                  value={neededBy}
                  min={FIRST_DATE}
                  max={LAST_DATE}
                  aria-describedby={
                    dateWrong ? "plan-needed-by-hint plan-needed-by-error" : "plan-needed-by-hint"
                  }
                  aria-invalid={dateWrong !== undefined}
                  onInput={set("neededBy")}
                />
                {dateWrong && (
                  <span class="error" id="plan-needed-by-error">
                    {dateWrong}
                  </span>
                )}
              </div>
              <div class="field">
                <label for="plan-reference-type">
                  Kind of reference <span class="optional">(optional)</span>
                </label>
                <span class="hint" id="plan-reference-type-hint">
                  A written letter needs more time.
                </span>
                <select
                  id="plan-reference-type"
                  value={referenceType}
                  aria-describedby="plan-reference-type-hint"
                  onChange={set("referenceType")}
                >
                  <option value="">Not sure yet</option>
                  {referenceTypes.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          <Choices
            legend="How will you reach them?"
            name="channel"
            options={PLAN_CHANNELS}
            labels={labels.channels}
            value={channel}
            onChange={setChannel}
          />
        </fieldset>
      </form>

      <section class="plan-output" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Your plan</h2>
        {!ready || dateWrong ? (
          <p class="soft">
            {ready
              ? "Add the date the reference is needed by, and your plan appears here."
              : "Your plan appears here."}
          </p>
        ) : (
          // Should the plan fail to show, it says so and the form above still works; keyed by
          // what the plan is made from, so changing it tries again.
          <Guard
            key={JSON.stringify(input)}
            fallback={<p class="error">{steps.cannotShow}</p>}
            render={() => {
              const plan = buildPlan(input, today, steps);
              return (
                <>
                  <p class="plan-for">{planHeading(plan, locale)}</p>
                  {plan.warnings.map((warning) => (
                    <p class="plan-warning" key={warning.id} data-warning={warning.id}>
                      <strong>Note: </strong>
                      {warning.text}
                    </p>
                  ))}
                  <ol class="plan-steps" ref={stepsRef}>
                    {plan.steps.map((step) => (
                      <li key={step.id} data-step={step.id}>
                        <p class="plan-when">
                          <time dateTime={step.date}>{stepWhen(step, locale)}</time>
                        </p>
                        <h3>{step.title}</h3>
                        <p>{step.detail}</p>
                        <p>
                          <a href={templatePath(step.templateSlug)}>
                            Template: {templateTitles[step.templateSlug] ?? step.templateSlug}
                          </a>
                        </p>
                        <CalendarLinks
                          event={stepEvent(step, linkFor(step.templateSlug), stepWhen(step, locale))}
                        />
                      </li>
                    ))}
                  </ol>
                  <p class="no-print">
                    The .ics file brings every step with a reminder on the morning it is due. Apple Calendar
                    and Outlook keep those reminders; Google Calendar drops them when it imports a file, so
                    for Google use the "Google Calendar" link on each step instead.
                  </p>
                  <div class="actions no-print" role="group" aria-label="Keep the plan">
                    <button type="button" onClick={() => void download(plan)}>
                      Download for your calendar (.ics)
                    </button>
                    <button type="button" class="button-quiet" onClick={() => void copy(plan)}>
                      Copy as a checklist
                    </button>
                    <button
                      type="button"
                      class="button-quiet"
                      onClick={() => {
                        window.print();
                      }}
                    >
                      Print
                    </button>
                  </div>
                </>
              );
            }}
          />
        )}
        <p class="status" role="status">
          {status}
        </p>
      </section>
    </div>
  );
}
