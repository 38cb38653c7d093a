/**
 * The pane's navigation as data: two modes, each with its own short, numbered sequence of
 * steps (views). A municipality fills in; a consultant collects and projects.
 */
export type ViewId = "skabeloner" | "udfyld" | "valider" | "indsaml" | "opregn";
export type ModeId = "kommune" | "konsulent";

export interface Step {
  readonly id: ViewId;
  readonly label: string;
}

export interface Mode {
  readonly id: ModeId;
  readonly label: string;
  /** One line under the header saying what this mode is for. */
  readonly hint: string;
  readonly steps: readonly Step[];
}

export const MODES: readonly Mode[] = [
  {
    id: "kommune",
    label: "Kommune",
    hint: "Indsæt skabelonerne, udfyld dem, og ret det, valideringen finder.",
    steps: [
      { id: "skabeloner", label: "Skabeloner" },
      { id: "udfyld", label: "Udfyld" },
      { id: "valider", label: "Valider" },
    ],
  },
  {
    id: "konsulent",
    label: "Konsulent",
    hint: "Indsaml kommunernes svar, og opregn dem til hele landet.",
    steps: [
      { id: "indsaml", label: "Indsaml" },
      { id: "opregn", label: "Opregn" },
    ],
  },
];

export function modeOf(view: ViewId): Mode {
  return MODES.find((m) => m.steps.some((s) => s.id === view)) ?? MODES[0];
}

export function stepLabel(view: ViewId): string {
  return MODES.flatMap((m) => m.steps).find((s) => s.id === view)?.label ?? view;
}
