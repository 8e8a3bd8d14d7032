/**
 * The quick start's answer (QuickStart.tsx loads it when the form is first used): the first
 * message for the case, filled by the fill core (src/lib/fill) as on a template page, its send
 * actions, "Edit every detail" and the next steps of the plan. Which message, which actions and
 * which steps is src/lib/quick-start.ts.
 */
import { useEffect, useRef } from "preact/hooks";
import { copyText, selectContents } from "../../client/clipboard.ts";
import { formatLongDate, localToday } from "../../lib/dates.ts";
import type { FillAction, PreviewSegment } from "../../lib/fill/view.ts";

// The fill core, from the template pages' own file (src/client/fill-in.ts says why).
const { copyStatus, fillView, NO_FACE_ACTIONS } = await import("../../client/fill-in.ts");
import { joinBase, routes } from "../../lib/paths.ts";
import { shownValues } from "../../lib/people.ts";
import { readDetails } from "./use-details.ts";
import { QUICK_CASE_PLAN, queryFor, quickActions, quickCase, quickSteps } from "../../lib/quick-start.ts";
import type { Answers, QuickStartProps } from "./QuickStart.tsx";

export interface QuickAnswerProps {
  readonly answers: Answers;
  readonly props: QuickStartProps;
  readonly status: string;
  readonly setStatus: (status: string) => void;
}

function Segments({ segments }: { segments: readonly PreviewSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === "text" ? (
          s.text
        ) : (
          <span class={`qs-${s.kind}`} key={i}>
            {s.text}
          </span>
        ),
      )}
    </>
  );
}

function Action({ action, primary, onCopy }: { action: FillAction; primary: boolean; onCopy: () => void }) {
  const look = primary ? "button" : "button button-quiet";
  if (action.kind === "link")
    return (
      <a class={look} href={action.href} data-action={action.link}>
        {action.label}
      </a>
    );
  return (
    <button type="button" class={look} onClick={onCopy}>
      {action.label}
    </button>
  );
}

/** Only their name and the date come from the answers; a stored one belongs to someone else. */
const ANSWERED = new Set(["theirName", "neededBy"]);

export default function QuickAnswer({ answers, props, status, setStatus }: QuickAnswerProps) {
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  // Each answer is brought into view with its send action, and its heading takes the focus so
  // a screen reader says what appeared. Instant: the page's smooth scrolling would leave the
  // action moving under a finger.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    sectionRef.current?.scrollIntoView({ block: "start", behavior: "instant" });
  }, [answers]);

  const { templates, steps, text, fillText, base, locale: fallbackLocale } = props;
  const today = localToday(new Date());
  const quick = quickCase(answers.need, answers.neededBy, today);
  const template = templates[quick];
  const locale = navigator.language || fallbackLocale;
  const theirDetails = { theirName: answers.theirName, neededBy: answers.neededBy };
  // Your details and those of the person named, and exactly the two answers: a blank one shows
  // as [Their name], as a template page shows a blank field.
  const own = Object.entries(shownValues(readDetails(), props.personFields)).filter(
    ([id]) => !ANSWERED.has(id),
  );
  const values = { ...Object.fromEntries(own), ...theirDetails };
  const view = fillView(template, values, locale, NO_FACE_ACTIONS, fillText);
  const { primary, more } = quickActions(view.actions, template.channel.id);
  const { situation } = QUICK_CASE_PLAN[quick];
  const next = quickSteps(situation, answers.theirName, answers.neededBy, today, steps[situation]);
  const editHref = `${joinBase(base, routes.template(template.slug))}${queryFor(theirDetails)}`;

  const copy = async (action: FillAction) => {
    if (action.kind !== "copy") return;
    const copied = await copyText(view.copy[action.part]);
    if (!copied && messageRef.current !== null) selectContents(messageRef.current);
    setStatus(copyStatus(action.part, copied, fillText));
  };

  return (
    <section class="qs-answer" aria-labelledby="qs-answer-heading" ref={sectionRef}>
      <h2 id="qs-answer-heading" tabIndex={-1} ref={headingRef}>
        {text.answerHeading}
        <span class="qs-title">{template.title}</span>
      </h2>
      <p class="qs-count">
        <strong>{view.count}</strong>
        {view.countNote}
      </p>
      <div class="qs-actions" role="group" aria-label={view.actionsLabel}>
        {[primary, ...more].map((action) => (
          <Action
            key={action.key}
            action={action}
            primary={action === primary}
            onCopy={() => void copy(action)}
          />
        ))}
        <a class="qs-edit" href={editHref}>
          {text.editEveryDetail}
        </a>
      </div>
      <p class="qs-status" role="status">
        {status}
      </p>
      <div class="qs-message" ref={messageRef}>
        {view.subject && (
          <p class="qs-subject">
            <span class="visually-hidden">{fillText.subjectLabel}</span>
            <span data-message-part="subject">
              <Segments segments={view.subject} />
            </span>
          </p>
        )}
        <div class="qs-body" data-message-part="body">
          <Segments segments={view.body} />
        </div>
      </div>
      <h3>{text.nextSteps}</h3>
      <ol class="qs-steps">
        {next.map((step) => (
          <li key={step.id}>
            <strong>{step.date === undefined ? step.when : formatLongDate(step.date, locale)}</strong>{" "}
            {step.title}
          </li>
        ))}
      </ol>
      <p>
        <a href={joinBase(base, routes.plan())}>{text.wholePlan}</a>
      </p>
    </section>
  );
}
