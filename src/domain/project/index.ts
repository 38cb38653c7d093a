export * from "./arithmetic";
export * from "./primitives";
export * from "./stats";
export * from "./inputs";
export * from "./expr";
export * from "./definitions";
export * from "./engine";
export * from "./component";
export * from "./quality";
export * from "./extras";
export * from "./tal";

import { defaultPack } from "../pakker";
import type { MethodDef } from "./definitions";
import { projectionOf } from "./component";

/** kl2024's nine nedslagspunkter (the default pack's projection), in the report's order. */
export const METHODS: readonly MethodDef[] = projectionOf(defaultPack())!.methods;

export function getMethod(id: string): MethodDef | undefined {
  return METHODS.find((m) => m.id === id);
}
