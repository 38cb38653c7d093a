/* global CustomFunctions */
/**
 * Byrdeberegner's custom functions in the namespace BYRDE. The JSDoc below is the metadata
 * (CustomFunctionsMetadataPlugin turns it into functions.json): `@customfunction ID NAVN` gives
 * an ASCII id and the Danish name users type, e.g. =BYRDE.ÅRSVÆRK(B2:B10). Parameter names are
 * the ones Excel shows in its tooltip, hence Danish identifiers.
 *
 * Each function only hands its arguments to ./core (range handling over src/domain) and turns
 * a failure into an Excel error. `@helpurl` opens the function's entry on the add-in's help page
 * (funktioner.html, generated from this file's metadata at build time); the range functions ask
 * Excel for their arguments' addresses (`@requiresParameterAddresses`), so an error message names
 * the real cell ("timer (Ark1!B7) indeholder teksten …") instead of a position in the range. Excel shows a custom message only for #VALUE! (and #N/A);
 * #DIV/0! and #NUM! carry none, so their causes are documented in the README.
 */
import type { Pack } from "../domain/pack/model";
import * as core from "./core";

let ratePackLoading: Promise<Pack> | undefined;

/**
 * rammeaftale_li, whose tables the rate functions (TILSYNSTAKST, EFTERREGULERING, LEDSAGELSE1
 * and 2) read, loaded on the first call of one of them. The pack and its loader (zod) are then
 * not in the bundle Excel loads at start with every function: functions.js is 14 KB gzipped
 * instead of 76. Those four functions are asynchronous; Excel shows their result when it comes.
 */
function ratePack(): Promise<Pack> {
  ratePackLoading ??= import("../domain/pakker/rammeaftale").then((m) => m.rammeaftalePack());
  return ratePackLoading;
}

function toExcelError(e: core.CellError): CustomFunctions.Error {
  switch (e.error) {
    case "div0":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case "num":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "na":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, e.message);
    default:
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
  }
}

/** A whole-call result: the value, or an Excel error thrown. */
function result<T>(r: T | core.CellError): T {
  if (core.isCellError(r)) throw toExcelError(r);
  return r;
}

/**
 * One number as a 1 × 1 range: Excel gives parameter addresses only to functions whose result is
 * a matrix, and a one-cell result shows as the number.
 */
function single(r: number | core.CellError): number[][] {
  return [[result(r)]];
}

/** The first argument's address, where Excel gave it (@requiresParameterAddresses). */
function firstAddress(invocation?: CustomFunctions.Invocation): string | undefined {
  return invocation?.parameterAddresses?.[0] ?? undefined;
}

/** A range result: errors in single cells become Excel errors in those cells. */
function matrix(r: core.Matrix | core.CellError): any[][] {
  const m: any[][] = result(r);
  // The matrix is core's fresh output: replace error cells in place rather than copy 100 000 rows.
  for (const row of m) {
    for (let c = 0; c < row.length; c++)
      if (core.isCellError(row[c])) row[c] = toExcelError(row[c]);
  }
  return m;
}

/**
 * Omregner timer til årsværk: timer / timer_pr_årsværk. Tager et område og giver et lige så stort område. Tomme celler forbliver tomme.
 * @customfunction AARSVAERK ÅRSVÆRK
 * @param timer Timer (en celle eller et område). Tekst giver #VÆRDI!, negative timer #NUM!.
 * @param [timer_pr_årsværk] Timer pr. effektivt årsværk (standard 1400).
 * @param invocation Excel's call context (the cells' addresses).
 * @returns Årsværk i samme form som timer.
 * @helpurl https://localhost:3000/funktioner.html#AARSVAERK
 * @requiresParameterAddresses
 */
export function aarsvaerkFn(
  timer: any[][],
  timer_pr_årsværk?: number,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return matrix(core.aarsvaerkRange(timer, timer_pr_årsværk, firstAddress(invocation)));
}

/**
 * Omregner årsværk til timer: årsværk × timer_pr_årsværk. Tager et område og giver et lige så stort område. Tomme celler forbliver tomme.
 * @customfunction TIMER TIMER
 * @param årsværk Årsværk (en celle eller et område). Tekst giver #VÆRDI!, negative årsværk #NUM!.
 * @param [timer_pr_årsværk] Timer pr. effektivt årsværk (standard 1400).
 * @param invocation Excel's call context (the cells' addresses).
 * @returns Timer i samme form som årsværk.
 * @helpurl https://localhost:3000/funktioner.html#TIMER
 * @requiresParameterAddresses
 */
