/**
 * The template page's status line (src/lib/fill/face.ts draws it): what just happened, and Undo
 * for UNDO_SECONDS after removing or forgetting, longer while the button has focus so a keyboard
 * or screen-reader user is never timed out mid-decision (WCAG 2.2.1). The Preact islands keep the
 * same rule in Undo.tsx.
 */
import { toDom } from "./dom.ts";
import { el } from "../lib/markup.ts";
import { UNDO_SECONDS } from "../lib/ui-text.ts";

export interface StatusLine {
  readonly say: (text: string, undo?: () => void) => void;
}

/** `line` is the face's `p.status`; its live region is kept and only its text changes. */
export function statusLine(line: HTMLElement, undoLabel: string, undoneText: string): StatusLine {
  const live = line.querySelector("[role=status]") ?? line;
  let timer: ReturnType<typeof setInterval> | undefined;
  let button: HTMLElement | undefined;
  const say = (text: string, undo?: () => void): void => {
    clearInterval(timer);
    button?.previousSibling?.remove();
    button?.remove();
    button = undefined;
    live.textContent = text;
    if (undo === undefined) return;
    const offered = toDom(el("button", { type: "button", class: "button-quiet" }, undoLabel)) as HTMLElement;
    offered.addEventListener("click", () => {
      undo();
      say(undoneText);
    });
    line.append(" ", offered);
    button = offered;
    timer = setInterval(() => {
      if (document.activeElement === offered) return;
      clearInterval(timer);
      offered.previousSibling?.remove();
      offered.remove();
      if (button === offered) button = undefined;
    }, UNDO_SECONDS * 1000);
  };
  return { say };
}
