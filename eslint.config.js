// Typed linting for TypeScript and Astro files; zero warnings allowed (npm run check).
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

export default defineConfig(
  { ignores: ["dist/", ".astro/", "node_modules/", "bench/results/", "tests/fixtures/", "tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: [".astro"],
      },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    // The Astro parser takes `project`, not `projectService`.
    files: ["**/*.astro"],
    languageOptions: { parserOptions: { projectService: false, project: true } },
  },
  {
    // The widget is one face, bundled on its own: pages read the API through src/lib/api.
    files: ["src/pages/**", "src/components/**", "src/layouts/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/widget/*"],
              message: "pages, components and layouts must not import the widget; use src/lib/api.",
            },
          ],
        },
      ],
    },
  },
  {
    // The core is plain TypeScript that runs anywhere (build, browser, widget, CMS preview, tests):
    // no page, no framework. Faces pass in what it needs (storage, the clock, abilities).
    files: ["src/lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["astro:*", "astro", "astro/*"],
              message: "src/lib must not depend on Astro; pages pass data in.",
            },
            {
              group: ["preact", "preact/*"],
              message: "src/lib must not render; islands draw what it returns.",
            },
            {
              group: ["**/client/*", "**/widget/*", "**/components/*"],
              message: "src/lib must not import a face.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "window",
          "document",
          "navigator",
          "location",
          "localStorage",
          "sessionStorage",
          "customElements",
          "HTMLElement",
          "Element",
          "Node",
          "CSSStyleSheet",
          "ShadowRoot",
          "getComputedStyle",
          "requestAnimationFrame",
        ].map((name) => ({
          name,
          message: `src/lib has no DOM: take what you need of ${name} as a parameter.`,
        })),
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
