/**
 * Strings parsed out of a file that holds any character above U+00FF are stored by V8 two bytes
 * per character, even the ones that are plain ASCII: they are slices, or copies, of the file's
 * two-byte text. One such string in a fact group makes the whole group's JSON two-byte, and the
 * report's output then takes longer to build and to encode (measured at 100k claims: the groups'
 * JSON took 275 ms, and 158 ms once their strings were one-byte).
 *
 * So the data read from such a file gets one-byte copies of its strings that fit in one byte.
 * The values are the same; only V8's storage changes. Strings that need two bytes stay as they are.
 */

/** Any character that a one-byte string cannot hold. */
const WIDE = /[\u0100-\uffff]/;

/** Whether strings sliced from `text` would be two-byte: false for most files, quickly. */
export function holdsWideCharacters(text: string): boolean {
  return WIDE.test(text);
}

/**
 * `data` with every string that fits in one byte per character copied into a one-byte string,
 * in place: arrays and plain objects are walked, keys are left alone (V8 interns them).
 */
export function compactStrings<T>(data: T): T {
  return compact(data, new Set()) as T;
}

function compact(value: unknown, seen: Set<object>): unknown {
  if (typeof value === "string") return oneByte(value);
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  // Aliases can share a node: each is walked once.
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = compact(value[i], seen);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const before = record[key];
      // Objects are changed in place; a string's copy is equal to it (===), so always stored.
      if (typeof before !== "string") {
        compact(before, seen);
        continue;
      }
      const after = oneByte(before);
      // An own "__proto__" key is data here: plain assignment would set the prototype instead.
      if (key === "__proto__") {
        Object.defineProperty(record, key, {
          value: after,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else record[key] = after;
    }
  }
  return value;
}

function oneByte(text: string): string {
  if (text.length === 0 || WIDE.test(text)) return text;
  // latin1 is a byte per character both ways, so the copy holds the same characters.
  return Buffer.from(text, "latin1").toString("latin1");
}
