/* global require, __dirname, console */
/**
 * Writes examples/regelforenkling/kl.json: KL's overview of its rule-simplification proposals
 * (KKR Syddanmark's meeting pack, autumn 2023) as one return of the regelforenkling pack: the 73
 * numbered proposals and the one re-submission, with titles and ministries as the overview writes
 * them (its spellings included), and the quantified potentials the proposal notes give.
 * Run: node scripts/lav-regelforenkling-eksempel.js (the committed example is its output).
 */
const fs = require("fs");
const path = require("path");

const OUT = path.join(__dirname, "..", "examples", "regelforenkling");
const T = "regelforenkling.forslag";

const BEM = "Beskæftigelsesministeriet";
const SBAE = "Social-, Bolig- og Ældreministeriet";
const BUM = "Børne- og Ungeministeriet";
const ISM = "Indenrigs- og Sundhedsministeriet";
const ERM = "Erhvervsministeriet";
const ANK = "Ankestyrelsen";
const SST = "Sundhedsstyrelsen";
const STUK = "Styrelsen for Undervisning og Kvalitet (STUK)";
const DT = "Datatilsynet";
const STAR = "Styrelsen for Arbejdsmarked og Rekruttering";

// [nr, overskrift, ministerium eller styrelse, pakke]; nr null for the re-submission.
const LIST = [
  [1, "Bagudbetalt månedsmodel på boligstøtteområdet (UDK)", BEM, 1],
  [2, "Afskaffelse af afgørelse om afslag for ældrechecken for en nærmere bestemt gruppe af borgere (UDK)", BEM, 1],
  [3, "Forenkling eller omlægning af varmetillægget (UDK)", BEM, 1],
  [4, "Ny model for merudgiftsydelser", SBAE, 2],
  [5, "Revision af magtanvendelsesreglerne", SBAE, 2],
  [6, "Regler for årsreguleringer for dagtilbud og SFO skal ensrettes", "Skatteministeriet", 2],
  [7, "Ny model for borgerstyret personlig assistance (BPA)", SBAE, 2],
  [8, "Ændring af betalingsloven mhp. afskaffelse af kontantbetaling", ERM, 2],
  [9, "Styrket undervisning for anbragte og udsatte børn og unge", BUM, 2],
  [10, "Afskaf bindingerne på timetallene for folkeskolens fag", BUM, 2],
  [11, "Afskaf obligatorisk læringstilbud", BUM, 2],
  [12, "Ændring af (lovbestemte) forebyggende hjemmebesøg", SBAE, 2],
  [13, "Afskaf kommunal kontrol af dosispakket medicin", ISM, 2],
  [14, "Afskaf obligatorisk evaluering af den pædagogiske læreplan hvert år", BUM, 2],
  [15, "Forenkling af reglerne for registrering og sanktionering ift. regler om elev-fravær", BUM, 2],
  [16, "Ny vurdering af udsat skolestart", BUM, 2],
  [17, "Lempelse af revision på beskæftigelses- og socialområdet", "Beskæftigelsesområdet", 2],
  [18, "Gentænkt det nationale tilsyn med folkeskolen", BUM, 2],
  [19, "Afskaf mål om 95 pct. kompetencedækning i folkeskolen og dertilhørende krav om indberetning", BUM, 2],
  [20, "Afskaf revisionskrav af Stoploven", ERM, 2],
  [21, "Frokostordning i dagtilbud", BUM, 2],
  [22, "Afskaf årlig godkendelse af kvalitetsstandarder", SBAE, 2],
  [23, "Afskaf indberetningskrav på genoptræningsydelser efter § 140", ISM, 2],
  [24, "Afskaf krav om revisitation af småbørn på 0-6 år hvert halve år", BUM, 2],
  [25, "Ny model for tabt arbejdsfortjeneste", SBAE, 2],
  [26, "Afskaffelse af UPV", BUM, 3],
  [27, "Administration af økonomisk sikkerhedsstillelse", "Udlændinge- og Integrationsministeriet", 3],
  [28, "Udarbejdelse af læreplan i dagtilbud", BUM, 3],
  [29, "Krav om 30 timer ved barsel", BUM, 3],
  [30, "Tilsynspraksis på dagtilbudsområdet", BUM, 3],
  [31, "Parallelssamfundslovgivning: 30 procent-reglen om optag af børn fra udsatte områder", BUM, 3],
  [32, "Parallelssamfundslovgivning: Dobbeltanvisning af børn til udsatte områder", BUM, 3],
  [33, "Forenkling af indberetningspligt til dagtilbudsportalen", BUM, 3],
  [34, "Opgørelse af parkeringsindtægter", ISM, 3],
  [35, "Orienteringspligt i tandplejen", ISM, 3],
  [36, "Samtykke til fissurforsegling i tandplejen", ISM, 3],
  [37, "Samtykke til at hente barn i klassen til behandling i tandplejen", ISM, 3],
  [38, "Værdighedspolitik for den kommunale ældrepleje", SBAE, 3],
  [39, "Udarbejdelse og offentliggørelse af tilsynspolitikker på ældreområdet", SBAE, 3],
  [40, "Afskaf krav om plejehjemsoversigt", SBAE, 3],
  [41, "Forenkling af friplejeboligtakster", SBAE, 3],
  [42, "Faglig vejledning bliver til instruks", "Social- og Boligstyrelsen/Socialtilsynet", 4],
  [43, "National Koordination på socialområdet", "Social- og Boligstyrelsen", 4],
  [44, "Ankestyrelsens tilsyn med kommunerne på det udsatte børne- og ungeområde og handicapområdet", "Det kommunale tilsyn/Ankestyrelsen", 4],
  [45, "Forældrekompetenceundersøgelse", ANK, 4],
  [46, "Børnesagsbarometeret, Handicapsagsbarometeret m.fl.", ANK, 4],
  [47, "Færre dokumentationskrav på socialområdet", ANK, 4],
  [48, "Forløb for mennesker med spiseforstyrrelse", SST, 4],
  [49, "Statslig opfølgning på udvalgte kommuners anvendelse af børnehuse", "Social-, Bolig og Ældreministeriet og SISO", 4],
  [50, "Afskaf muligheden for at indgive bekymringshenvendelser til STPS", "Styrelsen for Patientsikkerhed (STPS)", 4],
  [51, "Opgaveglidning på smerteområdet", SST, 4],
  [52, "Epilepsi - anbefalinger for tværsektorielle forløb", SST, 4],
  [53, "Udkast til handlingsplan for mikrobiel resistens", SST, 4],
  [54, "Indrapportering af data for samlet skole og for afdelinger", "Styrelsen for Uddannelse og Kvalitet (STUK)", 4],
  [55, "STUK's praksis for folkeskoletilsyn", STUK, 4],
  [56, "Tilsynspraksis på dagtilbudsområdet", STUK, 4],
  [57, "Dagtilbudsportal minimumsnormeringer", "Styrelsen for Undervisning og Kvalitet", 4],
  [58, "Bagatelgrænse for anmeldelse af databrud", DT, 4],
  [59, "Borgerserviceopgaver vedr. undtagelse for digital selvbetjening på UDK's områder", `${STAR} (+ Digitaliseringsstyrelsen)`, 4],
  [60, "Fortegnelseskrav er for detaljerede", DT, 4],
  [61, "Overvågning af kommunernes brug af registersammenkørte data", STAR, 4],
  [62, "Forenkling og digitalisering af byggereguleringen (selvstændigt projekt)", `${SBAE} (Social og Boligstyrelsen)`, 5],
  [63, "Afskaf kommunal medfinansiering af boligstøtte", BEM, 6],
  [64, "Lov om bekæmpelse af ungdomskriminalitet", "Justitsministeriet", 6],
  [65, "Hjemmel til selvbetjent kandidatanmeldelse", ISM, 6],
  [66, "Ligestillingslovens §§ 5 og 5a", "Digitaliserings- og ligestillingsministeriet", 6],
  [67, "Tilladelser til udendørs mobile robotter", "Transportministeriet", 6],
  [68, "Manglende certifikater til brug ved RPA-løsninger", "Digitaliserings- og Ligestillingsministeriet", 6],
  [69, "Én opkrævningslov", "Skatteministeriet, Indenrigs- og Sundhedsministeriet m.fl.", 6],
  [70, "Afskaf dokumentationskrav i anonym telefonrådgivning", ISM, 6],
  [71, "Ophævelse af krav om kontering på omkostningsstedsnummer", ISM, 6],
  [72, "Belastning som følge af PFAS", "Miljøministeriet", 6],
  [73, "Praksisforbedringer i klagesagsbehandlingen", ERM, 6],
  [null, "Fortegnelseskrav er for detaljerede", DT, 6],
];

