/**
 * Nothing lost: processes killed (SIGKILL, so no clean-up runs) at random moments while they write.
 *
 *  - The atomic writer (src/edit/atomic-write.ts), in a child that rewrites one file over and
 *    over: after every kill the file is one complete version, never a mix or a prefix.
 *  - `claimcheck fmt` on a large claims file: the file is the old text or the formatted text.
 *  - `claimcheck report -o FILE`: the file is the old report or the new one.
 *
 * A kill between creating the temporary file and renaming it over the target leaves the temporary
 * file behind. They are counted, and the test checks that claimcheck never reads them: the atomic
 * writer names them `.NAME.PID.RANDOM.tmp` in the target's folder, which the claims listing (only
 * *.yaml and *.yml), the watcher (dot-files and *.tmp) and git (*.tmp in .gitignore) all ignore.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listClaimsFiles } from "../../src/load/project-files.js";
import { bundleForNode } from "../helpers/bundle.js";
import { BIN, copyBundled, REPO } from "../helpers/project.js";
import { FMT_KILL_ITERATIONS, KILL_ITERATIONS, REPORT_KILL_ITERATIONS } from "./figures.js";
import { VERSION_COUNT, versionText } from "./versions.js";

const work = mkdtempSync(join(tmpdir(), "claimcheck-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const totals: string[] = [];
afterAll(() => {
  if (totals.length > 0) console.log(`kill-during-write totals:\n  ${totals.join("\n  ")}`);
});

function randomInt(max: number): number {
  return Math.floor(Math.random() * (max + 1));
}

/**
 * A moment to kill a run that takes `full` ms when left alone: mostly in its second half, where
 * it writes, and now and then after it would have finished.
 */
function killMoment(full: number): number {
  return Math.round(full * (0.4 + 0.8 * Math.random()));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("close", () => resolve());
  });
}

/** Temporary files a kill left in `dir`: dot-files ending in .tmp, or the report writer's NAME.PID.RANDOM.tmp. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".tmp"));
}

// ---------------------------------------------------------------------------------------------

describe("the atomic writer, killed while it writes", () => {
  let childScript = "";
  beforeAll(async () => {
    childScript = join(work, "kill-child.mjs");
    await bundleForNode(join(REPO, "test/robustness/kill-child.ts"), childScript);
  });

  it(`leaves every file a complete version, over ${KILL_ITERATIONS} kills`, async () => {
    const versions = new Map(
      Array.from({ length: VERSION_COUNT }, (_, n) => [versionText(n), n] as const),
    );
    const WORKERS = 4;
    let kills = 0;
    let writesSeen = 0;
    let leftBehind = 0;
    const seen = new Set<number>();

    const worker = async (w: number, iterations: number) => {
      const dir = join(work, `writer-${w}`);
      mkdirSync(dir, { recursive: true });
      const target = join(dir, "claims.yaml");
      writeFileSync(target, versionText(0));
      for (let i = 0; i < iterations; i++) {
        const child = spawn(process.execPath, [childScript, target], {
          stdio: ["ignore", "pipe", "inherit"],
        });
        let dots = 0;
        child.stdout?.setEncoding("utf8").on("data", (s: string) => {
          dots += s.length;
        });
        // Wait until it is writing in its loop, then kill it at a random moment of that loop.
        const started = Date.now();
        while (dots === 0 && child.exitCode === null && Date.now() - started < 10_000)
          await sleep(1);
        await sleep(randomInt(25));
        child.kill("SIGKILL");
        await exited(child);
        expect(child.signalCode, "the child was killed, not finished").toBe("SIGKILL");
        kills++;
        writesSeen += dots;

        const text = readFileSync(target, "utf8");
        const version = versions.get(text);
        expect(
          version,
          `after kill ${i} the file is not a complete version (${text.length} characters, starts ${JSON.stringify(text.slice(0, 20))})`,
        ).toBeDefined();
        seen.add(version!);
        const temp = leftovers(dir);
        for (const name of temp) {
          expect(name).toMatch(/^\.claims\.yaml\.\d+\.[0-9a-f]+\.tmp$/);
          rmSync(join(dir, name));
        }
        leftBehind += temp.length;
      }
    };
    await Promise.all(
      Array.from({ length: WORKERS }, (_, w) => worker(w, KILL_ITERATIONS / WORKERS)),
    );
    expect(kills).toBe(KILL_ITERATIONS);
    // The kills landed at different points of the loop: several versions were the last complete one.
    expect(seen.size).toBeGreaterThan(1);
    totals.push(
      `atomic writer: ${kills} kills, ${writesSeen} complete writes seen, 0 partial files, ${leftBehind} temporary files left by kills (ignored)`,
    );
  }, 180_000);

  it("a temporary file a kill leaves behind is never read as a claims file", async () => {
    const root = mkdtempSync(join(work, "listing-"));
    mkdirSync(join(root, "claims"));
    writeFileSync(join(root, "claims/a.yaml"), "x: 1\n");
    writeFileSync(join(root, "claims/.a.yaml.12345.0123456789ab.tmp"), "half a fi");
    expect(await listClaimsFiles(root)).toEqual(["claims/a.yaml"]);
  });
});

// ---------------------------------------------------------------------------------------------

/** Runs the CLI to the end and returns how long it took. */
async function timedRun(args: string[]): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: "ignore" });
  await exited(child);
  return Date.now() - started;
}

