/**
 * The embed guide's snippet generator (/embed/): choices on the left; on the right the snippet to
 * paste, an iframe alternative and a live preview of the real widget. The HTML the server renders
 * already holds the first snippets, so the page reads and copies by hand without JavaScript.
 * Snippets come from src/lib/api/snippet.ts, the same code the build uses.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { TargetedEvent } from "preact";
import { copyText, selectContents } from "../../client/clipboard.ts";
import { frameSnippet, widgetSnippet, type SnippetChoice, type SnippetSite } from "../../lib/api/snippet.ts";
import { checkAccent, type AccentCheck } from "../../lib/contrast.ts";
import { asIndexJson } from "../../lib/api/read.ts";
import { pickTemplates } from "../../lib/api/pick.ts";

type Choice = readonly [slug: string, title: string];
interface Group {
  readonly label: string;
  readonly templates: readonly Choice[];
}

export interface SnippetGeneratorProps {
  /** The production root, versioned file and integrity: what snippets point at. */
  readonly site: SnippetSite;
  /** This deployment's root (base path), where the preview loads widget.js from. */
  readonly local: string;
  /**
   * The template API's index (api/templates.json under `local`). The list of templates loads from
   * it when someone reaches for the choice, never as props: at 5,000 templates it would be most
   * of the page.
   */
  readonly index: string;
  /** The template chosen at first: its slug and title. */
  readonly first: Choice;
  /** The site's accents, the colour pickers' starting values. */
  readonly accent: string;
  readonly accentDark: string;
}

type Input = TargetedEvent<HTMLInputElement | HTMLSelectElement>;