export function timerFn(
  årsværk: any[][],
  timer_pr_årsværk?: number,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return matrix(core.timerRange(årsværk, timer_pr_årsværk, firstAddress(invocation)));
}

/**
 * Gennemsnit pr. enhed: gennemsnittet over kommunerne af byrde / enheder. Rækker hvor en af cellerne er tom eller enheder er 0, springes over.
 * @customfunction GNS.PR.ENHED GNS.PR.ENHED
 * @param byrde Byrden pr. kommune (fx timer), én celle pr. kommune.
 * @param enheder Antal enheder pr. kommune (fx sager), samme antal celler som byrde.
 * @returns Gennemsnitlig byrde pr. enhed.
 * @helpurl https://localhost:3000/funktioner.html#GNS.PR.ENHED
 */
export function gnsPrEnhedFn(byrde: any[][], enheder: any[][]): number {
  return result(core.gnsPrEnhed(byrde, enheder));
}

/**
 * Opregner til landsplan i årsværk: gennemsnit af byrde / enheder × landstal / timer_pr_årsværk. Tomme rækker springes over.
 * @customfunction OPREGN OPREGN
 * @param byrde Byrden pr. kommune i timer, én celle pr. kommune.
 * @param enheder Antal enheder pr. kommune, samme antal celler som byrde.
 * @param landstal Antal enheder på landsplan.
 * @param [timer_pr_årsværk] Timer pr. effektivt årsværk (standard 1400; brug 1 for byrder opgjort i årsværk).
 * @param [medtag] SAND/FALSK pr. kommune: FALSK udelader kommunen (tom celle = SAND).
 * @returns Årsværk på landsplan.
 * @helpurl https://localhost:3000/funktioner.html#OPREGN
 */
export function opregnFn(
  byrde: any[][],
  enheder: any[][],
  landstal: number,
  timer_pr_årsværk?: number,
  medtag?: any[][]
): number {
  return result(core.opregn(byrde, enheder, landstal, timer_pr_årsværk, medtag));
}

/**
 * Totrinsopregning: gennemsnit af byrde pr. enhed × (sum af enheder / sum af grundlag × landsgrundlag) / timer_pr_årsværk.
 * @customfunction OPREGN.TOTRIN OPREGN.TOTRIN
 * @param byrde_pr_enhed Timer pr. enhed pr. kommune (fx timer pr. tilsyn); tomme celler springes over.
 * @param enheder Antal enheder pr. kommune (fx tilsyn).
 * @param grundlag Grundlaget pr. kommune (fx dagtilbud), samme antal celler som enheder.
 * @param landsgrundlag Grundlaget på landsplan (fx dagtilbud i hele landet).
 * @param [timer_pr_årsværk] Timer pr. effektivt årsværk (standard 1400).
 * @returns Årsværk på landsplan.
 * @helpurl https://localhost:3000/funktioner.html#OPREGN.TOTRIN
 */
export function opregnTotrinFn(
  byrde_pr_enhed: any[][],
  enheder: any[][],
  grundlag: any[][],
  landsgrundlag: number,
  timer_pr_årsværk?: number
): number {
  return result(
    core.opregnTotrin(byrde_pr_enhed, enheder, grundlag, landsgrundlag, timer_pr_årsværk)
  );
}

/**
 * Rapportens spænd som tekst: afrundet værdi ± procent, fx 84 giver "76-92 (84)".
 * @customfunction SPAEND SPÆND
 * @param værdi Tallet spændet lægges om (fx stigningen i årsværk).
 * @param [procent] Procent til hver side (standard 10).
 * @returns Tekst som "76-92 (84)".
 * @helpurl https://localhost:3000/funktioner.html#SPAEND
 */
export function spaendFn(værdi: number, procent?: number): string {
  return result(core.spaendTekst(værdi, procent));
}

/**
 * Spændets nedre grænse: AFRUND(værdi × (1 − procent/100)).
 * @customfunction SPAEND.LAV SPÆND.LAV
 * @param værdi Tallet spændet lægges om.
 * @param [procent] Procent til hver side (standard 10).
 * @returns Nedre grænse, afrundet til helt tal.
 * @helpurl https://localhost:3000/funktioner.html#SPAEND.LAV
 */
