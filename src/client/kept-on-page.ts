/**
 * The template page's notice of saved details it could not read (src/lib/storage.ts keeps them
 * apart): the islands' KeptNotice, drawn into the face's slot. Loaded only when there is
 * something to say, so the page pays for Preact only then.
 */
import { h, render } from "preact";
import { KeptNotice, type KeptNoticeProps } from "../components/islands/KeptNotice.tsx";

export function showKept(
  slot: Element,
  store: KeptNoticeProps["store"],
  text: KeptNoticeProps["text"],
  onStatus: KeptNoticeProps["onStatus"],
): void {
  render(h(KeptNotice, { store, text, onStatus }), slot);
}
