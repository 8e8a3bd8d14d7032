/**
 * What /embed/frame/ does beyond telling its parent how tall it is, loaded only when asked for
 * (src/client/embed-view.ts): brand colours from its address, and life inside WordPress's
 * oEmbed iframe, a sandbox with an opaque origin (no storage, often no clipboard) that shows the
 * frame only once it hears WordPress's own height message (src/lib/api/frame-options.ts).
 */
import { embedLook, wordPressSecret } from "../lib/api/frame-options.ts";

export function startFrame(origin: string | undefined): void {
  const root = document.documentElement;
  const look = embedLook(location.search);
  for (const [name, value] of look.properties) root.style.setProperty(name, value);
  for (const problem of look.problems) console.warn(problem);

  // Say what the sandbox takes away, with the way out.
  const notice = document.getElementById("sandboxed");
  if (window.origin === "null" && notice !== null) notice.hidden = false;

  const secret = wordPressSecret(location.hash);
  if (secret === undefined || origin === undefined || window.parent === window) return;
  const post = (message: unknown) => {
    window.parent.postMessage(message, origin);
  };
  const tell = () => {
    post({ message: "height", value: Math.ceil(document.body.getBoundingClientRect().height), secret });
  };
  // Chromium pauses rendering, and with it a ResizeObserver, in a frame that is not shown, as
  // WordPress's iframe is until it hears a height; so the first height goes at once.
  new ResizeObserver(tell).observe(document.body);
  tell();
  // WordPress says "ready" once its listener runs; a height sent before then was lost.
  window.addEventListener("message", (event) => {
    const data: unknown = event.data;
    if (event.source === window.parent && (data as { message?: unknown } | null)?.message === "ready") tell();
  });
  // Its sandbox opens no new tab; WordPress opens a page of this site in the whole window.
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-full-page]"))
    link.addEventListener("click", (event) => {
      event.preventDefault();
      post({ message: "link", value: link.href, secret });
    });
}
