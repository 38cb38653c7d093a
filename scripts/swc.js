/* global module */
/**
 * How swc compiles our TypeScript, for both users of it: webpack (swc-loader, the task pane and
 * the functions) and Jest (@swc/jest, the tests). Each file on its own, types stripped (the type
 * check is `npm run typecheck`), React's automatic JSX runtime, ES2022 as tsconfig.json targets.
 * swc-loader leaves imports as ES modules for webpack; @swc/jest makes them CommonJS.
 */
module.exports = {
  jsc: {
    parser: { syntax: "typescript", tsx: true },
    transform: { react: { runtime: "automatic" } },
    target: "es2022",
  },
};
