/** <rk-fill-in>: a template's fill-in (src/components/FillIn.astro), hydrated by island.ts. */
import TemplateFiller from "../components/islands/TemplateFiller.tsx";
import { defineIsland } from "./island.ts";

defineIsland("rk-fill-in", TemplateFiller);
