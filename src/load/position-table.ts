/**
 * A compact, serialisable record of where the nodes a report points at are: every top-level key
 * and its value, the dateline's fields, and each claim with its fields. The cache stores it so
 * that a warm run finds positions without parsing YAML; any other path falls back to a parse.
 */
import type { Location } from "../findings/finding.js";
import type { DocPath } from "../findings/path.js";
import { LineIndex } from "./line-index.js";
import type { PositionResolver } from "./yaml-file.js";

/** Fields recorded for every item of a top-level list (claims, entities, properties, acknowledged). */
export const ITEM_FIELDS = [
  "id",
  "subject",
  "property",
  "value",
  "qualifiers",
  "evidence",
  "status",
  "name",
  "type",
] as const;
export const SLOTS = 2 + ITEM_FIELDS.length * 4; // item start/end, then per field: value start/end, key start/end

export interface PositionTable {
  /** `key` or `key.sub` → [start, end, keyStart, keyEnd] offsets. */
  header: Record<string, [number, number, number, number]>;
  /** Per top-level list: one row of SLOTS offsets per item; -1 where absent. */
  lists: Record<string, Int32Array>;
}

type Locate = (path: DocPath, options?: { key?: boolean }) => Location;

/** Index of a field in a row, or -1. */
export function fieldIndex(name: string): number {
  return (ITEM_FIELDS as readonly string[]).indexOf(name);
}

/**
 * Positions for a file from a stored table (the cache's, or the one the main thread sends a
 * worker): a path the table lacks is found by `parse` when it gives a parse (it runs once), else
 * at its nearest enclosing node.
 */
export function storedTableResolver(
  file: string,
  text: string,
  table: PositionTable | undefined,
  parse: () => { locate: Locate } | undefined,
): PositionResolver {
  let locate: Locate | undefined;
  const careful = () => {
    locate ??= parse()?.locate;
    return locate;
  };
  return tableResolver(file, text, table ?? { header: {}, lists: {} }, careful);
}

/**
 * A resolver over a table. Paths it does not hold go to `fallback` (a full parse, made once)
 * when one is at hand, else to the nearest enclosing node the table holds.
 */
export function tableResolver(
  file: string,
  text: string,
  table: PositionTable,
  fallback: () => Locate | undefined,
): PositionResolver {
  let lines: LineIndex | undefined;
  const at = (start: number, end: number): Location => {
    lines ??= new LineIndex(text);
    const a = lines.position(start);
    const loc: Location = { file, line: a.line, column: a.column };
    if (end > start) {
      const b = lines.position(end);
      loc.endLine = b.line;
      loc.endColumn = b.column;
    }
    return loc;
  };
  const resolver: PositionResolver = {
    locate(path, options) {
      const wantKey = options?.key === true;
      const [first, second, third] = path;
      if (path.length === 1 || (path.length === 2 && typeof second === "string")) {
        const entry =
          table.header[path.length === 1 ? String(first) : `${String(first)}.${String(second)}`];
        if (entry) return wantKey ? at(entry[2], entry[3]) : at(entry[0], entry[1]);
      }
      const rows = typeof first === "string" ? table.lists[first] : undefined;
      if (rows && typeof second === "number" && path.length <= 3) {
        const base = second * SLOTS;
        if (base + SLOTS <= rows.length) {
          if (path.length === 2 && rows[base]! >= 0) return at(rows[base]!, rows[base + 1]!);
          const f = ITEM_FIELDS.indexOf(third as (typeof ITEM_FIELDS)[number]);
          if (f >= 0) {
            const slot = base + 2 + f * 4 + (wantKey ? 2 : 0);
            if (rows[slot]! >= 0) return at(rows[slot]!, rows[slot + 1]!);
          }
        }
      }
      const full = fallback();
      if (full) return full(path, options);
      for (let n = path.length - 1; n > 0; n--) {
        const enclosing = resolver.locate(path.slice(0, n));
        if (enclosing.line > 1 || enclosing.column > 1) return enclosing;
      }
      return { file, line: 1, column: 1 };
    },
  };
  return resolver;
}
