/**
 * A throwaway copy of the project to build a synthetic library in, and the timed build itself.
 * The copy never touches the working tree: other people edit src/ while the benchmark runs, and
 * Astro and Vite write caches under node_modules/, so the copy gets its own node_modules folder
 * whose entries are symlinks to the real packages (caches land in the copy, packages are shared).
 */
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
// wordpress/ holds the plugin the build zips into dist/.
const COPIED = ["src", "scripts", "public", "wordpress", "astro.config.ts", "tsconfig.json", "package.json"];
/** Package caches that must not be shared with the working tree's builds. */
const PRIVATE = new Set([".astro", ".vite", ".cache"]);
const GNU_TIME = "/usr/bin/time";

/**
 * One copy of the sources per run, taken at the start, so every size builds the same code even
 * while others keep editing. Without `ref` it is the working tree; with it, a commit's files
 * (`git archive`), which is also the way to compare two commits on one machine.
 */
export function snapshotSources(ref?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "rk-bench-sources-"));
  if (ref === undefined) {
    for (const name of COPIED) {
      if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
    }
    return dir;
  }
  const paths = COPIED.filter((name) => existsSync(join(ROOT, name)));
  const archive = spawnSync("git", ["archive", "--format=tar", ref, "--", ...paths], { cwd: ROOT });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr.toString()}`);
  const untar = spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr.toString()}`);
  return dir;
}

/** A buildable project: the snapshot's files plus a node_modules folder of symlinks. */
export function copyProject(label: string, sources: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rk-bench-${label}-`));
  cpSync(sources, dir, { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  for (const name of readdirSync(join(ROOT, "node_modules"))) {
    if (!PRIVATE.has(name)) symlinkSync(join(ROOT, "node_modules", name), join(dir, "node_modules", name));
  }
  return dir;
}

/** The commit and whether the working tree differs from it, for the results file. */
export function gitState(): { commit: string; dirty: boolean } {
  const git = (...args: string[]): string =>
    spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  return { commit: git("rev-parse", "HEAD"), dirty: git("status", "--porcelain", "--", ...COPIED) !== "" };
}

/** Deletes the output and every cache a build leaves, so the next build starts cold too. */
export function cleanBuild(dir: string): void {
  for (const path of ["dist", ".astro", ...[...PRIVATE].map((name) => `node_modules/${name}`)]) {
    rmSync(join(dir, path), { recursive: true, force: true });
  }
}

/**
 * The fastest of several runs, with the highest peak memory: on a shared machine other work
 * only ever adds time, so the minimum is the best estimate of the build's own cost.
 */
export function bestOf(runs: readonly StepResult[]): StepResult & { readonly runs: readonly number[] } {
  const peaks = runs.map((r) => r.peakRssMb).filter((p): p is number => p !== null);
  return {
    seconds: Math.min(...runs.map((r) => r.seconds)),
    peakRssMb: peaks.length === 0 ? null : Math.max(...peaks),
    runs: runs.map((r) => r.seconds),
  };
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `npm run check:content` in the copy; throws with the checker's report if anything is wrong. */
export function checkContent(dir: string): string {
  const run = spawnSync(process.execPath, ["scripts/check-content.ts"], { cwd: dir, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`content check failed in ${dir}:\n${run.stderr.slice(0, 4000)}`);
  return run.stdout.trim();
}

export interface StepResult {
  readonly seconds: number;
  /** Peak resident memory of the step's process tree, from GNU time; null without it. */
  readonly peakRssMb: number | null;
}

/**
 * Runs a package's bin script on this Node, timed. GNU time's %M is the largest resident set of
 * the process and every child it waited for (Linux folds children into the rusage wait4 returns),
 * so it covers Pagefind's native binary, which the build starts, too. Output goes to a log file;
 * `progress` is called every 15 s with the elapsed seconds and the log so far.
 */
export async function timedRun(
  dir: string,
  bin: string,
  args: readonly string[],
  logName: string,
  progress: (seconds: number, log: string) => void,
): Promise<StepResult> {
  const script = join(dir, "node_modules", bin);
  const log = join(dir, `${logName}.log`);
  const timeFile = join(dir, `${logName}.time`);
  const withTime = existsSync(GNU_TIME);
  const [command, commandArgs] = withTime
    ? [GNU_TIME, ["-f", "%e %M", "-o", timeFile, process.execPath, script, ...args]]
    : [process.execPath, [script, ...args]];
  const started = performance.now();
  const fd = openSync(log, "w");
  const child = spawn(command, commandArgs, {
    cwd: dir,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const ticker = setInterval(() => {
    progress((performance.now() - started) / 1000, readFileSync(log, "utf8"));
  }, 15_000);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearInterval(ticker);
  closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    const tail = readFileSync(log, "utf8").split("\n").slice(-30).join("\n");
    throw new Error(`${bin} ${args.join(" ")} exited with ${String(code)} in ${dir}:\n${tail}`);
  }
  const kb = withTime ? Number(readFileSync(timeFile, "utf8").trim().split(/\s+/).at(-1)) : NaN;
  return { seconds, peakRssMb: Number.isFinite(kb) ? kb / 1024 : null };
}

export interface DirStats {
  readonly bytes: number;
  readonly files: number;
  readonly htmlPages: number;
}

export function dirStats(dir: string): DirStats {
  let bytes = 0;
  let files = 0;
  let htmlPages = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith(".html")) htmlPages += 1;
  }
  return { bytes, files, htmlPages };
}

export const ASTRO_BIN = "astro/bin/astro.mjs";
