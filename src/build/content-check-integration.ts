import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { checkLibrary, formatProblems } from "./content-check.ts";

/**
 * Runs the library checks before Astro loads any content, so a bad template stops `astro build`
 * with one readable list of problems. In `astro dev` the list is logged instead, so an editor
 * can keep the preview open while fixing it.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: "reconnect-kit:content-check",
    hooks: {
      "astro:config:setup": ({ config, command, logger }) => {
        const { problems } = checkLibrary(fileURLToPath(config.root));
        if (problems.length === 0) return;
        const report = formatProblems(problems);
        if (command === "dev") logger.error(report);
        else throw new Error(report);
      },
    },
  };
}
