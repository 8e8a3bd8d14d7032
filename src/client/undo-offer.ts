/**
 * How long Undo stays offered, as one rule for the template page's status line (status-line.ts)
 * and the islands' (Undo.tsx): UNDO_SECONDS after removing or forgetting, and longer while the
 * button has focus, so a keyboard or screen-reader user is never timed out mid-decision
 * (WCAG 2.2.1). Returns what stops the clock when something else is said first.
 */
import { UNDO_SECONDS } from "../lib/ui-text.ts";

export function offerUndo(isFocused: () => boolean, withdraw: () => void): () => void {
  const timer = setInterval(() => {
    if (isFocused()) return;
    clearInterval(timer);
    withdraw();
  }, UNDO_SECONDS * 1000);
  return () => {
    clearInterval(timer);
  };
}
