/** A test's child script, bundled from TypeScript so that plain `node` (with flags) can run it. */
import { build } from "esbuild";

export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "error",
  });
}
