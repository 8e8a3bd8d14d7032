/**
 * /admin/: Decap CMS, bundled from npm (no CDN) by src/build/cms-integration.ts, with what this
 * site adds to it: the template preview (the message filled in, the meter, the check's problems),
 * the field registry's file format, and empty optional values dropped on save so the file holds
 * only what the schema accepts. The configuration is config.yml beside this page, made at build
 * from the schemas (src/build/cms-config.ts). This bundle loads on /admin/ only.
 */
import CMS from "decap-cms-app";
import {
  FIELD_REGISTRY_FORMAT,
  registryFromFile,
  registryToFile,
  type RegistryDocument,
} from "./field-registry-format.ts";
import type { LibrarySnapshot } from "./preview-model.ts";
import { PREVIEW_CSS, templatePreviewComponent } from "./preview.ts";
import { previewRules } from "./rules.ts";

const snapshot = JSON.parse(document.getElementById("rk-library")?.textContent ?? "{}") as LibrarySnapshot;

CMS.registerCustomFormat(FIELD_REGISTRY_FORMAT, "yaml", {
  fromFile: (text: string) => registryFromFile(text),
  toFile: (data: Partial<RegistryDocument>) => registryToFile(data),
});

CMS.registerPreviewStyle(PREVIEW_CSS, { raw: true });
CMS.registerPreviewTemplate("templates", templatePreviewComponent(snapshot, previewRules(snapshot.locale)));

/** An Immutable.js value as Decap holds entry data: a List has a size. */
interface ImmutableValue {
  readonly size?: number;
}
interface ImmutableData {
  filter(keep: (value: unknown) => boolean): ImmutableData;
}

// An optional key left blank would be saved as "" or [], which the schema refuses: drop it.
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) =>
    (entry.get("data") as ImmutableData).filter(
      (value) =>
        value !== undefined &&
        value !== null &&
        value !== "" &&
        !(typeof value === "object" && (value as ImmutableValue).size === 0),
    ),
});

CMS.init();
