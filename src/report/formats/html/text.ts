/**
 * The html format's sinks for untrusted text: element text and quoted attribute values
 * (escapeHtml, with invisible and control characters made visible), ids safe in `id` and in
 * `#…` links, and JSON that cannot close the `<script>` element carrying it.
 */
import { escapeHtml } from "../../escape.js";

/**
 * Control characters (C0 other than tab and line breaks, DEL, C1), bidirectional overrides and
 * zero-width or invisible format characters, which could hide or reorder text on the page.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Untrusted text for element content or a double-quoted attribute value. */
export function html(text: string | number | boolean): string {
  return escapeHtml(
    String(text).replace(INVISIBLE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`),
  );
}

/**
 * Hands out `id`s built from untrusted names: only letters, digits, `_` and `-` survive, and a
 * name that would repeat an id already given gets a numbered suffix. The same names asked in the
 * same order give the same ids.
 */
export class IdMaker {
  readonly #given = new Set<string>();
  readonly #byKey = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  /** The id for `key` (given once, then remembered), built from `name`. */
  id(key: string, name: string): string {
    const known = this.#byKey.get(key);
    if (known) return known;
    const base = `${this.prefix}${name.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 80) || "x"}`;
    let id = base;
    for (let n = 2; this.#given.has(id); n++) id = `${base}-${n}`;
    this.#given.add(id);
    this.#byKey.set(key, id);
    return id;
  }

  get(key: string): string | undefined {
    return this.#byKey.get(key);
  }
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>` and `&` become \u escapes, so
 * no string in the data can end the element (`</script>`) or open a comment (`<!--`).
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
