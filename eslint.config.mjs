// Used by `npm run lint` (office-addin-lint picks up eslint.config.mjs from the project root).
// The office-addins "react" preset brings typescript-eslint, prettier and React rules; we add the
// office-js correctness rules (no context.sync() in loops, load before read, …) as errors.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// Reuse the preset's own plugin instances (registering a second copy is an error in flat config).
const presetPlugins = Object.assign({}, ...officeAddins.configs.react.map((c) => c.plugins ?? {}));

export default [
  { ignores: ["dist/**", "dist-web/**", "node_modules/**", "out/**", "coverage/**", "bin/**", "test/stubs/**", "**/*.js", "**/*.mjs"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "@typescript-eslint": presetPlugins["@typescript-eslint"], "office-addins": presetPlugins["office-addins"] },
    languageOptions: { parser: tsParser },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      // TypeScript itself checks undefined names.
      "no-undef": "off",
      // The TypeScript rule below knows type signatures (the core rule flags their parameter names in .tsx).
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // ExcelJS code, the CLI and the pure domain never touch office-js; its load/sync rules misfire on ExcelJS cells.
    files: ["src/xlsx/**", "src/cli/**", "src/domain/**", "test/xlsx/**", "test/cli/**", "test/domain/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
];
