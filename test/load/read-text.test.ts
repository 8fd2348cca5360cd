import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTextSync } from "../../src/load/read-text.js";

describe("readTextSync", () => {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-read-"));

  it("refuses a named pipe at once instead of waiting for a writer", async () => {
    const fifo = join(dir, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    expect(readTextSync(fifo)).toMatchObject({ ok: false, reason: "not-a-file" });
  });

  it("refuses a file over the size limit without reading it, and invalid UTF-8 with the byte", async () => {
    const big = join(dir, "big.txt");
    writeFileSync(big, "x".repeat(2048));
    expect(readTextSync(big, 1024)).toMatchObject({ ok: false, reason: "too-large" });
    const latin1 = join(dir, "latin1.txt");
    writeFileSync(latin1, Buffer.from([0x41, 0xe9, 0x42]));
    expect(readTextSync(latin1)).toMatchObject({
      ok: false,
      reason: "encoding",
      message: expect.stringContaining("0xe9 at byte 1"),
    });
  });

  it("drops a byte-order mark and reports a missing file as missing", async () => {
    const bom = join(dir, "bom.txt");
    writeFileSync(bom, "\ufeffhello");
    expect(readTextSync(bom)).toEqual({ ok: true, text: "hello" });
    expect(readTextSync(join(dir, "nope.txt"))).toMatchObject({ ok: false, reason: "missing" });
  });
});
