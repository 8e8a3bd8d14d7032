/** <rk-reference-tracker>: the reference list on /references/, hydrated by island.ts. */
import ReferenceTracker from "../components/islands/ReferenceTracker.tsx";
import { defineIsland } from "./island.ts";

defineIsland("rk-reference-tracker", ReferenceTracker);
