/**
 * A bordered grid of word-wrapped cells for the terminal, in time linear in the text.
 *
 * The fact table holds one row per fact of a repository and the agreement table one per source,
 * thousands of each in a large one. cli-table3 measures a multi-line cell again for every
 * character it cuts, once per printed line (to shorten it for a debug message), so without colour
 * a 10,000-claim report spent most of its time there, and its layout took a second for 4,000
 * single-line rows. This grid measures each word once. The matrix, at most 100 sources square,
 * still uses cli-table3.
 *
 * Cells arrive as lines of styled pieces, not as strings with escape codes in them, so a style is
 * applied to each printed line on its own and never runs across a border.
 */
type WidthOf = (text: string) => number;

/** A run of text with one style (identity when colour is off). */
export interface Styled {
  readonly text: string;
  readonly style?: (text: string) => string;
}

/** One cell: its lines as the caller breaks them; each line is wrapped to the column width. */
export type GridCell = readonly (readonly Styled[])[];

export interface GridOptions {
  /**
   * Width of each column's text, without the padding of one space on each side. Without it, each
   * column is as wide as its widest line, and nothing wraps.
   */
  readonly widths?: readonly number[];
  readonly head: readonly string[];
  readonly headStyle?: (text: string) => string;
  readonly borderStyle?: (text: string) => string;
}

const plain = (text: string): string => text;

/**
 * Latin, Greek and Cyrillic letters, general punctuation and the report's own marks (∞, ≈, ✓, ✗): one
 * column each and never joined into a wider cluster, so their width is their length. Other text
 * is measured by string-width, which segments it into graphemes (about 20 µs a word) and costs
 * some 35 ms to load, so it is loaded only for a table that has such text (`loadWideWidths`). The
 * test checks every character of this class against string-width.
 */
export const NARROW_TEXT =
  /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u221e\u2248\u2713\u2717]*$/;

let wideWidth: WidthOf | undefined;

/** Loads string-width, for text outside NARROW_TEXT. */
export async function loadWideWidths(): Promise<void> {
  wideWidth ??= (await import("string-width")).default;
}

export function isNarrow(text: string): boolean {
  return NARROW_TEXT.test(text);
}

/**
 * Columns the text takes in a terminal. Before string-width is loaded, text outside NARROW_TEXT
 * counts one column per code point: the caller loads it first for any such text, so this is only
 * a guard against a crash, at the price of a misaligned row.
 */
