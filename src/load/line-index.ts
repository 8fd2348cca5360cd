/**
 * Turns string offsets (UTF-16 code units, as JavaScript counts) into 1-based lines and
 * columns counted in code points, the way editors and the README count them.
 * CRLF and lone CR count as one line break, so positions stay right in Windows files.
 */
export interface LinePosition {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes("\r")) {
      // Without carriage returns, the engine's own search finds line breaks several times faster.
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  private cpStarts: Int32Array | undefined;

  /** Code points from the start of the text to `offset` (computed from line starts, not from 0). */
  codePointOffset(offset: number): number {
    if (!this.cpStarts) {
      const cps = new Int32Array(this.starts.length);
      for (let i = 1; i < this.starts.length; i++) {
        cps[i] =
          (cps[i - 1] ?? 0) +
          codePointLength(this.text, this.starts[i - 1] ?? 0, this.starts[i] ?? 0);
      }
      this.cpStarts = cps;
    }
    const { line, column } = this.position(offset);
    return (this.cpStarts[line - 1] ?? 0) + column - 1;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): LinePosition {
    // An offset between the CR and the LF of a CRLF is the end of its line, like the CR itself.
    const clamped =
      Math.max(0, Math.min(offset, this.text.length)) -
      (this.text.charCodeAt(offset) === 10 && this.text.charCodeAt(offset - 1) === 13 ? 1 : 0);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo] ?? 0;
    return { line: lo + 1, column: codePointLength(this.text, lineStart, clamped) + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    return this.text
      .slice(start, next === undefined ? this.text.length : next)
      .replace(/\r?\n$|\r$/, "");
  }
}

/** Code points in text[start, end): surrogate pairs count once. */
export function codePointLength(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
