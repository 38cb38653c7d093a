/**
 * Registers the commands (actions.ts) with Office in the shared runtime: ribbon buttons and
 * keyboard shortcuts both call `Office.actions.associate`d functions. Each shows the task pane
 * (`Office.addin.showAsTaskpane`) and hands the command to it.
 */
import { COMMANDS, dispatch, type CommandDef } from "./actions";

async function perform(c: CommandDef, event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // The pane may be open already, or the host shows it by itself.
  }
  dispatch(c);
  event?.completed();
}

export function registerCommands(): void {
  if (typeof Office === "undefined" || !Office.actions?.associate) return;
  for (const c of COMMANDS) {
    Office.actions.associate(c.id, (event?: Office.AddinCommands.Event) => perform(c, event));
  }
}
