/**
 * <rk-fill-in>: hydrates the server-rendered fill-in (src/components/FillIn.astro) with the props
 * from its JSON data block.
 */
import TemplateFiller from "../components/islands/TemplateFiller.tsx";
import { defineIsland } from "./island.ts";

defineIsland("rk-fill-in", TemplateFiller);