export function spaendLavFn(værdi: number, procent?: number): number {
  return result(core.spaendLav(værdi, procent));
}

/**
 * Spændets øvre grænse: AFRUND(værdi × (1 + procent/100)).
 * @customfunction SPAEND.HOEJ SPÆND.HØJ
 * @param værdi Tallet spændet lægges om.
 * @param [procent] Procent til hver side (standard 10).
 * @returns Øvre grænse, afrundet til helt tal.
 * @helpurl https://localhost:3000/funktioner.html#SPAEND.HOEJ
 */
export function spaendHoejFn(værdi: number, procent?: number): number {
  return result(core.spaendHoej(værdi, procent));
}

/**
 * Foreslår afvigere: SAND hvor den modificerede z-værdi numerisk overstiger grænsen. Under 4 værdier eller MAD = 0 giver FALSK overalt.
 * @customfunction AFVIGER AFVIGER
 * @param værdier Værdierne (fx timer pr. sag pr. kommune); tomme celler tæller ikke med og får FALSK.
 * @param [grænse] Grænse for den modificerede z-værdi (standard 3,5).
 * @param invocation Excel's call context (the cells' addresses).
 * @returns SAND/FALSK i samme form som værdier.
 * @helpurl https://localhost:3000/funktioner.html#AFVIGER
 * @requiresParameterAddresses
 */
export function afvigerFn(
  værdier: any[][],
  grænse?: number,
  invocation?: CustomFunctions.Invocation
): boolean[][] {
  return result(core.afviger(værdier, grænse, firstAddress(invocation)));
}

/**
 * Tjekker at procentfordelingen i en blok summer til 100 (± 1): giver "OK" eller en besked om, hvad blokken summer til.
 * @customfunction FORDELING FORDELING
 * @param procenter Blokkens procentceller; tomme celler springes over, og en helt tom blok er OK.
 * @returns "OK" eller en dansk besked.
 * @helpurl https://localhost:3000/funktioner.html#FORDELING
 */
export function fordelingFn(procenter: any[][]): string {
  return result(core.fordeling(procenter));
}

/**
 * Stigning fra basisår til slutår: slut − basis. En tom basis tæller som 0 (nyt nedslagspunkt).
 * @customfunction STIGNING STIGNING
 * @param basis Tallet i basisåret.
 * @param slut Tallet i slutåret.
 * @returns Stigningen.
 * @helpurl https://localhost:3000/funktioner.html#STIGNING
 */
export function stigningFn(basis: number, slut: number): number {
  return result(core.stigning(basis, slut));
}

/**
 * Varigheden af et tidsrum i minutter; et tidsrum over midnat (fx 23:00 til 07:00) regnes ind i næste døgn. Tom, når start eller slut er tom.
 * @customfunction VARIGHED VARIGHED
 * @param start Starttidspunktet: et klokkeslæt (fx 23:00) eller teksten "tt:mm".
 * @param slut Sluttidspunktet; før start betyder næste døgn. Samme klokkeslæt som start giver #NUM!.
 * @returns Minutter.
 * @helpurl https://localhost:3000/funktioner.html#VARIGHED
 */
export function varighedFn(start: any, slut: any): any {
  return result(core.varighed(start, slut));
}

/**
 * Omregnet tidsforbrug for én borger: minutter × personale / borgere (ved 1:4 en fjerdedel). Tom, når minutter er tom.
 * @customfunction OMREGNET OMREGNET
 * @param minutter Tidsrummets varighed i minutter.
 * @param borgere Antal borgere i gruppen (et helt tal på mindst 1, ellers #NUM!).
 * @param [personale] Antal personaler (standard 1; 2 ved dobbeltbemanding).
 * @returns Minutter for den enkelte borger.
 * @helpurl https://localhost:3000/funktioner.html#OMREGNET
 */
export function omregnetFn(minutter: any, borgere: any, personale?: any): any {
  return result(core.omregnet(minutter, borgere, personale));
}

/**
 * Gruppetid: en borgers minutter i et tidsrum med en normering som "1:4" (personale:borgere) = OMREGNET(VARIGHED(start; slut); borgere; personale).
 * @customfunction GRUPPETID GRUPPETID
 * @param start Starttidspunktet (klokkeslæt eller "tt:mm").
 * @param slut Sluttidspunktet (før start betyder næste døgn).
 * @param normering Personale:borgere som tekst, fx "1:1" eller "1:4"; andet giver #VÆRDI!.
 * @returns Minutter for den enkelte borger.
 * @helpurl https://localhost:3000/funktioner.html#GRUPPETID
 */