// What the proposal notes say about the potential (own summary), and the figures where they give any.
const POTENTIAL = {
  4: {
    potentiale_tekst: "Det tidligere KORA anslog, at kommunerne i snit havde 1-2 medarbejdere til merudgiftsydelser, svarende til et ressourceforbrug på 80-90 mio. kr.; skønnet er usikkert, og potentialet afhænger af den valgte model.",
    pot_lav: 1,
    pot_hoej: 2,
    pot_enhed: "medarbejdere_pr_kommune",
    pot_kr_lav: 80000000,
    pot_kr_hoej: 90000000,
    pot_kilde: "KORA",
  },
  7: {
    potentiale_tekst: "Kommunerne har udgifter for ca. 80 mio. kr. til administration af BPA (opskrevet til landsplan); et besparelsespotentiale afhænger af den valgte model.",
    pot_enhed: "kvalitativ",
    pot_kilde: "KL",
  },
  9: {
    status: "DUT-forhandlingerne er uafklarede",
    potentiale_tekst: "I DUT-forhandlingerne er der lagt op til en kompensation på ca. 12 mio. kr.; KL vurderer, at omkostningerne nærmere bliver det dobbelte.",
    pot_lav: 12000000,
    pot_hoej: 24000000,
    pot_enhed: "kr_aar",
    pot_kilde: "DUT (12 mio. kr.) og KL (det dobbelte)",
  },
  12: {
    status: "Afleveret til regeringen i forbindelse med ØA2024",
    potentiale_tekst: "Besøgene kan målrettes; potentialet skønnes med usikkerhed til 10-20 mio. kr.",
    pot_lav: 10000000,
    pot_hoej: 20000000,
    pot_enhed: "kr_aar",
    pot_kilde: "KL",
  },
  15: {
    potentiale_tekst: "Varig kompensation på godt 30 mio. kr. til administration i kommunerne og Udbetaling Danmark; dertil ca. 15 mio. kr. til øgede foranstaltninger, som ikke er administration og ikke er medregnet.",
    pot_lav: 30000000,
    pot_enhed: "kr_aar",
    pot_kilde: "Aftale om kompensation",
  },
  16: {
    potentiale_tekst: "Ca. 1.822 flere børn kan få udsat skolestart; alene til møder forudsætter ministeriet 16,4 mio. kr. varigt (23-PL).",
    pot_lav: 16400000,
    pot_enhed: "kr_aar",
    pot_kilde: "Børne- og Undervisningsministeriet (23-PL)",
  },
  20: {
    potentiale_tekst: "Afskaffelse af kravet om revisorpåtegnet indberetning kan frigøre kommunerne for årlige omkostninger på ca. 5 mio. kr.",
    pot_lav: 5000000,
    pot_enhed: "kr_aar",
    pot_kilde: "KL",
  },
  34: {
    potentiale_tekst: "Forslaget kan reducere de administrative udgifter med 1-2 mio. kr. og fjerne dobbelt håndtering af indberetning og erklæring.",
    pot_lav: 1000000,
    pot_hoej: 2000000,
    pot_enhed: "kr_aar",
    pot_kilde: "KL",
  },
  46: {
    potentiale_tekst: "Kommunerne finder og sender godt 1.300 sager om året til Ankestyrelsens undersøgelser (godt 700 til Børnesagsbarometret og godt 600 til det juridiske serviceeftersyn og Handicapbarometeret) uden at blive kompenseret.",
    pot_lav: 1300,
    pot_enhed: "antal",
    pot_kilde: "KL",
  },
  55: {
    potentiale_tekst: "Kalundborg Kommune vurderer tidsforbruget ved det skærpede tilsyn med én folkeskole i en 2-årig periode til ca. 1.160 timer for ledelse, konsulenter og chefer.",
    pot_lav: 1160,
    pot_enhed: "timer_periode",
    pot_periode_aar: 2,
    pot_kilde: "Kalundborg Kommune",
  },
  70: {
    potentiale_tekst: "Finansloven 2022 afsatte 10 mio. kr. over to år til en national telefonisk ammerådgivning.",
    pot_lav: 10000000,
    pot_enhed: "kr_periode",
    pot_periode_aar: 2,
    pot_kilde: "Finansloven 2022",
  },
};

const felter = {};
LIST.forEach(([nr, overskrift, ministerium, pakke], i) => {
  const n = i + 1;
  const set = (field, value) => (felter[`${T}.${n}.${field}`] = value);
  if (nr !== null) set("nr", nr);
  set("overskrift", overskrift);
  set("pakke", pakke);
  set("ministerium", ministerium);
  set("type", pakke === 4 ? "styrelse" : "ministeriel");
  if (nr === null) set("henvisning_nr", 60);
  for (const [field, value] of Object.entries(POTENTIAL[nr] ?? {})) set(field, value);
});

fs.mkdirSync(OUT, { recursive: true });
const body = { kommune: "KL", pakke: "regelforenkling", felter };
fs.writeFileSync(path.join(OUT, "kl.json"), JSON.stringify(body, null, 2) + "\n");
console.log(`${LIST.length} forslag skrevet i ${path.relative(process.cwd(), path.join(OUT, "kl.json"))}`);