export function displayWidth(text: string): number {
  if (NARROW_TEXT.test(text)) return text.length;
  if (wideWidth) return wideWidth(text);
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function renderGrid(rows: readonly (readonly GridCell[])[], options: GridOptions): string {
  const border = options.borderStyle ?? plain;
  const widths = options.widths ?? naturalWidths(options.head, rows);
  const rule = (left: string, middle: string, right: string): string =>
    border(`${left}${widths.map((w) => "─".repeat(w + 2)).join(middle)}${right}`);
  const out: string[] = [rule("┌", "┬", "┐")];
  const headStyle = options.headStyle ?? plain;
  const head = options.head.map((h): GridCell => [[{ text: h, style: headStyle }]]);
  const body = [head, ...rows];
  body.forEach((row, index) => {
    if (index > 0) out.push(rule("├", "┼", "┤"));
    const wrapped = widths.map((w, column) => wrapCell(row[column] ?? [], w));
    const height = Math.max(1, ...wrapped.map((lines) => lines.length));
    for (let line = 0; line < height; line++) {
      let text = border("│");
      wrapped.forEach((lines, column) => {
        const printed = lines[line];
        const width = widths[column] ?? 0;
        const content = printed ? printed.text : "";
        const used = printed ? printed.width : 0;
        text += ` ${content}${" ".repeat(Math.max(0, width - used))} ${border("│")}`;
      });
      out.push(text);
    }
  });
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}

/** Each column's widest line, head included. */
function naturalWidths(head: readonly string[], rows: readonly (readonly GridCell[])[]): number[] {
  const widths = head.map(displayWidth);
  for (const row of rows) {
    row.forEach((cell, column) => {
      for (const line of cell) {
        let width = 0;
        for (const piece of line) width += displayWidth(piece.text);
        if (width > (widths[column] ?? 0)) widths[column] = width;
      }
    });
  }
  return widths;
}

interface PrintedLine {
  readonly text: string;
  readonly width: number;
}

/** A word: the pieces of non-space text between spaces, with their styles. */
interface Word {
  readonly pieces: Styled[];
  width: number;
  /** Width of the spaces before it on its logical line. */
  spaceBefore: number;
}

export function wrapCell(cell: GridCell, width: number): PrintedLine[] {
  const lines: PrintedLine[] = [];
  for (const logical of cell) {
    const whole = wholeLine(logical, Math.max(1, width));
    if (whole) lines.push(whole);
    else wrapLine(logical, Math.max(1, width), lines);
  }
  return lines;
}

/** wrapCell without its shortcut for a line that fits as it is: what a test holds it to. */
export function wrapCellByWords(cell: GridCell, width: number): PrintedLine[] {
  const lines: PrintedLine[] = [];
  for (const logical of cell) wrapLine(logical, Math.max(1, width), lines);
  return lines;
}

function wrapLine(pieces: readonly Styled[], width: number, into: PrintedLine[]): void {
  const words = splitWords(pieces);
  let current: Styled[] = [];
  let used = 0;
  const flush = (): void => {
    into.push({ text: paint(current), width: used });
    current = [];
    used = 0;
  };
  for (const word of words) {
    if (used > 0 && used + word.spaceBefore + word.width <= width) {
      // Spaces between two words of one style take that style, so a styled phrase is one run.
      const before = current[current.length - 1]?.style;
      const style = before === word.pieces[0]?.style ? before : undefined;
      current.push({ text: " ".repeat(word.spaceBefore), style });
      current.push(...word.pieces);
      used += word.spaceBefore + word.width;
      continue;
    }
    if (used > 0) flush();
    if (word.width <= width) {
      current.push(...word.pieces);
      used = word.width;
      continue;
    }
    // A word wider than the column is cut at grapheme boundaries.
    for (const piece of word.pieces) {
      for (const segment of graphemesOf(piece.text)) {
        const w = displayWidth(segment);
        if (used + w > width && used > 0) flush();
        current.push({ text: segment, style: piece.style });
        used += w;
      }
    }
  }
  if (used > 0 || current.length > 0 || words.length === 0) flush();
}

/**
 * The printed line when a logical line fits its column as it is, which most do: pieces of one
 * style (or none) and narrow text, so that each character is one column. Then wrapping would
 * print the text without its leading and trailing spaces, in that one style. Undefined otherwise.
 */
function wholeLine(pieces: readonly Styled[], width: number): PrintedLine | undefined {
  const style = pieces[0]?.style;
  let text = "";
  for (const piece of pieces) {
    if (piece.style !== style || !NARROW_TEXT.test(piece.text)) return undefined;
    text += piece.text;
  }
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end - start > width) return undefined;
  if (start === end) return { text: "", width: 0 };
  const kept = text.slice(start, end);
  return { text: style ? style(kept) : kept, width: end - start };
}

/** Made at first use: creating a segmenter loads ICU data, tens of milliseconds. */
let graphemes: Intl.Segmenter | undefined;

/** The text's graphemes (user-perceived characters), with the segmenter made at first use. */
export function* graphemesOf(text: string): Generator<string> {
  graphemes ??= new Intl.Segmenter();
  for (const { segment } of graphemes.segment(text)) yield segment;
}

function splitWords(pieces: readonly Styled[]): Word[] {
  const words: Word[] = [];
  let word: Word | undefined;
  let spaces = 0;
  for (const piece of pieces) {
    let start = 0;
    const { text } = piece;
    for (let i = 0; i <= text.length; i++) {
      const atEnd = i === text.length;
      if (!atEnd && text.charCodeAt(i) !== 32) continue;
      if (i > start) {
        const part = text.slice(start, i);
        if (!word) {
          word = { pieces: [], width: 0, spaceBefore: spaces };
          words.push(word);
          spaces = 0;
        }
        word.pieces.push({ text: part, style: piece.style });
        word.width += displayWidth(part);
      }
      if (!atEnd) {
        word = undefined;
        spaces++;
      }
      start = i + 1;
    }
  }
  return words;
}

/** Joins pieces, styling each run of pieces that share a style once. */
function paint(pieces: readonly Styled[]): string {
  let out = "";
  let run = "";
  let runStyle: ((text: string) => string) | undefined;
  for (const piece of pieces) {
    if (piece.style !== runStyle) {
      out += runStyle ? runStyle(run) : run;
      run = "";
      runStyle = piece.style;
    }
    run += piece.text;
  }
  return out + (runStyle ? runStyle(run) : run);
}