/** Every template, grouped by tactic in the guides' order, as the widget's picker groups them. */
async function loadGroups(url: string): Promise<Group[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${String(response.status)}`);
  const index = asIndexJson(await response.json(), url);
  const all = { situation: "", channel: "", tone: "", tactic: "" };
  return pickTemplates(index, all).map((group) => ({
    label: group.label,
    templates: group.templates.map((t) => [t.slug, t.title] as const),
  }));
}

export default function SnippetGenerator({
  site,
  local,
  index,
  first,
  accent,
  accentDark,
}: SnippetGeneratorProps) {
  const [groups, setGroups] = useState<readonly Group[] | undefined>(undefined);
  const [listProblem, setListProblem] = useState("");
  const loading = useRef(false);
  const loadList = () => {
    if (loading.current) return;
    loading.current = true;
    loadGroups(new URL(index, location.href).href).then(setGroups, () => {
      loading.current = false;
      setListProblem("The list of templates did not load. Reload the page to try again.");
    });
  };
  const titles = new Map<string, string>([first, ...(groups ?? []).flatMap((g) => g.templates)]);
  const [kind, setKind] = useState<SnippetChoice["kind"]>("template");
  const [template, setTemplate] = useState(first[0]);
  const [situation, setSituation] = useState("");
  const [theme, setTheme] = useState("auto");
  const [ownAccent, setOwnAccent] = useState(false);
  const [color, setColor] = useState(accent);
  const [colorDark, setColorDark] = useState(accentDark);
  const [pinned, setPinned] = useState(false);
  const [host, setHost] = useState("");
  const [status, setStatus] = useState("");
  const preview = useRef<HTMLDivElement>(null);
  const code = useRef<HTMLElement>(null);

  // A colour under WCAG AA on its scheme's background stays out of the snippet, with the reason.
  const light = checkAccent(color, "light");
  const dark = checkAccent(colorDark, "dark");
  const choice: SnippetChoice = {
    kind,
    template,
    title: titles.get(template) ?? template,
    situation,
    theme,
    accent: ownAccent && light.ok ? color : "",
    accentDark: ownAccent && dark.ok ? colorDark : "",
    pinned,
  };
  const snippet = widgetSnippet(site, choice);

  // The preview is the snippet's own element, changed through its attributes as on a host page.
  useEffect(() => {
    const box = preview.current;
    if (box === null) return;
    const tag = kind === "picker" ? "reconnect-templates" : "reconnect-template";
    let element = box.firstElementChild;
    if (element?.localName !== tag) box.replaceChildren((element = document.createElement(tag)));
    const attributes = {
      template: kind === "template" ? template : "",
      situation: kind === "picker" ? situation : "",
      theme: theme === "auto" ? "" : theme,
      accent: choice.accent ?? "",
      "accent-dark": choice.accentDark ?? "",
    };
    for (const [name, value] of Object.entries(attributes)) {
      if (value === "") element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  });

  // widget.js is budgeted on its own (15 KB); it loads, like a host's copy, when it is in view.
  useEffect(() => {
    const box = preview.current;
    if (box === null) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      const script = document.createElement("script");
      script.type = "module";
      script.src = new URL("widget.js", new URL(local, location.href)).href;
      document.head.append(script);
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
    };
  }, [local]);

  const copy = async () => {
    if (await copyText(snippet)) {
      setStatus("Copied the snippet.");
    } else {
      if (code.current !== null) selectContents(code.current);
      setStatus("Copying did not work. The snippet is selected: press Ctrl+C.");
    }
  };

  // A colour picker, and the contrast check's reason when the colour is not used.
  const accentInput = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    check: AccentCheck,
  ) => (
    <>
      <label for={id}>{label}</label>
      <input
        type="color"
        id={id}
        value={value}
        aria-describedby={`${id}-check`}
        onInput={(e: Input) => {
          set(e.currentTarget.value);
          setOwnAccent(true);
        }}
      />
      <p id={`${id}-check`} class="soft" role="status">
        {ownAccent && !check.ok ? `Not used: ${check.reason}.` : ""}
      </p>
    </>
  );

  const radio = (name: string, value: string, current: string, set: (v: string) => void, label: string) => (
    <label class="choice">
      <input
        type="radio"
        name={name}
        value={value}
        checked={current === value}
        onChange={() => {
          set(value);
        }}
      />{" "}
      {label}
    </label>
  );

  return (
    <div class="generator">
      <form
        class="flow"
        aria-labelledby="make"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <fieldset>
          <legend>What to show</legend>
          {radio(
            "kind",
            "template",
            kind,
            (v) => {
              setKind(v === "picker" ? "picker" : "template");
            },
            "One template",
          )}
          {radio(
            "kind",
            "picker",
            kind,
            (v) => {
              setKind(v === "picker" ? "picker" : "template");
            },
            "A list to choose from",
          )}
        </fieldset>
        {kind === "template" ? (
          <p>
            <label for="gen-template">Template</label>
            <select
              id="gen-template"
              value={template}
              onFocus={loadList}
              onPointerEnter={loadList}
              onChange={(e: Input) => {
                setTemplate(e.currentTarget.value);
              }}
            >
              {groups === undefined ? (
                <option value={template}>{titles.get(template) ?? template}</option>
              ) : (
                groups.map((group) => (
                  <optgroup label={group.label} key={group.label}>
                    {group.templates.map(([slug, title]) => (
                      <option value={slug} key={slug}>
                        {title}
                      </option>
                    ))}
                  </optgroup>
                ))
              )}
            </select>
            {listProblem !== "" && <span role="alert">{listProblem}</span>}
          </p>
        ) : (
          <p>
            <label for="gen-situation">Templates for</label>
            <select
              id="gen-situation"
              value={situation}
              onChange={(e: Input) => {
                setSituation(e.currentTarget.value);
              }}
            >
              <option value="">Both situations</option>
              <option value="casual">Just reconnecting</option>
              <option value="reference">Needing a reference</option>
            </select>
          </p>
        )}
        <fieldset>
          <legend>Look</legend>
          <label for="gen-theme">Colours</label>
          <select
            id="gen-theme"
            value={theme}
            onChange={(e: Input) => {
              setTheme(e.currentTarget.value);
            }}
          >
            <option value="auto">Follow the reader's light or dark setting</option>
            <option value="light">Always light</option>
            <option value="dark">Always dark</option>
          </select>
          <label class="choice">
            <input
              type="checkbox"
              checked={ownAccent}
              onChange={(e: Input) => {
                setOwnAccent((e.currentTarget as HTMLInputElement).checked);
              }}
            />{" "}
            Use my own accent colour
          </label>
          {accentInput("gen-accent", "Accent colour, light scheme", color, setColor, light)}
          {accentInput("gen-accent-dark", "Accent colour, dark scheme", colorDark, setColorDark, dark)}
        </fieldset>
        <fieldset>
          <legend>Script address</legend>
          {radio(
            "script",
            "stable",
            pinned ? "pinned" : "stable",
            (v) => {
              setPinned(v === "pinned");
            },
            "Always the latest version",
          )}
          {radio(
            "script",
            "pinned",
            pinned ? "pinned" : "stable",
            (v) => {
              setPinned(v === "pinned");
            },
            "This version only, checked by an integrity hash",
          )}
        </fieldset>
        <p>
          <label for="gen-host">Your site's address (for the iframe)</label>
          <input
            type="url"
            id="gen-host"
            placeholder="https://blog.example.com"
            value={host}
            onInput={(e: Input) => {
              setHost(e.currentTarget.value.trim());
            }}
          />
        </p>
      </form>

      <div class="generator-output">
        <pre class="snippet" id="snippet">
          <code ref={code}>{snippet}</code>
        </pre>
        <div class="copy-row">
          <button type="button" onClick={() => void copy()}>
            Copy snippet
          </button>
          <p role="status">{status}</p>
        </div>
        <h3 id="preview-heading">Preview</h3>
        <div class="preview" ref={preview} role="region" aria-labelledby="preview-heading" />
        <h3 id="frame-heading">Or as an iframe</h3>
        <pre class="snippet" id="frame-snippet">
          <code>{frameSnippet(site, choice, host)}</code>
        </pre>
      </div>
    </div>
  );
}
