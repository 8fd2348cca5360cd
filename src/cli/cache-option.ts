import { join, resolve } from "node:path";

export interface CacheFlags {
  cache?: boolean;
  cacheLocation?: string;
}

/** Where the cache lives for this run, or undefined when caching is off (the default). */
export function cacheLocationFor(flags: CacheFlags, root: string, cwd: string): string | undefined {
  if (flags.cacheLocation) return resolve(cwd, flags.cacheLocation);
  if (!flags.cache) return undefined;
  return join(root, "node_modules", ".cache", "claimcheck", "cache.bin");
}
