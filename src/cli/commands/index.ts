import type { Command } from "commander";
import type { CliIo } from "../io";
import { registerKatalog } from "./katalog";
import { registerLaes } from "./laes";
import { registerOpregn } from "./opregn";
import { registerPakke, registerPakker } from "./pakke";
import { registerSkabelon } from "./skabelon";
import { registerUdfyld } from "./udfyld";
import { registerValider } from "./valider";

/** Adds one command (with its options and action) to the program. */
export type RegisterCommand = (program: Command, io: CliIo) => void;

/**
 * Every `byrde` command, in the order `byrde --help` lists them. To add a command, write
 * `commands/<navn>.ts` exporting a RegisterCommand and add it here.
 */
export const COMMANDS: readonly RegisterCommand[] = [
  registerPakker,
  registerPakke,
  registerKatalog,
  registerSkabelon,
  registerUdfyld,
  registerLaes,
  registerValider,
  registerOpregn,
];
