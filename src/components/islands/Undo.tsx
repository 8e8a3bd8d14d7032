/**
 * A status line that can offer Undo: removing and forgetting act at once, as people expect, and
 * the line offers to put things back for as long as src/client/undo-offer.ts says.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { offerUndo } from "../../client/undo-offer.ts";

export interface Said {
  readonly text: string;
  /** Puts back what the action took away. */
  readonly undo?: () => void;
}

export function useStatus() {
  const [said, setSaid] = useState<Said>({ text: "" });
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (said.undo === undefined) return undefined;
    return offerUndo(
      () => document.activeElement === button.current,
      () => {
        setSaid((s) => (s === said ? { text: s.text } : s));
      },
    );
  }, [said]);
  return {
    said,
    say: (text: string, undo?: () => void) => {
      setSaid(undo ? { text, undo } : { text });
    },
    button,
  };
}

export function StatusLine({
  status,
  undoLabel,
  undoneText,
  class: className = "status",
}: {
  status: ReturnType<typeof useStatus>;
  undoLabel: string;
  undoneText: string;
  class?: string;
}) {
  const { said, say, button } = status;
  return (
    <p class={className}>
      <span role="status">{said.text}</span>
      {said.undo && (
        <>
          {" "}
          <button
            type="button"
            class="button-quiet"
            ref={button}
            onClick={() => {
              said.undo?.();
              say(undoneText);
            }}
          >
            {undoLabel}
          </button>
        </>
      )}
    </p>
  );
}
