/* global require, module */
/**
 * Jest's module runtime with V8's code cache (jest.config.js `runtime`).
 *
 * Jest gives every test file a fresh module registry, so each file compiles again every module it
 * loads: ExcelJS alone is some 650 files and 2,8 MB, and compiling was close to a third of the
 * time it takes to load the test files. jest-runtime compiles with `vm.compileFunction`, which
 * Node 20 never caches. This runtime compiles the same wrapper as a `vm.Script` and keeps V8's
 * cached data per file in the worker process, so a module's later compiles in that worker reuse
 * the first. The code that runs is the same: the same source, wrapped in a function of the same
 * parameters, run in the test file's own context, with jest-runtime's own handler for `import()`.
 * Anything else (a syntax error, a Node core module) goes to jest-runtime's own compile.
 *
 * jest-runtime 30 compiles in its module executor (`executor.compile`); where a later version
 * has none, this runtime is plain jest-runtime and only slower.
 */
const { Script } = require("vm");
const Runtime = require("jest-runtime").default;
const { PackageSourceCache } = require("./packageSources");

/**
 * The test file's context is a `vm` context, and there every read of a global variable goes
 * through Node's interceptor: `Array.isArray(x)` took 230 ns instead of 2 in a hot loop. The
 * module's code therefore sees these built-ins (the context's own, so `instanceof` is unchanged)
 * as variables of an enclosing function. Only objects no test replaces are taken: not Date or
 * the timers, which fake timers swap. A module that declares one of the names itself simply
 * shadows it.
 */
const BUILTINS = [
  "Array",
  "ArrayBuffer",
  "BigInt",
  "Boolean",
  "Buffer",
  "DataView",
  "Error",
  "Float64Array",
  "Infinity",
  "Int32Array",
  "Intl",
  "JSON",
  "Map",
  "Math",
  "NaN",
  "Number",
  "Object",
  "Promise",
  "RangeError",
  "Reflect",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "TextDecoder",
  "TextEncoder",
  "TypeError",
  "Uint16Array",
  "Uint32Array",
  "Uint8Array",
  "WeakMap",
  "WeakSet",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
].join(", ");

/**
 * File name → what this worker process knows of it: the source last compiled, its first Script
 * and then V8's cached data.
 */
const codeCache = new Map();

function cachingCompile(executor, ownCompile) {
  return function compile(scriptSource, filename) {
    const vmContext = executor.environment.getVmContext();
    if (vmContext == null || executor.resolution.isCoreModule(filename))
      return ownCompile(scriptSource, filename);
    let entry = codeCache.get(filename);
    if (entry === undefined || entry.source !== scriptSource) {
      entry = { source: scriptSource, first: undefined, data: undefined };
      codeCache.set(filename, entry);
    }
    // Taken from the first compile when the file is needed again, so it holds the functions
    // that ran meanwhile too (V8 compiles a function when it is first called).
    if (entry.first !== undefined && entry.data === undefined) {
      entry.data = entry.first.createCachedData();
      entry.first = undefined;
    }
    let script;
    try {
      script = new Script(
        `(function () { const { ${BUILTINS} } = globalThis; return function (${executor.injectedModuleParameters.join(", ")}) {${scriptSource}\n}; })()`,
        {
          filename,
          cachedData: entry.data,
          // As jest-runtime's compile does (it needs Node's --experimental-vm-modules).
          importModuleDynamically: (specifier, _script, importAttributes, phase) =>
            executor.dynamicImport(specifier, filename, vmContext, importAttributes, phase),
        }
      );
    } catch {
      // jest-runtime's own compile reports the error as Jest does.
      return ownCompile(scriptSource, filename);
    }
    if (entry.data === undefined || script.cachedDataRejected) {
      entry.data = undefined;
      entry.first = script;
    }
    return script.runInContext(vmContext);
  };
}

class CodeCachingRuntime extends Runtime {
  constructor(...args) {
    if (args[4] instanceof Map && !(args[4] instanceof PackageSourceCache))
      args[4] = new PackageSourceCache(args[4]);
    super(...args);
    const executor = this.executor;
    if (
      executor &&
      typeof executor.compile === "function" &&
      typeof executor.dynamicImport === "function" &&
      executor.injectedModuleParameters
    )
      executor.compile = cachingCompile(executor, executor.compile.bind(executor));
  }
}

module.exports = CodeCachingRuntime;
