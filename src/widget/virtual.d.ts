// The widget bundle's version and hash, known before pages render (src/build/widget-integration.ts).
declare module "virtual:reconnect-kit/widget" {
  export const widget: {
    /** e.g. "0.1.0-1a2b3c4d" */
    readonly version: string;
    /** The immutable file relative to the site root, e.g. "widget/0.1.0-1a2b3c4d/widget.js". */
    readonly file: string;
    /** "sha384-..." */
    readonly integrity: string;
  };
}
