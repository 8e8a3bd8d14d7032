/** <rk-snippet-generator>: the embed snippet maker on /embed/, hydrated by island.ts. */
import SnippetGenerator from "../components/islands/SnippetGenerator.tsx";
import { defineIsland } from "./island.ts";

defineIsland("rk-snippet-generator", SnippetGenerator);
