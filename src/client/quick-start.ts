/** <rk-quick-start>: home's quick start (src/components/QuickStart.astro), hydrated by island.ts. */
import QuickStart from "../components/islands/QuickStart.tsx";
import { defineIsland } from "./island.ts";

defineIsland("rk-quick-start", QuickStart);
