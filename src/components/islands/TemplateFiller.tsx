/**
 * The fill-in island: draws src/lib/fill (the form, the live preview, the meter and the actions)
 * with Preact, and wires it to the profile store, the clipboard and the page. Everything it shows
 * is decided by the core; the words come from the FillText table through props. Values live in
 * the person's browser (src/lib/profile.ts) and are never sent anywhere.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { TargetedEvent } from "preact";
import { copyText, downloadText, selectContents } from "../../client/clipboard.ts";
import type { FillableTemplate } from "../../lib/api/schema.ts";
import { newId, stepToMark } from "../../lib/people.ts";
import type { ReferenceStep } from "../../lib/vocabulary.ts";
import type { FillControl } from "../../lib/fill/form.ts";
import { withPlainCharacters } from "../../lib/fill/message.ts";
import {
  copyStatus,
  downloadName,
  fillView,
  type FillAction,
  type PreviewSegment,
} from "../../lib/fill/view.ts";
import { getValue } from "../../lib/profile.ts";
import { say, type FillText, type PeopleText } from "../../lib/ui-text.ts";
import { Kept } from "./Kept.tsx";
import { StatusLine, useStatus } from "./Undo.tsx";
import { profileStore, useDetails } from "./use-details.ts";

export interface TemplateFillerProps {
  /** Its form was made at build time (fillableTemplate), so those rules are not in this bundle. */
  readonly template: FillableTemplate;
  readonly text: FillText;
  /** Locale for dates before the browser's own is known (server render). */
  readonly locale: string;
  readonly people: PeopleText;
  /** Every field about the person written to (`about: them` in the registry). */
  readonly personFields: readonly string[];
  /** The reference steps this message is for (the planner's, plan.ts), with their labels. */
  readonly serves: readonly { readonly step: ReferenceStep; readonly label: string }[];
}

function Segments({ segments }: { segments: readonly PreviewSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === "text" ? (
          s.text
        ) : (
          <span class={s.kind} key={i}>
            {s.text}
          </span>
        ),
      )}
    </>
  );
}

function Control({
  control,
  value,
  text,
  onValue,
  onCommit,
}: {
  control: FillControl;
  value: string;
  text: FillText;
  onValue: (id: string, value: string) => void;
  /** When the control is left after a change. */
  onCommit: () => void;
}) {
  const { element, field, options, placeholder, hint, hintId, label, optional, ...attributes } = control;
  const common = {
    id: attributes.id,
    name: field,
    value,
    "aria-describedby": hintId,
    maxLength: attributes.maxLength,
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      onValue(field, event.currentTarget.value);
    },
    onChange: onCommit,
  };
  return (
    <div class="field">
      <label for={attributes.id}>
        {label}
        {optional && <span class="optional">{text.optionalMark}</span>}
      </label>
      <span class="hint" id={hintId}>
        {hint}
      </span>
      {element === "textarea" ? (
        <textarea {...common} rows={attributes.rows} />
      ) : element === "select" ? (
        <select {...common}>
          <option value="">{placeholder}</option>
          {options?.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input {...common} type={attributes.type} autoComplete={attributes.autocomplete} />
      )}
    </div>
  );
}