export function gruppetidFn(start: any, slut: any, normering: any): any {
  return result(core.gruppetid(start, slut, normering));
}

/**
 * Budgetteret timepris for en støttetime: løn × (1 + tillæg/100) / (fremmødetimer × ata_pct/100).
 * @customfunction TIMEPRIS TIMEPRIS
 * @param løn_pr_årsværk Gennemsnitlig lønomkostning pr. årsværk i kroner.
 * @param fremmødetimer Fremmødetimer pr. årsværk (årsnorm minus fravær).
 * @param ata_pct ATA-andelen af fremmødetiden i procent (over 0 og højst 100, ellers #NUM!).
 * @param [tillæg_pct] Tillæg for øvrige udgifter i procent af lønnen (standard 0).
 * @returns Kroner pr. støttetime.
 * @helpurl https://localhost:3000/funktioner.html#TIMEPRIS
 */
export function timeprisFn(
  løn_pr_årsværk: number,
  fremmødetimer: number,
  ata_pct: number,
  tillæg_pct?: number
): number {
  return result(core.timepris(løn_pr_årsværk, fremmødetimer, ata_pct, tillæg_pct));
}

/**
 * ATA-timer pr. årsværk: årsnorm − fravær − øvrige aktiviteter. Et resultat på 0 eller derunder giver #NUM!.
 * @customfunction ATATIMER ATATIMER
 * @param årsnorm Årsnormen pr. årsværk i timer.
 * @param fravær Fravær i timer (en celle eller et område, som lægges sammen).
 * @param øvrige Øvrige aktiviteter i timer (en celle eller et område, som lægges sammen).
 * @returns Timer sammen med borgerne pr. årsværk.
 * @helpurl https://localhost:3000/funktioner.html#ATATIMER
 */
export function atatimerFn(årsnorm: number, fravær: any[][], øvrige: any[][]): number {
  return result(core.atatimer(årsnorm, fravær, øvrige));
}

/**
 * Ydelsesniveau (bostøtte) for støttetimer pr. uge: 0 under niveau 1, ellers 1, 2 eller 3. En grænseværdi hører til det laveste niveau. Tom, når timerne er tomme.
 * @customfunction YDELSESNIVEAU YDELSESNIVEAU
 * @param timer_pr_uge Støttetimer pr. uge (negativ giver #NUM!).
 * @param [grænser] Tre grænser i timer pr. uge (standard 0,75; 2,5; 4).
 * @returns 0, 1, 2 eller 3.
 * @helpurl https://localhost:3000/funktioner.html#YDELSESNIVEAU
 */
export function ydelsesniveauFn(timer_pr_uge: any, grænser?: any[][]): any {
  return result(core.ydelsesniveau(timer_pr_uge, grænser));
}

/**
 * Leveringsgrad: leverede timer i procent af visiterede. Tom, når leveret er tom.
 * @customfunction LEVERINGSGRAD LEVERINGSGRAD
 * @param leveret Leverede støttetimer.
 * @param visiteret Visiterede støttetimer i samme periode (0 giver #DIVISION/0!).
 * @returns Procent.
 * @helpurl https://localhost:3000/funktioner.html#LEVERINGSGRAD
 */
export function leveringsgradFn(leveret: any, visiteret: any): any {
  return result(core.leveringsgrad(leveret, visiteret));
}

/**
 * Enhedsudgift: udgift / brugere. Giver #I/T med årsagen (kun brugere, kun udgifter, hverken udgifter eller brugere), når ikke begge er over 0; aldrig 0.
 * @customfunction ENHEDSUDGIFT ENHEDSUDGIFT
 * @param udgift Nettodriftsudgiften (kr.); tom tæller som 0.
 * @param brugere Brugerne (fx helårsbrugere); tom tæller som 0, negative giver #NUM!.
 * @returns Udgiften pr. bruger.
 * @helpurl https://localhost:3000/funktioner.html#ENHEDSUDGIFT
 */
export function enhedsudgiftFn(udgift: any, brugere: any): number {
  return result(core.enhedsudgift(udgift, brugere));
}

