// Placeholder until the task-pane issue lands: renders a Danish notice.
import * as React from "react";
import { createRoot } from "react-dom/client";

function App(): React.JSX.Element {
  return <p>Byrdeberegner indlæses …</p>;
}

const container = document.getElementById("container");
if (container) createRoot(container).render(<App />);
