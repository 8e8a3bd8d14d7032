/**
 * The template page's status line (src/lib/fill/face.ts draws it): what just happened, and Undo
 * while it is offered (undo-offer.ts, the rule the Preact islands' Undo.tsx keeps too).
 */
import { toDom } from "./dom.ts";
import { el } from "../lib/markup.ts";
import { offerUndo } from "./undo-offer.ts";

export interface StatusLine {
  readonly say: (text: string, undo?: () => void) => void;
}

/** `line` is the face's `p.status`; its live region is kept and only its text changes. */
export function statusLine(line: HTMLElement, undoLabel: string, undoneText: string): StatusLine {
  const live = line.querySelector("[role=status]") ?? line;
  let button: HTMLElement | undefined;
  let stopOffer = (): void => undefined;
  const withdraw = (): void => {
    button?.previousSibling?.remove();
    button?.remove();
    button = undefined;
  };
  const say = (text: string, undo?: () => void): void => {
    stopOffer();
    withdraw();
    live.textContent = text;
    if (undo === undefined) return;
    const offered = toDom(el("button", { type: "button", class: "button-quiet" }, undoLabel)) as HTMLElement;
    offered.addEventListener("click", () => {
      undo();
      say(undoneText);
    });
    line.append(" ", offered);
    button = offered;
    stopOffer = offerUndo(() => document.activeElement === offered, withdraw);
  };
  return { say };
}
