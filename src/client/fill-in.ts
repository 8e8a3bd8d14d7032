/**
 * <rk-fill-in>: a template's fill-in (src/components/FillIn.astro). The page holds the face
 * (src/lib/fill/face.ts) written as HTML at build time; this module takes that markup over and
 * redraws its regions from the same face as the details change: the values, the person chosen,
 * the preview, the meter and the actions. Controls are made once and never replaced, so focus,
 * the caret and an open <details> stay where the reader left them.
 *
 * Plain DOM rather than a framework: the face is a few regions patched in place (dom.ts), and
 * the page's JavaScript budget (14 KB gzipped) has no room for a runtime.
 */
import { copyText, downloadText, selectContents } from "./clipboard.ts";
import { detailsSession, profileStore } from "./details.ts";
import { patch } from "./dom.ts";
import { statusLine } from "./status-line.ts";
import {
  actionsMarkup,
  liveMarkup,
  writingToMarkup,
  type FaceAct,
  type FillInData,
  type FillerState,
} from "../lib/fill/face.ts";
import { withPlainCharacters } from "../lib/fill/message.ts";
import { copyStatus, downloadName, fillView, pageActions, type CopyPart } from "../lib/fill/view.ts";
import { chosenPerson, newId, shownValues, stepToMark, type Details } from "../lib/people.ts";
import { getValue } from "../lib/profile.ts";
import { say } from "../lib/ui-text.ts";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Takes over a face drawn from these props (by the build, or by the iframe embed's page). */
export function startFillIn(root: HTMLElement, props: FillInData): void {
  const { template, text, people, personFields, serves } = props;
  // The face (src/lib/fill/face.ts) always draws these.
  const pick = (selector: string) => root.querySelector(selector) as HTMLElement;
  const fieldset = pick("fieldset") as HTMLFieldSetElement;
  const writingTo = pick("#rk-writing-to") as HTMLSelectElement;
  const controls = template.controls.map((c) => pick(`#${c.id}`) as Control);
  const status = statusLine(pick(".status"), people.undo, people.undone);
  const live = pick(".filler-live");
  const actions = pick("[data-actions]");
  const forget = pick("[data-forget]");
  const servedSteps = serves.map((s) => s.step);
  let locale = props.locale;
  let ready = false;
  let state: FillerState | undefined;

  const session = detailsSession(
    personFields,
    (details) => {
      draw(details);
    },
    () => {
      status.say(text.notSaved);
    },
  );

  function stateOf(details: Details): FillerState {
    const values = shownValues(details, personFields);
    const chosen = chosenPerson(details);
    const view = fillView(
      template,
      values,
      locale,
      pageActions({ share: ready && typeof navigator.share === "function", print: true, download: true }),
      text,
    );
    const markable = chosen !== undefined && stepToMark(chosen, servedSteps) !== undefined;
    const list = details.tracker.references.map(({ id, name }) => ({ id, name }));
    return { ready, values, people: list, chosen: chosen?.id ?? "", view, markable };
  }

  function draw(details: Details): void {
    const next = stateOf(details);
    state = next;
    fieldset.disabled = !ready;
    forget.hidden = !ready;
    for (const control of controls) {
      const value = getValue(next.values, control.name);
      if (control.value !== value) control.value = value;
    }
    patch(writingTo, writingToMarkup(next, people));
    // The attribute is only the default once the reader has chosen; the choice is the property.
    writingTo.value = next.chosen;
    patch(live, liveMarkup(props, next));
    patch(actions, actionsMarkup(props, next));
  }

  const copy = async (part: CopyPart): Promise<void> => {
    if (state === undefined) return;
    const copied = await copyText(state.view.copy[part]);
    if (!copied) selectContents(pick(".message"));
    status.say(copyStatus(part, copied, text));
  };

  const markSent = (): void => {
    // The ticking rules load on use: most visits never mark anything.
    void import("../lib/steps-done.ts").then(({ setStepDone, localToday }) => {
      const chosen = chosenPerson(session.current());
      const toMark = chosen && stepToMark(chosen, servedSteps);
      if (chosen === undefined || toMark === undefined) return;
      const label = serves.find((s) => s.step === toMark.step)?.label ?? "";
      const today = localToday(new Date());
      const ids = { reference: chosen.id, request: toMark.request };
      const tick = (done: boolean) => {
        session.update((now) => ({
          ...now,
          tracker: setStepDone(now.tracker, ids, toMark.step, done, today, new Date()),
        }));
      };
      tick(true);
      status.say(say(people.markedSent, { step: label, name: chosen.name }), () => {
        tick(false);
      });
    });
  };

  const acts: Record<FaceAct, () => void> = {
    "copy-all": () => void copy("all"),
    "copy-subject": () => void copy("subject"),
    "copy-body": () => void copy("body"),
    share: () => {
      // The person closing the share sheet rejects the promise; nothing to report.
      navigator.share({ text: state?.view.copy.body ?? "" }).catch(() => undefined);
    },
    print: () => {
      window.print();
    },
    download: () => {
      downloadText(state?.view.copy.all ?? "", downloadName(template));
      status.say(say(text.downloaded, { file: downloadName(template) }));
    },
    mark: markSent,
    forget: () => {
      const { profile } = session.current();
      session.update((now) => ({ ...now, profile: {} }));
      status.say(people.forgotten, () => {
        session.update((now) => ({ ...now, profile }));
      });
    },
    plain: () => {
      session.update((now) => ({ ...now, profile: withPlainCharacters(now.profile) }));
      status.say(text.plainCharactersDone);
    },
  };

  root.addEventListener("click", (event) => {
    const act = (event.target as Element).closest("[data-act]")?.getAttribute("data-act");
    if (act != null && Object.hasOwn(acts, act)) acts[act as FaceAct]();
  });
  root.addEventListener("submit", (event) => {
    event.preventDefault();
  });
  root.addEventListener("input", (event) => {
    const control = event.target as Control;
    if (control !== writingTo && control.name !== "") session.set(control.name, control.value);
  });
  root.addEventListener("change", (event) => {
    if (event.target !== writingTo) {
      // Someone new's name is done (its field was left): they become a person.
      session.commit();
      return;
    }
    const id = writingTo.value;
    session.choose(id === "" ? undefined : id);
    const person = session.current().tracker.references.find((r) => r.id === id);
    status.say(person === undefined ? "" : say(people.nowWriting, { name: person.name }));
  });

  type Linker = typeof import("../lib/fill/query.ts").applyQuery;
  /** Reads storage and makes the form usable, with the address's details already applied. */
  const begin = (applyQuery?: Linker): void => {
    locale = navigator.language || locale;
    ready = true;
    session.start();
    // What the address names (the quick start's details, the tracker's person) counts as chosen
    // and typed, then leaves it, in the same task as the first draw: the form never shows
    // usable and then changes under the reader.
    if (applyQuery !== undefined)
      session.update((stored) => {
        const linked = applyQuery(
          location.search,
          template.controls,
          stored,
          personFields,
          newId(),
          new Date(),
        );
        if (!linked.applied) return stored;
        history.replaceState(history.state, "", `${location.pathname}${linked.search}${location.hash}`);
        return linked.details;
      });
    if (profileStore.kept().length > 0)
      void import("./kept-on-page.ts").then(({ showKept }) => {
        showKept(pick("[data-kept]"), profileStore, text.kept, (said) => {
          status.say(said);
        });
      });
  };
  // The rules for linked details load only when there is a query, which most visits do not
  // have; if they cannot load, the form starts without them.
  if (location.search === "") begin();
  else
    import("../lib/fill/query.ts").then(
      ({ applyQuery }) => {
        begin(applyQuery);
      },
      () => {
        begin();
      },
    );
}

class FillIn extends HTMLElement {
  connectedCallback(): void {
    const data = this.querySelector(":scope > script[type='application/json']");
    if (data === null) return;
    data.remove();
    startFillIn(this, JSON.parse(data.textContent) as FillInData);
  }
}
if (customElements.get("rk-fill-in") === undefined) customElements.define("rk-fill-in", FillIn);

/*
 * Home's quick start fills its answer with the same core, and takes it from here (a dynamic
 * import of this module) rather than importing it itself: two importers would make the bundler
 * split the core into a file of its own, and every template page would pay for the extra file.
 */
export { copyStatus, fillView, NO_FACE_ACTIONS } from "../lib/fill/view.ts";
