/**
 * Driving the content editor (/admin/, Decap CMS) in Chromium, for its browser test and the
 * script that takes its screenshots: a free port for decap-server, its select widgets, and the
 * text template both of them write.
 */
import { createServer } from "node:net";
import type { Page } from "playwright-core";

/** A port nothing listens on, from the system. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => {
        done(port);
      });
    });
  });
}

/** Choose an option of one of Decap's select widgets (react-select) by its label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

export const NEW_TEXT = {
  title: "Say hello again by text",
  slug: "say-hello-again-by-text",
  body: "Hi {{theirName}}, it has been too long! I would love to catch up soon. - {{yourName}}",
  filled: "Hi Daniel, it has been too long! I would love to catch up soon. - Maya Patel",
};

/** Fill in the new-template form with a text for the tactic "Keep them posted". */
export async function fillNewText(page: Page): Promise<void> {
  await page.getByLabel("Title", { exact: true }).fill(NEW_TEXT.title);
  await page
    .getByLabel("Summary", { exact: true })
    .fill("A short hello to someone you have not written to in a while.");
  await choose(page, "Tactic", "Keep them posted (reference)");
  await choose(page, "Situation", "Need a reference");
  await choose(page, "Channel", "Text message");
  await choose(page, "Tone", "Brief");
  await page.getByLabel("Need", { exact: true }).fill("say-hello-again");
  await page.getByLabel("Message", { exact: true }).fill(NEW_TEXT.body);
}
