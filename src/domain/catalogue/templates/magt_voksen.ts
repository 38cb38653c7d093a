import { vejlUdfoerer } from "../common";
import { magtTemplate } from "./magt";

export const magt_voksen = magtTemplate({
  id: "magt_voksen",
  name: "Magtanvendelsesregler: botilbud (voksen)",
  shortName: "Magt voksen",
  udfoererTitle: "Ledere og ansatte på botilbud",
  gruppe: "ledere og ansatte på botilbud",
  udfoererStep: vejlUdfoerer(
    "ledere og ansatte på kommunens botilbud",
    "botilbud",
    "de seks år 2018–2023"
  ),
  steder: "botilbud",
  omraade: "voksenområdet (botilbud)",
  registreringssted: "på det enkelte botilbud",
});
