// Used by `npm run lint` (office-addin-lint picks up eslint.config.mjs from the project root).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsEsLint from "typescript-eslint";

// The office-addins "react" preset also registers its own, older copy of the @typescript-eslint
// plugin (ESLint refuses two copies under one key, and the old one breaks on ESLint 9), so take
// the preset's React and core-rule parts only, and typescript-eslint's recommended set itself.
const presetWithoutTs = officeAddins.configs.react.filter((c) => !(c.plugins && c.plugins["@typescript-eslint"]));

export default [
  { ignores: ["dist/**", "dist-web/**", "node_modules/**", "out/**", "coverage/**", "bin/**", "test/stubs/**", "**/*.js", "**/*.mjs"] },
  ...tsEsLint.configs.recommended,
  ...presetWithoutTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    settings: { react: { version: "19" } },
    rules: {
      "no-undef": "off", // TypeScript checks names; the Office, Excel and DOM globals are typed.
      "no-unused-vars": "off",
      "react/react-in-jsx-scope": "off", // React 17+ JSX transform.
      "react/prop-types": "off", // TypeScript types the props.
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];
