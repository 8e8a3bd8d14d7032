/** <rk-planner>: the planner on /plan/, hydrated by island.ts. */
import Planner from "../components/islands/Planner.tsx";
import { defineIsland } from "./island.ts";

defineIsland("rk-planner", Planner);
