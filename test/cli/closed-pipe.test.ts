import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, REPO } from "../helpers/project.js";

/** Runs the CLI with its standard output closed by the reader before anything is written. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Like `| head -0`: the reading end goes away, so every write gets EPIPE.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("a reader that stops early", () => {
  it.each(["report", "report --format json", "validate"])(
    "claimcheck %s ends quietly with its own exit code",
    async (command) => {
      const r = await runWithClosedStdout(command.split(" "));
      expect(r.stderr).toBe("");
      // The bundled articles conflict (exit 1); validation passes (exit 0).
      expect(r.code).toBe(command === "validate" ? 0 : 1);
    },
  );
});
