/**
 * Saved data the page could not read, which the store kept apart (src/lib/storage.ts): what
 * happened, and the person's two choices, a copy of it or deleting it. Shown by the islands
 * that keep data, through Kept.tsx, which loads this only when there is something to say; the
 * widget draws the same with DOM calls.
 */
import { useState } from "preact/hooks";
import { downloadFile } from "../../client/clipboard.ts";
import type { VersionedStore } from "../../lib/storage.ts";
import type { KeptText } from "../../lib/ui-text.ts";

export interface KeptNoticeProps {
  readonly store: Pick<VersionedStore<unknown>, "kept" | "dropKept">;
  readonly text: KeptText;
  readonly onStatus: (status: string) => void;
}

export function KeptNotice(props: KeptNoticeProps) {
  const { store, text } = props;
  const [, redraw] = useState(0);
  return (
    <>
      {store.kept().map((copy) => (
        <div class="kept" role="alert" key={copy.key}>
          <p>{copy.newer ? text.newer : text.damaged}</p>
          <p class="actions">
            <button
              type="button"
              onClick={() => {
                downloadFile(copy.text, text.file, "application/json");
              }}
            >
              {text.download}
            </button>
            <button
              type="button"
              class="button-quiet"
              onClick={() => {
                if (!confirm(text.removeQuestion)) return;
                store.dropKept(copy.key);
                redraw((n) => n + 1);
                props.onStatus(text.removed);
              }}
            >
              {text.remove}
            </button>
          </p>
        </div>
      ))}
    </>
  );
}
