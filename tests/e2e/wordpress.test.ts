/**
 * The plugin on a real WordPress (Debian's package, offline; scripts/wordpress/setup.sh): posts
 * written by an Author, who has no unfiltered_html, with the shortcode, the block, a list and a
 * template's address pasted on its own line (oEmbed), each opened in Chromium.
 *
 * Where WordPress is not installed the file is skipped with a message, so `npm run test:e2e`
 * runs on any machine; .ci/run sets RECONNECT_KIT_WORDPRESS=required, and then a missing
 * WordPress fails instead.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { contrastRatio } from "../../src/lib/contrast.ts";
import { axeViolations, openBrowser, type BrowserSession } from "./browser.ts";

const SETUP = resolve(import.meta.dirname, "../../scripts/wordpress/setup.sh");
const REQUIRED = process.env["RECONNECT_KIT_WORDPRESS"] === "required";
const MISSING = ["/usr/bin/php", "/usr/sbin/mariadbd", "/usr/share/wordpress/wp-load.php"].filter(
  (path) => !existsSync(path),
);

if (MISSING.length > 0 && !REQUIRED)
  console.warn(
    `tests/e2e/wordpress.test.ts skipped: WordPress is not installed here (${MISSING.join(", ")} missing). ` +
      "Install it with: apt-get install wordpress php-cli php-mysql mariadb-server",
  );

test.runIf(MISSING.length > 0 && REQUIRED)(
  "WordPress is installed (RECONNECT_KIT_WORDPRESS=required)",
  () => {
    expect(
      MISSING,
      "run .ci/run, which installs Debian's wordpress, php-cli, php-mysql and mariadb-server",
    ).toEqual([]);
  },
);

interface Setup {
  home: string;
  posts: Record<"shortcode" | "block" | "picker" | "oembed", string>;
  saved: Record<"shortcode" | "block" | "picker" | "oembed", string>;
}

describe.skipIf(MISSING.length > 0)("the plugin on WordPress", () => {
  let wp: Setup;
  let browser: BrowserSession;
  const errors: string[] = [];

  beforeAll(async () => {
    const output = execFileSync(SETUP, [inject("baseUrl"), inject("distDir")], { encoding: "utf8" });
    wp = JSON.parse(output.trim().split("\n").at(-1) ?? "") as Setup;
    // Every post is rendered by this WordPress with the plugin on, or nothing here can pass.
    const first = await (await fetch(wp.posts.shortcode)).text();
    expect(first, "the shortcode post, as WordPress first renders it").toContain("<reconnect-template");
    browser = await openBrowser();
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: wp.home });
  });

  afterAll(async () => {
    await browser.close();
    execFileSync(SETUP, ["--stop"]);
  });

  async function open(url: string, scheme: "light" | "dark" = "light"): Promise<Page> {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${url}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${url}: ${error.message}`));
    await page.goto(url);
    return page;
  }

  const widgetBody = (page: Page) => page.locator("reconnect-template").first().locator('[data-part="body"]');

  test("an Author's pasted script and element are stripped; shortcode, block and address are kept", () => {
    expect(wp.saved.shortcode).not.toContain("<script");
    expect(wp.saved.shortcode).not.toContain("<reconnect-template");
    expect(wp.saved.shortcode).toContain('[reconnect template="thank-you-text" accent="#7a1f5c"]');
    expect(wp.saved.block).toContain("<!-- wp:reconnect-kit/template");
    expect(wp.saved.oembed).toContain("https://reconnect.example.com/templates/thank-you-text/");
  });

  test("the server's HTML holds the message with its placeholders and a link to the template", async () => {
    const html = await (await fetch(wp.posts.shortcode)).text();
    const element = /<reconnect-template[^>]*>([\s\S]*?)<\/reconnect-template>/.exec(html)?.[1] ?? "";
    expect(element).toContain("Hi [Their name], thank you so much");
    expect(element).toMatch(
      /<a href="http:\/\/127\.0\.0\.1:\d+\/templates\/thank-you-text\/">Thank a reference by text<\/a>/,
    );
    // The pinned widget, checked by its integrity hash.
    expect(html).toMatch(
      /<script type="module" integrity="sha384-[^"]+" crossorigin="anonymous" src='[^']+\/widget\/[^/]+\/widget\.js'/,
    );
    const picker = await (await fetch(wp.posts.picker)).text();
    expect(picker).toContain('<reconnect-templates situation="reference" theme="dark">');
    expect(picker).toMatch(/<li><a href="[^"]+\/templates\/ask-for-a-reference-email\/">[^<]+<\/a><\/li>/);
  });

  test("the shortcode's widget renders, fills in and copies, with no console error and axe clean", async () => {
    const page = await open(wp.posts.shortcode);
    const widget = page.locator("reconnect-template").first();
    await widgetBody(page).waitFor();
    await expect(widget.getByRole("heading", { level: 2 }).innerText()).resolves.toBe(
      "Thank a reference by text",
    );
    await widget.getByLabel("Their name").fill("Dan");
    await expect(widgetBody(page).innerText()).resolves.toMatch(/^Hi Dan,/);
    await widget.getByRole("button", { name: "Copy message" }).click();
    await expect.poll(() => widget.getByRole("status").innerText()).toBe("Copied the message.");
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(/^Hi Dan,/);
    // The accent's text is computed: white reads on #7a1f5c.
    const button = widget.getByRole("button", { name: "Copy message" });
    await expect(button.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
      "rgb(122, 31, 92)",
    );
    await expect(button.evaluate((el) => getComputedStyle(el).color)).resolves.toBe("rgb(255, 255, 255)");
    await expect(axeViolations(page, "reconnect-template")).resolves.toEqual([]);
    await page.close();
  });

  test("the block renders with both accents, the dark one with dark text on it", async () => {
    for (const [scheme, background, text] of [
      ["light", "rgb(122, 31, 92)", "rgb(255, 255, 255)"],
      ["dark", "rgb(240, 168, 216)", "rgb(0, 0, 0)"],
    ] as const) {
      const page = await open(wp.posts.block, scheme);
      await widgetBody(page).waitFor();
      // The first action is the primary one, drawn in the accent.
      const button = page.locator("reconnect-template").locator("[part=actions] > :first-child");
      await expect(button.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(background);
      await expect(button.evaluate((el) => getComputedStyle(el).color)).resolves.toBe(text);
      await expect(axeViolations(page, "reconnect-template")).resolves.toEqual([]);
      await page.close();
    }
  });

  test("the list shortcode lets the reader choose", async () => {
    const page = await open(wp.posts.picker);
    const picker = page.locator("reconnect-templates");
    await picker.getByRole("heading", { level: 2 }).waitFor();
    const last = picker.getByLabel("Choose a template").locator("option").last();
    const [value, title] = [await last.getAttribute("value"), await last.innerText()];
    await picker.getByLabel("Choose a template").selectOption(value ?? "");
    await expect.poll(() => picker.getByRole("heading", { level: 2 }).innerText()).toBe(title);
    await expect(axeViolations(page, "reconnect-templates")).resolves.toEqual([]);
    await page.close();
  });

  test("a pasted template address becomes a sandboxed iframe that shows itself and resizes", async () => {
    const page = await open(wp.posts.oembed);
    const frame = page.locator("iframe.wp-embedded-content");
    await expect(frame.getAttribute("sandbox")).resolves.toBe("allow-scripts");
    // WordPress hides the iframe until the frame sends its height, then sizes it (200 to 1,000 px).
    await expect.poll(() => frame.getAttribute("style"), { timeout: 15_000 }).toBeNull();
    await expect.poll(() => frame.getAttribute("height")).not.toBe("800");
    const inner = page.frameLocator("iframe.wp-embedded-content");
    await expect(inner.locator("#sandboxed").isVisible()).resolves.toBe(true);
    await expect(inner.locator("#sandboxed").innerText()).resolves.toContain("copying may be blocked");
    await expect(inner.getByRole("link", { name: /Open the full page/ }).getAttribute("href")).resolves.toBe(
      "/templates/thank-you-text/",
    );
    // It still fills in, in memory: the sandbox takes storage away.
    await inner.getByLabel("Their name").first().fill("Dan");
    await expect(inner.locator("body").innerText()).resolves.toContain("Hi Dan,");
    await page.close();
  });

  test("the theme's CSS does not reach into the widget", async () => {
    const look = async (url: string) => {
      const page = await open(url);
      await widgetBody(page).waitFor();
      const style = await page
        .locator("reconnect-template")
        .getByRole("button", { name: "Copy message" })
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return [s.display, s.fontSize, s.fontFamily, s.color, s.letterSpacing].join(" | ");
        });
      await page.close();
      return style;
    };
    const plain = await look(wp.posts.shortcode);
    expect(plain).toContain("| system-ui,");
    await expect(look(`${wp.posts.shortcode}?rk-look=hostile`)).resolves.toBe(plain);
  });

  test("on a dark-background theme the widget's text stays readable, light or dark", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await open(`${wp.posts.shortcode}?rk-look=dark`, scheme);
      await widgetBody(page).waitFor();
      const [text, background] = await page
        .locator("reconnect-template")
        .locator(".rk")
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return [s.color, s.backgroundColor];
        });
      const hex = (rgb: string | undefined) =>
        `#${
          (rgb ?? "")
            .match(/\d+/g)
            ?.map((n) => Number(n).toString(16).padStart(2, "0"))
            .join("") ?? ""
        }`;
      expect(
        contrastRatio(hex(text), hex(background)),
        `${scheme}: ${text} on ${background}`,
      ).toBeGreaterThanOrEqual(4.5);
      await expect(axeViolations(page, "reconnect-template")).resolves.toEqual([]);
      await page.close();
    }
  });

  async function logIn(user: string, password: string): Promise<Page> {
    // One user at a time: the cookies of an earlier login would otherwise stay.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${wp.home}wp-login.php`);
    await page.fill("#user_login", user);
    await page.fill("#user_pass", password);
    await Promise.all([page.waitForURL(/\/wp-admin\/$/), page.click("#wp-submit")]);
    return page;
  }

  // WordPress's own admin logs errors offline (avatars, its welcome image), so these two tests
  // check what they are about and leave the console to the posts.
  test("in the block editor an Author gets the live widget, and a refused colour with the reason", async () => {
    const page = await logIn("writer", "writer-password-for-tests");
    await page.goto(`${wp.home}wp-admin/post-new.php`);
    await page.waitForFunction(
      () => (window as unknown as { wp?: { blocks?: unknown } }).wp?.blocks !== undefined,
    );
    await page.keyboard.press("Escape");
    await page.evaluate(() => {
      const { wp: editor } = window as unknown as {
        wp: {
          data: { dispatch(store: string): { insertBlocks(block: unknown): void } };
          blocks: { createBlock(name: string, attributes: object): unknown };
        };
      };
      editor.data.dispatch("core/block-editor").insertBlocks(
        editor.blocks.createBlock("reconnect-kit/template", {
          template: "thank-you-text",
          accent: "#cccccc",
        }),
      );
    });
    await expect
      .poll(() => page.locator(".reconnect-kit-problems").innerText(), { timeout: 15_000 })
      .toBe(
        "Accent refused: #cccccc on the light background #ffffff has a contrast of 1.61:1; WCAG AA needs 4.5:1 for text. Pick a darker shade.",
      );
    await page.locator("reconnect-template [data-part=body]").waitFor();
    await expect(page.locator("reconnect-template [data-part=body]").innerText()).resolves.toMatch(
      /^Hi .*, thank you so much/,
    );
    await page.close();
  });

  test("the settings page refuses an accent under AA with the reason, and keeps the kit's address", async () => {
    const page = await logIn("admin", "admin-password-for-tests");
    await page.goto(`${wp.home}wp-admin/options-general.php?page=reconnect-kit`);
    await expect(
      page.getByRole("heading", { level: 1 }).first().innerText(),
      await page.locator("body").innerText(),
    ).resolves.toBe("Reconnect Kit");
    const address = await page.getByLabel("Kit address").inputValue();
    await page.getByLabel("Accent, dark scheme").fill("#7a1f5c");
    await page.getByRole("button", { name: "Save Changes" }).click();
    await expect(page.locator(".notice-error, .error").first().innerText()).resolves.toContain(
      "The dark accent was not saved: #7a1f5c on the dark background #121417 has a contrast of 1.91:1; WCAG AA needs 4.5:1 for text. Pick a lighter shade.",
    );
    await expect(page.getByLabel("Accent, dark scheme").inputValue()).resolves.toBe("");
    await expect(page.getByLabel("Kit address").inputValue()).resolves.toBe(address);
    await page.close();
  });

  test("no page logged a console error", () => {
    expect(errors).toEqual([]);
  });
});
