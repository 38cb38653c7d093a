import { VEJL_PCT } from "../common";
import { magtTemplate } from "./magt";

export const magt_aeldre = magtTemplate({
  id: "magt_aeldre",
  name: "Magtanvendelsesregler: plejecentre og hjemmepleje (ældre)",
  shortName: "Magt ældre",
  udfoererTitle: "Ledere og ansatte på plejecentre og i hjemmeplejen",
  gruppe: "ledere og ansatte på plejecentre og i hjemmeplejen",
  udfoererStep: `For ledere og ansatte på plejecentre og i hjemmeplejen: interview ledere og ansatte på 2–4 plejecentre og i hjemmeplejen om deres tidsforbrug på opgaven i de seks år 2018–2023. Beregn det gennemsnitlige antal timer pr. plejecenter for dem, I har talt med, og gang det med antallet af plejecentre i kommunen; så får I det samlede tidsforbrug på tværs af alle plejecentre. Medregn også hjemmeplejens tid. Brug også her procesarket som tjekliste. ${VEJL_PCT}`,
  steder: "plejecentre og hjemmepleje",
  omraade: "ældreområdet",
  registreringssted: "på det enkelte plejehjem eller i hjemmeplejen",
});
