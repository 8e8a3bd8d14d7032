/**
 * Another site, on its own https origin: a folder of host pages served over TLS on a free port
 * of 127.0.0.1, with a self-signed certificate made for the run (openssl). The template embeds
 * may be framed by https pages only (frame-ancestors https:), so a host that frames them must
 * be https. Browsers opened with `ignoreHTTPSErrors` accept the certificate.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { siteHandler } from "../../scripts/serve.ts";

export interface HttpsHost {
  /** "https://127.0.0.1:<port>/" */
  readonly url: string;
  close(): Promise<void>;
}

export function httpsHost(root: string): Promise<HttpsHost> {
  const keys = mkdtempSync(join(tmpdir(), "rk-tls-"));
  const key = join(keys, "key.pem");
  const cert = join(keys, "cert.pem");
  // A throwaway certificate for 127.0.0.1, valid for a day.
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
      ...["-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
    ],
    { stdio: "pipe" },
  );
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, siteHandler({ root }));
  rmSync(keys, { recursive: true, force: true });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      done({
        url: `https://127.0.0.1:${String(port)}/`,
        close: () =>
          new Promise((closed) => {
            server.close(() => {
              closed();
            });
          }),
      });
    });
  });
}