/** Starts the CLI and kills it after `delay` ms; true if it was killed before it finished. */
async function killedRun(args: string[], delay: number): Promise<boolean> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: "ignore" });
  await sleep(delay);
  child.kill("SIGKILL");
  await exited(child);
  return child.signalCode === "SIGKILL";
}

describe("claimcheck fmt, killed while it formats", () => {
  it(`leaves the claims file old or formatted, over ${FMT_KILL_ITERATIONS} kills`, async () => {
    // A large claims file with every claim's keys out of order: fmt rewrites all of it.
    const root = mkdtempSync(join(work, "fmt-"));
    mkdirSync(join(root, "claims"));
    mkdirSync(join(root, "sources"));
    cpSync(join(REPO, "claims/vocabulary.yaml"), join(root, "claims/vocabulary.yaml"));
    const claims = Array.from(
      { length: 500 },
      (_, i) =>
        `  - evidence: Azerbaijan has registered ${i} candidates\n    value: ${i}\n    property: registered_candidates\n    subject: azerbaijan_presidential_election_2024\n    id: c-${i}\n`,
    ).join("");
    const before = `title: A long article\nsource: sources/a.txt\npublished: "2024-02-06"\noutlet: Test\nclaims:\n${claims}`;
    const file = join(root, "claims/a.yaml");
    writeFileSync(file, before);
    // The formatted text, from a run left to finish.
    const full = await timedRun(["--root", root, "fmt", "claims/a.yaml"]);
    const after = readFileSync(file, "utf8");
    expect(after).not.toBe(before);

    let killedMidway = 0;
    let old = 0;
    let formatted = 0;
    let leftBehind = 0;
    for (let i = 0; i < FMT_KILL_ITERATIONS; i++) {
      writeFileSync(file, before);
      if (await killedRun(["--root", root, "fmt", "claims/a.yaml"], killMoment(full)))
        killedMidway++;
      const text = readFileSync(file, "utf8");
      expect(text === before || text === after, `after kill ${i}: neither old nor formatted`).toBe(
        true,
      );
      if (text === before) old++;
      else formatted++;
      const temp = leftovers(join(root, "claims"));
      leftBehind += temp.length;
      // Whatever a kill left is invisible to claimcheck.
      expect(await listClaimsFiles(root)).toEqual(["claims/a.yaml"]);
      for (const name of temp) rmSync(join(root, "claims", name));
    }
    expect(killedMidway).toBeGreaterThan(0);
    totals.push(
      `fmt: ${FMT_KILL_ITERATIONS} runs killed at random (${killedMidway} before they finished), ${old} left the old text, ${formatted} the formatted text, 0 anything else, ${leftBehind} temporary files left (ignored)`,
    );
  }, 240_000);
});

describe("claimcheck report -o, killed while it writes", () => {
  it(`leaves the output file old or new, over ${REPORT_KILL_ITERATIONS} kills`, async () => {
    const root = copyBundled();
    const outDir = mkdtempSync(join(work, "report-"));
    const out = join(outDir, "report.json");
    const args = ["--root", root, "report", "-f", "json", "-o", out, "--fail-on", "never"];
    const full = await timedRun(args);
    const after = readFileSync(out, "utf8");
    expect(JSON.parse(after)).toMatchObject({ format: "claimcheck-report" });
    const before = "the previous report\n";

    let killedMidway = 0;
    let old = 0;
    let fresh = 0;
    let leftBehind = 0;
    for (let i = 0; i < REPORT_KILL_ITERATIONS; i++) {
      writeFileSync(out, before);
      if (await killedRun(args, killMoment(full))) killedMidway++;
      const text = readFileSync(out, "utf8");
      expect(text === before || text === after, `after kill ${i}: neither old nor new`).toBe(true);
      if (text === before) old++;
      else fresh++;
      const temp = leftovers(outDir);
      for (const name of temp) {
        expect(name).toMatch(/^report\.json\.\d+\.[0-9a-f]{8}\.tmp$/);
        rmSync(join(outDir, name));
      }
      leftBehind += temp.length;
    }
    rmSync(root, { recursive: true, force: true });
    expect(killedMidway).toBeGreaterThan(0);
    totals.push(
      `report -o: ${REPORT_KILL_ITERATIONS} runs killed at random (${killedMidway} before they finished), ${old} left the old file, ${fresh} the new one, 0 anything else, ${leftBehind} temporary files left`,
    );
  }, 240_000);
});
