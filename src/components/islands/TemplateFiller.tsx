/**
 * The fill-in island: draws src/lib/fill (the form, the live preview, the meter and the actions)
 * with Preact, and wires it to the profile store, the clipboard and the page. Everything it shows
 * is decided by the core; the words come from the FillText table through props. Values live in
 * the person's browser (src/lib/profile.ts) and are never sent anywhere.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { TargetedEvent, VNode } from "preact";
import { copyText, downloadText, selectContents } from "../../client/clipboard.ts";
import { followOtherTabs } from "../../client/store-sync.ts";
import type { FillableTemplate } from "../../lib/api/schema.ts";
import type { FillControl } from "../../lib/fill/form.ts";
import { withPlainCharacters } from "../../lib/fill/message.ts";
import {
  copyStatus,
  downloadName,
  fillView,
  type FillAction,
  type PreviewSegment,
} from "../../lib/fill/view.ts";
import { createProfileStore, getValue, setValue, type ProfileValues } from "../../lib/profile.ts";
import { say, type FillText } from "../../lib/ui-text.ts";
import { Kept } from "./Kept.tsx";

export interface TemplateFillerProps {
  /** Its form was made at build time (fillableTemplate), so those rules are not in this bundle. */
  readonly template: FillableTemplate;
  readonly text: FillText;
  /** Locale for dates before the browser's own is known (server render). */
  readonly locale: string;
}

const store = createProfileStore(() => (typeof window === "undefined" ? undefined : window.localStorage));

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
}: {
  control: FillControl;
  value: string;
  text: FillText;
  onValue: (id: string, value: string) => void;
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

export default function TemplateFiller({ template, text, locale }: TemplateFillerProps) {
  const { form } = template;
  const [ready, setReady] = useState(false);
  const [values, setValues] = useState<ProfileValues>({});
  const [status, setStatus] = useState("");
  const [clientLocale, setClientLocale] = useState(locale);
  const previewRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setValues(store.read());
    // Details in the address (home's quick start sends them) count as typed, then leave it. The
    // rules load only when there is a query, which most visits do not have.
    if (location.search !== "")
      void import("../../lib/fill/query.ts").then(({ applyQuery }) => {
        const stored = store.read();
        const linked = applyQuery(location.search, [...form.required, ...form.optional], stored);
        if (!linked.applied) return;
        if (linked.values !== stored && !store.write(linked.values).persisted) setStatus(text.notSaved);
        history.replaceState(history.state, "", `${location.pathname}${linked.search}${location.hash}`);
        setValues(linked.values);
      });
    setClientLocale(navigator.language || locale);
    setReady(true);
    return followOtherTabs(store, setValues);
  }, [locale, form, text]);

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

  // The values as last saved, so the callbacks below stay the same from render to render.
  const latest = useRef(values);
  latest.current = values;

  // Only what this change made differs from `values`, so only that is written over storage.
  const save = useCallback(
    (next: ProfileValues) => {
      const saved = store.write(next, latest.current);
      latest.current = saved.value;
      setValues(saved.value);
      if (!saved.persisted) setStatus(text.notSaved);
    },
    [text],
  );
  const onValue = useCallback(
    (id: string, value: string) => {
      save(setValue(latest.current, id, value));
    },
    [save],
  );

  const act = async (action: FillAction) => {
    switch (action.kind) {
      case "copy": {
        const copied = await copyText(view.copy[action.part]);
        if (!copied && previewRef.current !== null) selectContents(previewRef.current);
        setStatus(copyStatus(action.part, copied, text));
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
        setStatus(say(text.downloaded, { file: downloadName(template) }));
        break;
      default:
    }
  };

  // A keystroke redraws only the control it changed: the others keep their element from the
  // last render, which Preact skips without diffing (issue 17: keystroke to next frame).
  const drawn = useRef(new Map<string, { value: string; node: VNode }>());
  const controls = (list: readonly FillControl[]) =>
    list.map((control) => {
      const value = getValue(values, control.field);
      const last = drawn.current.get(control.field);
      if (last?.value === value) return last.node;
      const node = (
        <Control key={control.field} control={control} value={value} text={text} onValue={onValue} />
      );
      drawn.current.set(control.field, { value, node });
      return node;
    });

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
        {ready && <Kept store={store} text={text.kept} onStatus={setStatus} />}
        <fieldset disabled={!ready}>
          <legend class="visually-hidden">{text.detailsLegend}</legend>
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
                store.clear();
                setValues({});
                setStatus(text.forgotten);
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
                save(withPlainCharacters(values));
                setStatus(text.plainCharactersDone);
              }}
            >
              {view.plainCharacters.button}
            </button>
          </p>
        )}

        {ready && (
          <div class="actions" role="group" aria-label={view.actionsLabel}>
            {view.actions.map((action) =>
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
              ),
            )}
          </div>
        )}
        <p class="status" role="status">
          {status}
        </p>
      </section>
    </div>
  );
}