/**
 * Uvægtet gennemsnit af enhedsudgifterne: gennemsnittet af udgift / brugere over kommunerne med både udgifter og brugere over 0.
 * @customfunction UVAEGTET UVÆGTET
 * @param udgifter Udgiften pr. kommune, én celle pr. kommune.
 * @param brugere Brugerne pr. kommune, samme antal celler som udgifter.
 * @returns Gennemsnitlig enhedsudgift (hver kommune tæller lige meget).
 * @helpurl https://localhost:3000/funktioner.html#UVAEGTET
 */
export function uvaegtetFn(udgifter: any[][], brugere: any[][]): number {
  return result(core.uvaegtet(udgifter, brugere));
}

/**
 * Vægtet gennemsnit af enhedsudgifterne: summen af udgifter / summen af brugere, over alle kommuner eller kun dem med både udgifter og brugere over 0.
 * @customfunction VAEGTET VÆGTET
 * @param udgifter Udgiften pr. kommune, én celle pr. kommune.
 * @param brugere Brugerne pr. kommune, samme antal celler som udgifter.
 * @param [kun_inkluderede] SAND: kun kommuner med både udgifter og brugere over 0 (standard FALSK: alle kommuner).
 * @returns Udgift pr. bruger for kommunerne samlet.
 * @helpurl https://localhost:3000/funktioner.html#VAEGTET
 */
export function vaegtetFn(udgifter: any[][], brugere: any[][], kun_inkluderede?: any): number {
  return result(core.vaegtet(udgifter, brugere, kun_inkluderede));
}

/**
 * Percentil af enhedsudgifterne (som FRAKTIL.MEDTAG) over kommunerne med både udgifter og brugere over 0; #I/T når færre end min_n kommuner indgår.
 * @customfunction PERCENTIL PERCENTIL
 * @param udgifter Udgiften pr. kommune, én celle pr. kommune.
 * @param brugere Brugerne pr. kommune, samme antal celler som udgifter.
 * @param p Percentilen mellem 0 og 1 (fx 0,1 for 10. percentil).
 * @param [min_n] Mindste antal kommuner, før percentilen vises (standard 10).
 * @returns Enhedsudgiften ved percentilen.
 * @helpurl https://localhost:3000/funktioner.html#PERCENTIL
 */
export function percentilFn(
  udgifter: any[][],
  brugere: any[][],
  p: number,
  min_n?: number
): number {
  return result(core.percentil(udgifter, brugere, p, min_n));
}

/**
 * Helårsbrugere af forløb: summen over personerne af dagene i året, deres forløb dækker, delt med dage. Overlappende forløb for samme person tæller én gang; tom slutdato = igangværende.
 * @customfunction HELAARSBRUGERE HELÅRSBRUGERE
 * @param personer Personens nøgle pr. forløb (ét delområde ad gangen).
 * @param start Forløbets startdato, samme antal celler som personer.
 * @param slut Forløbets slutdato (medregnes); tom hvis forløbet er igangværende.
 * @param år Året der tælles.
 * @param [dage] Dage i et helt år (standard årets dage, 365 eller 366).
 * @param invocation Excel's call context (the cells' addresses).
 * @returns Antal helårsbrugere (ét tal; som område af én celle, så fejl kan nævne cellens adresse).
 * @helpurl https://localhost:3000/funktioner.html#HELAARSBRUGERE
 * @requiresParameterAddresses
 */
export function helaarsbrugereFn(
  personer: any[][],
  start: any[][],
  slut: any[][],
  år: number,
  dage?: number,
  invocation?: CustomFunctions.Invocation
): number[][] {
  return single(
    core.helaarsbrugere(personer, start, slut, år, dage, invocation?.parameterAddresses ?? [])
  );
}

/**
 * Unikke brugere af forløb: antal forskellige personer med mindst én dag i året.
 * @customfunction UNIKKE.BRUGERE UNIKKE.BRUGERE
 * @param personer Personens nøgle pr. forløb (ét delområde ad gangen).
 * @param start Forløbets startdato, samme antal celler som personer.
 * @param slut Forløbets slutdato (medregnes); tom hvis forløbet er igangværende.
 * @param år Året der tælles.
 * @param invocation Excel's call context (the cells' addresses).
 * @returns Antal personer.
 * @helpurl https://localhost:3000/funktioner.html#UNIKKE.BRUGERE
 * @requiresParameterAddresses
 */
export function unikkeBrugereFn(
  personer: any[][],
  start: any[][],
  slut: any[][],
  år: number,
  invocation?: CustomFunctions.Invocation
): number[][] {
  return single(
    core.unikkeBrugere(personer, start, slut, år, invocation?.parameterAddresses ?? [])
  );
}

