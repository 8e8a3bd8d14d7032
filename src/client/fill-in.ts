/** <rk-fill-in>: a template's fill-in (src/components/FillIn.astro), hydrated by island.ts. */
import TemplateFiller from "../components/islands/TemplateFiller.tsx";
import { defineIsland } from "./island.ts";

defineIsland("rk-fill-in", TemplateFiller);

/*
 * Home's quick start fills its answer with the same core, and takes it from here (a dynamic
 * import of this module) rather than importing it itself: two importers would make the bundler
 * split the core into a file of its own, and every template page would pay for the extra file
 * (about 400 bytes gzipped, more than its JavaScript budget has to spare).
 */
export { copyStatus, fillView } from "../lib/fill/view.ts";

/*
 * The iframe embed (embed-frame.ts) draws the same component, and takes it from here for the
 * same reason: imported by two modules, the component would become a file of its own.
 */
export { TemplateFiller };
