/**
 * *Opregn*: not built yet. It waits for the projection issue's report builder (src/domain/report)
 * so that the pane writes the same sheets and formulas as the CLI.
 */
import * as React from "react";
import { Text } from "@fluentui/react-components";

export default function Opregn(): React.JSX.Element {
  return <Text>Opregningen er ikke færdig i ruden endnu. Brug indtil videre »byrde opregn« på kommandolinjen.</Text>;
}
