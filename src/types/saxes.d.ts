/**
 * The part of saxes 6 this project uses. saxes' own declarations do not compile under
 * TypeScript 5.9 with `skipLibCheck: false` (generic handler types miss their constraint), so
 * tsconfig.json maps the module name "saxes" to this file for type checking only; the code that
 * runs is saxes itself.
 */
export interface SaxesTagPlain {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly isSelfClosing: boolean;
}

export interface SaxesOptions {
  readonly xmlns?: false;
  readonly position?: boolean;
  readonly fileName?: string;
}

export declare class SaxesParser {
  constructor(options?: SaxesOptions);
  on(name: "opentag" | "closetag", handler: (tag: SaxesTagPlain) => void): void;
  on(name: "text" | "doctype", handler: (text: string) => void): void;
  write(chunk: string | null): this;
  close(): this;
}