/**
 * Brugere pr. 31.12: antal personer med et forløb, der dækker årets sidste dag (også forløb, der starter eller slutter den dag).
 * @customfunction BRUGERE.ULTIMO BRUGERE.ULTIMO
 * @param personer Personens nøgle pr. forløb (ét delområde ad gangen).
 * @param start Forløbets startdato, samme antal celler som personer.
 * @param slut Forløbets slutdato (medregnes); tom hvis forløbet er igangværende.
 * @param år Året der tælles.
 * @param invocation Excel's call context (the cells' addresses).
 * @returns Antal personer.
 * @helpurl https://localhost:3000/funktioner.html#BRUGERE.ULTIMO
 * @requiresParameterAddresses
 */
export function brugereUltimoFn(
  personer: any[][],
  start: any[][],
  slut: any[][],
  år: number,
  invocation?: CustomFunctions.Invocation
): number[][] {
  return single(
    core.brugereUltimo(personer, start, slut, år, invocation?.parameterAddresses ?? [])
  );
}

/**
 * Socialtilsyn Midts takst for et tilbud: opslag efter antal pladser (1–7, 8–24, 25–49, 50+), opgave og år i pakken rammeaftale_li's takster.
 * @customfunction TILSYNSTAKST TILSYNSTAKST
 * @param pladser Tilbuddets antal pladser (mindst 1).
 * @param opgave "tilsyn" (pr. år), "skærpet" (pr. måned), "ny" (ny godkendelse) eller "ændring" (væsentlig ændring).
 * @param år Taksternes år, fx 2019; et år uden takster giver #VÆRDI!.
 * @returns Taksten i kr.
 * @helpurl https://localhost:3000/funktioner.html#TILSYNSTAKST
 */
export async function tilsynstakstFn(pladser: number, opgave: string, år: number): Promise<number> {
  return result(core.tilsynstakst(await ratePack(), pladser, opgave, år));
}

/**
 * Ændring i faste priser: beløb_nu / (beløb_før × pl_faktor) − 1, som brøk (formatér som procent).
 * @customfunction FASTEPRISER FASTEPRISER
 * @param beløb_nu Beløbet i året.
 * @param beløb_før Beløbet året før.
 * @param pl_faktor Pris- og lønfaktoren fra året før til året, fx 1,0197.
 * @returns Ændringen som brøk.
 * @helpurl https://localhost:3000/funktioner.html#FASTEPRISER
 */
export function fastepriserFn(beløb_nu: number, beløb_før: number, pl_faktor: number): number {
  return result(core.fastepriser(beløb_nu, beløb_før, pl_faktor));
}

/**
 * Gennemsnitspris pr. plads pr. år i kr.: regnskab (1.000 kr.) × 1.000 / belægning.
 * @customfunction PRISPRPLADS PRISPRPLADS
 * @param regnskab_tkr Årets omkostninger i 1.000 kr.
 * @param belægning Gennemsnitligt belagte pladser i året; 0 giver #DIVISION/0!.
 * @returns Kr. pr. plads pr. år.
 * @helpurl https://localhost:3000/funktioner.html#PRISPRPLADS
 */
export function prisPrPladsFn(regnskab_tkr: number, belægning: number): number {
  return result(core.prisPrPlads(regnskab_tkr, belægning));
}

/**
 * Takstudvikling: pris_nu / pris_før − 1, som brøk (formatér som procent). Uden pris i året (belægning 0) giver den #I/T »udgået«.
 * @customfunction TAKSTUDVIKLING TAKSTUDVIKLING
 * @param pris_før Prisen pr. plads året før (i årets priser).
 * @param pris_nu Prisen pr. plads i året; tom eller 0 giver #I/T (udgået).
 * @returns Udviklingen som brøk.
 * @helpurl https://localhost:3000/funktioner.html#TAKSTUDVIKLING
 */
export function takstudviklingFn(pris_før: number, pris_nu: number): number {
  return result(core.takstudvikling(pris_før, pris_nu));
}

/**
 * Belægningsgrad: summen af forbrug / summen af normering over de rækker, hvor begge er udfyldt, som brøk (formatér som procent; over 100 % er overbelægning).
 * @customfunction BELAEGNINGSPCT BELÆGNINGSPCT
 * @param forbrug Belægningsdøgn (en celle eller et område).
 * @param normering Mulige døgn, lige så mange celler som forbrug.
 * @returns Belægningsgraden som brøk.
 * @helpurl https://localhost:3000/funktioner.html#BELAEGNINGSPCT
 */