export default function TemplateFiller({
  template,
  text,
  locale,
  people,
  personFields,
  serves,
}: TemplateFillerProps) {
  const { form } = template;
  const status = useStatus();
  const { ready, details, values, chosen, update, set, commit, choose } = useDetails(personFields, () => {
    status.say(text.notSaved);
  });
  const [clientLocale, setClientLocale] = useState(locale);
  const previewRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // What the address names (the quick start's details, the tracker's person) counts as chosen
    // and typed, then leaves it. The rules load only when there is a query, which most visits
    // do not have.
    if (location.search !== "")
      void import("../../lib/fill/query.ts").then(({ applyQuery }) => {
        const controls = [...form.required, ...form.optional];
        update((stored) => {
          const linked = applyQuery(location.search, controls, stored, personFields, newId(), new Date());
          if (!linked.applied) return stored;
          history.replaceState(history.state, "", `${location.pathname}${linked.search}${location.hash}`);
          return linked.details;
        });
      });
    setClientLocale(navigator.language || locale);
    // Once, on arrival: `update` is a new function every render, reading the latest details.
  }, [locale, form, personFields]);

  const view = useMemo(
    () =>
      fillView(
        template,
        values,
        clientLocale,
        {
          share: ready && typeof navigator.share === "function",
          print: true,
          download: true,
        },
        text,
      ),
    [template, values, clientLocale, ready, text],
  );
  const toMark =
    chosen === undefined
      ? undefined
      : stepToMark(
          chosen,
          serves.map((s) => s.step),
        );

  const act = async (action: FillAction) => {
    switch (action.kind) {
      case "copy": {
        const copied = await copyText(view.copy[action.part]);
        if (!copied && previewRef.current !== null) selectContents(previewRef.current);
        status.say(copyStatus(action.part, copied, text));
        break;
      }
      case "share":
        try {
          await navigator.share({ text: view.copy.body });
        } catch {
          // The person closed the share sheet; nothing to report.
        }
        break;
      case "print":
        window.print();
        break;
      case "download":
        downloadText(view.copy.all, downloadName(template));
        status.say(say(text.downloaded, { file: downloadName(template) }));
        break;
      default:
    }
  };

  const controls = (list: readonly FillControl[]) =>
    list.map((control) => (
      <Control
        key={control.field}
        control={control}
        value={getValue(values, control.field)}
        text={text}
        onValue={set}
        onCommit={commit}
      />
    ));

  const button = (action: FillAction) =>
    action.kind === "link" ? (
      <a
        key={action.key}
        class={action.primary ? "button" : "button button-quiet"}
        href={action.href}
        data-action={action.link}
        {...(action.newTab ? { target: "_blank", rel: "noopener noreferrer" } : {})}
      >
        {action.label}
      </a>
    ) : action.kind === "unavailable" ? (
      <span class="action-off" key={action.key}>
        <button type="button" disabled aria-describedby={`${action.key}-why`}>
          {action.label}
        </button>
        <span id={`${action.key}-why`}>{action.reason}</span>
      </span>
    ) : (
      <button
        key={action.key}
        type="button"
        class={action.kind === "copy" && action.primary ? undefined : "button-quiet"}
        onClick={() => void act(action)}
      >
        {action.label}
      </button>
    );
  const [primary, ...more] = view.actions;

  return (
    <div class={`filler filler-${template.channel.id}`}>
      <form
        class="filler-form"
        onSubmit={(e) => {
          e.preventDefault();
        }}
        aria-labelledby="details-heading"
      >
        <h2 id="details-heading">{text.detailsHeading}</h2>
        <p class="soft">{text.detailsLead}</p>
        {ready && <Kept store={profileStore} text={text.kept} onStatus={status.say} />}
        <fieldset disabled={!ready}>
          <legend class="visually-hidden">{text.detailsLegend}</legend>
          <div class="field writing-to">
            <label for="rk-writing-to">{people.writingTo}</label>
            <select
              id="rk-writing-to"
              value={chosen?.id ?? ""}
              onChange={(event) => {
                const id = event.currentTarget.value;
                choose(id === "" ? undefined : id);
                const person = details.tracker.references.find((r) => r.id === id);
                status.say(person === undefined ? "" : say(people.nowWriting, { name: person.name }));
              }}
            >
              <option value="">{people.someoneNew}</option>
              {details.tracker.references.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </div>
          {controls(form.required)}
          {form.optional.length > 0 && (
            <details class="optional-fields" open={form.optionalOpen}>
              <summary>{form.optionalSummary}</summary>
              {controls(form.optional)}
            </details>
          )}
        </fieldset>
        {ready && (
          <p>
            <button
              type="button"
              class="button-quiet"
              onClick={() => {
                const { profile } = details;
                update((now) => ({ ...now, profile: {} }));
                status.say(people.forgotten, () => {
                  update((now) => ({ ...now, profile }));
                });
              }}
            >
              {text.forget}
            </button>
          </p>
        )}
      </form>

      <section class="filler-output" aria-labelledby="message-heading">
        <h2 id="message-heading">{text.messageHeading}</h2>
        <p class="count">
          <strong>{view.count}</strong>
          {view.countNote !== undefined && <span class="soft">{view.countNote}</span>}
        </p>
        <div class="message" ref={previewRef}>
          {view.subject && (
            <div class="message-part message-subject">
              <span class="message-label">{text.subjectLabel}</span>
              <div class="message-text" data-message-part="subject">
                <Segments segments={view.subject} />
              </div>
            </div>
          )}
          <div class="message-part message-body">
            <div class="message-text" data-message-part="body">
              <Segments segments={view.body} />
            </div>
          </div>
        </div>

        {view.meter && (
          <p class={view.meter.over ? "meter meter-over" : "meter"} data-meter>
            {view.meter.text}
          </p>
        )}
        {view.subjectOver !== undefined && <p class="meter meter-over">{view.subjectOver}</p>}
        {ready && view.plainCharacters && (
          <p class="meter-fix">
            {view.plainCharacters.text}
            <button
              type="button"
              class="button-quiet"
              onClick={() => {
                update((now) => ({ ...now, profile: withPlainCharacters(now.profile) }));
                status.say(text.plainCharactersDone);
              }}
            >
              {view.plainCharacters.button}
            </button>
          </p>
        )}

        {ready && primary && (
          <div class="actions" role="group" aria-label={view.actionsLabel}>
            {button(primary)}
            {toMark && chosen && (
              <button
                type="button"
                class="button-quiet"
                onClick={() => {
                  // The ticking rules load on use: most visits never mark anything.
                  void import("../../lib/steps-done.ts").then(({ setStepDone, localToday }) => {
                    const label = serves.find((s) => s.step === toMark.step)?.label ?? "";
                    const today = localToday(new Date());
                    const ids = { reference: chosen.id, request: toMark.request };
                    const tick = (done: boolean) => {
                      update((now) => ({
                        ...now,
                        tracker: setStepDone(now.tracker, ids, toMark.step, done, today, new Date()),
                      }));
                    };
                    tick(true);
                    status.say(say(people.markedSent, { step: label, name: chosen.name }), () => {
                      tick(false);
                    });
                  });
                }}
              >
                {people.markSent}
              </button>
            )}
            <div class="more-actions">{more.map(button)}</div>
          </div>
        )}
        <StatusLine status={status} undoLabel={people.undo} undoneText={people.undone} />
      </section>
    </div>
  );
}
