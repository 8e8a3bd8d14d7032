/**
 * Module preloads for a component's script: the files its bundled <script> imports, so the
 * browser fetches them all at once instead of one import level after another. The template
 * page's fill-in loads a one-line entry, which imports the fill-in, which imports the island core:
 * three round trips before the form works, one with the preloads (issue 17: the filler ready
 * sooner). They add no JavaScript: only the files the page would load anyway.
 *
 * Astro builds the client bundle before it renders the pages, in the same process: the plugin
 * notes each script's imports when the client bundle is written, and a component reads them
 * while it renders. In `astro dev` there is no bundle and no preload.
 */
import type { Plugin } from "vite";

const KEY = Symbol.for("reconnect-kit:module-preloads");

type Store = Map<string, readonly string[]>;
const store = (): Store => {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>;
  return (holder[KEY] ??= new Map<string, readonly string[]>());
};

/** Chunk fields the plugin reads (Rollup's and Rolldown's output chunks have them). */
interface Chunk {
  readonly type: "chunk";
  readonly fileName: string;
  readonly facadeModuleId: string | null;
  readonly imports: readonly string[];
}

export function modulePreloadsPlugin(): Plugin {
  return {
    name: "reconnect-kit:module-preloads",
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Chunk>();
      for (const output of Object.values(bundle)) {
        if (output.type === "chunk") chunks.set(output.fileName, output);
      }
      for (const chunk of chunks.values()) {
        if (chunk.facadeModuleId === null) continue;
        const all = new Set<string>();
        const queue = [...chunk.imports];
        while (queue.length > 0) {
          const file = queue.shift() ?? "";
          if (all.has(file)) continue;
          all.add(file);
          queue.push(...(chunks.get(file)?.imports ?? []));
        }
        store().set(chunk.facadeModuleId, [...all]);
      }
    },
  };
}

/**
 * The files (relative to the output root, e.g. "_astro/fill-in.x.js") that the script of
 * `component` (a path under src/, e.g. "src/components/FillIn.astro") imports, directly or not.
 */
export function preloadsFor(component: string): readonly string[] {
  for (const [id, files] of store()) {
    if (id.includes(`/${component}?astro&type=script`)) return files;
  }
  return [];
}