export function belaegningsPctFn(forbrug: any[][], normering: any[][]): number {
  return result(core.belaegningsPct(forbrug, normering));
}

/**
 * Objektiv finansiering: takst pr. indbygger × antal indbyggere.
 * @customfunction OBJFIN OBJFIN
 * @param sats Takst pr. indbygger i kr., fx 27,79.
 * @param indbyggere Kommunens antal indbyggere.
 * @returns Kommunens opkrævning i kr.
 * @helpurl https://localhost:3000/funktioner.html#OBJFIN
 */
export function objfinFn(sats: number, indbyggere: number): number {
  return result(core.objfin(sats, indbyggere));
}

/**
 * Efterregulering med selvrisiko: fortegn(resultat) × maks(0; |resultat| − selvrisiko × grundlag). Driftsherren bærer de første 5 % af et underskud og beholder de første 5 % af et overskud.
 * @customfunction EFTERREGULERING EFTERREGULERING
 * @param resultat Årets resultat (overskud positivt, underskud negativt).
 * @param grundlag Det beløb, selvrisikoen regnes af (fx budgettet).
 * @param [selvrisiko] Selvrisikoen som brøk (standard 5 %, pakkens indstilling).
 * @returns Efterreguleringen (samme fortegn som resultatet).
 * @helpurl https://localhost:3000/funktioner.html#EFTERREGULERING
 */
export async function efterreguleringFn(
  resultat: number,
  grundlag: number,
  selvrisiko?: number
): Promise<number> {
  return result(core.efterregulering(await ratePack(), resultat, grundlag, selvrisiko));
}

/**
 * Ledsagelse på ferie, model 1 (tillægstakster): timer × timetaksten med administration (5,4 %), rundet til hele kroner.
 * @customfunction LEDSAGELSE1 LEDSAGELSE1
 * @param timer Antal timer af typen (for alle medarbejdere).
 * @param sats Timetakst i kr. eller satsens navn: "dag", "nat" eller "ledsager".
 * @param [år] Satsernes år (standard: det seneste år i pakken).
 * @returns Betalingen i kr.
 * @helpurl https://localhost:3000/funktioner.html#LEDSAGELSE1
 */
export async function ledsagelse1Fn(timer: number, sats: any, år?: number): Promise<number> {
  return result(core.ledsagelse1(await ratePack(), timer, sats, år));
}

/**
 * Ledsagelse på ferie, model 2 (koloniaftalen): beboerens egenbetaling = løn + kolonitillæg + time- og dagpenge + overhead − sparet vikardækning.
 * @customfunction LEDSAGELSE2 LEDSAGELSE2
 * @param timer_koloni Timer efter koloniaftalen, for alle medarbejdere.
 * @param påbegyndte_døgn Påbegyndte døgn med kolonitillæg pr. medarbejder.
 * @param hele_døgn Hele døgn med dagpenge pr. medarbejder.
 * @param resttimer Resttimer med timepenge pr. medarbejder.
 * @param medarbejdere Antal ledsagende medarbejdere.
 * @param [besparelse_pr_time] Sparet økonomi ved vikardækning i kr. pr. time (trækkes fra).
 * @param [år] Satsernes år (standard: det seneste år i pakken).
 * @param [overhead] Overhead i kr., der erstatter den beregnede (6,1 % af lønnen).
 * @returns Egenbetalingen i kr.
 * @helpurl https://localhost:3000/funktioner.html#LEDSAGELSE2
 */
export async function ledsagelse2Fn(
  timer_koloni: number,
  påbegyndte_døgn: number,
  hele_døgn: number,
  resttimer: number,
  medarbejdere: number,
  besparelse_pr_time?: number,
  år?: number,
  overhead?: number
): Promise<number> {
  return result(
    core.ledsagelse2(
      await ratePack(),
      timer_koloni,
      påbegyndte_døgn,
      hele_døgn,
      resttimer,
      medarbejdere,
      besparelse_pr_time,
      år,
      overhead
    )
  );
}

// Registration: CustomFunctionsMetadataPlugin's loader appends `CustomFunctions.associate(ID, fn)`
// for every @customfunction above when webpack builds this file, so the ids and the
// functions cannot drift apart (test/functions/metadata.test.ts checks the generated list).
