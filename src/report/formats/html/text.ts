/**
 * The html format's sinks for untrusted text: element text and quoted attribute values
 * (escapeHtml, with invisible and control characters made visible), ids safe in `id` and in
 * `#…` links, and JSON that cannot close the `<script>` element carrying it.
 */
import {
  escapeHtml,
  JSON_TEXT,
  mapStrings,
  neutraliseCommands,
  visibleExceptLayout,
} from "../../escape.js";

/** Untrusted text for element content or a double-quoted attribute value. */
export function html(text: string | number | boolean): string {
  return escapeHtml(visibleExceptLayout(String(text)));
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
  // The script shows these strings in tooltips: hidden characters are made visible first.
  return neutraliseCommands(JSON.stringify(mapStrings(data, visibleExceptLayout)), JSON_TEXT)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
