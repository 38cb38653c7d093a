/* global module */
/**
 * The installed packages' sources, read once per worker process. Jest hands each test file a
 * fresh file cache (`cacheFS`, jest-runtime's fifth argument, which ./runtime.js wraps in this),
 * so every test file read and decoded ExcelJS, zod and the rest from disk again, some 1 400
 * files for a CLI test. Files under node_modules do not change during a run (Jest's watch mode
 * does not watch them either); the project's own files are still read afresh for each test file.
 */
const packageSources = new Map();
const IN_PACKAGES = /[\\/]node_modules[\\/]/;

class PackageSourceCache extends Map {
  get(filename) {
    const own = super.get(filename);
    if (own !== undefined || !IN_PACKAGES.test(filename)) return own;
    return packageSources.get(filename);
  }

  set(filename, source) {
    if (IN_PACKAGES.test(filename)) packageSources.set(filename, source);
    return super.set(filename, source);
  }
}

module.exports = { PackageSourceCache };
