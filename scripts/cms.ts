/**
 * `npm run cms`: the content editor on this machine, without building the site. It writes
 * /admin/ (src/build/cms-integration.ts) into a temporary folder, serves it on 127.0.0.1, and
 * starts decap-server, Decap's local backend, which reads and writes the files of src/content/
 * in this folder directly: what you save there is in your working copy, ready to check and
 * commit (docs/editing.md). Nothing leaves the machine.
 *
 * Usage: npm run cms [-- --port N]   (the editor on N, 4322 by default; decap-server on N + 1)
 *
 * startLocalBackend() is also what the browser tests start, against a copy of the content.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { writeAdmin, siteBackend, ADMIN_DIR } from "../src/build/cms-integration.ts";
import { serve } from "./serve.ts";

const ROOT = resolve(import.meta.dirname, "..");
const DECAP_SERVER = join(ROOT, "node_modules/decap-server/dist/index.js");

export interface LocalBackend {
  /** Decap's API address, for `local_backend.url` in config.yml. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * decap-server on 127.0.0.1:`port`, reading and writing the files under `repoDir` (its "fs"
 * mode: plain files, no git). Resolves once it listens; rejects with its output if it stops.
 */
export function startLocalBackend(repoDir: string, port: number): Promise<LocalBackend> {
  const child: ChildProcess = spawn(process.execPath, [DECAP_SERVER], {
    cwd: repoDir,
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: "127.0.0.1",
      GIT_REPO_DIRECTORY: repoDir,
      MODE: "fs",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (!/listening on/i.test(output)) return;
      child.stdout?.off("data", onData);
      resolvePromise({
        url: `http://127.0.0.1:${port}/api/v1`,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) {
              done();
              return;
            }
            child.once("exit", () => {
              done();
            });
            child.kill();
          }),
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      reject(new Error(`decap-server stopped (exit ${String(code)}):\n${output}`));
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf("--port");
  const port = Number(portFlag === -1 ? 4322 : args[portFlag + 1]);
  const folder = mkdtempSync(join(tmpdir(), "rk-cms-"));
  const backend = await startLocalBackend(ROOT, port + 1);
  await writeAdmin(ROOT, join(folder, ADMIN_DIR), { ...siteBackend(), localBackendUrl: backend.url });
  const { url } = await serve({ root: folder, port });
  console.log(`The content editor is at ${url}${ADMIN_DIR}/ (Ctrl+C to stop).`);
  console.log("It saves into src/content/ here; run npm run check:content, then commit.");
  const stop = (): void => {
    void backend.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
