/** Denmark's 98 municipalities with their official kommunekode and region. */

export type Region = "Hovedstaden" | "Sjælland" | "Syddanmark" | "Midtjylland" | "Nordjylland";

export interface Kommune {
  readonly kode: number;
  readonly navn: string;
  readonly region: Region;
}

const H: Region = "Hovedstaden";
const S: Region = "Sjælland";
const SD: Region = "Syddanmark";
const M: Region = "Midtjylland";
const N: Region = "Nordjylland";

const rows: ReadonlyArray<readonly [number, string, Region]> = [
  [101, "København", H],
  [147, "Frederiksberg", H],
  [151, "Ballerup", H],
  [153, "Brøndby", H],
  [155, "Dragør", H],
  [157, "Gentofte", H],
  [159, "Gladsaxe", H],
  [161, "Glostrup", H],
  [163, "Herlev", H],
  [165, "Albertslund", H],
  [167, "Hvidovre", H],
  [169, "Høje-Taastrup", H],
  [173, "Lyngby-Taarbæk", H],
  [175, "Rødovre", H],
  [183, "Ishøj", H],
  [185, "Tårnby", H],
  [187, "Vallensbæk", H],
  [190, "Furesø", H],
  [201, "Allerød", H],
  [210, "Fredensborg", H],
  [217, "Helsingør", H],
  [219, "Hillerød", H],
  [223, "Hørsholm", H],
  [230, "Rudersdal", H],
  [240, "Egedal", H],
  [250, "Frederikssund", H],
  [253, "Greve", S],
  [259, "Køge", S],
  [260, "Halsnæs", H],
  [265, "Roskilde", S],
  [269, "Solrød", S],
  [270, "Gribskov", H],
  [306, "Odsherred", S],
  [316, "Holbæk", S],
  [320, "Faxe", S],
  [326, "Kalundborg", S],
  [329, "Ringsted", S],
  [330, "Slagelse", S],
  [336, "Stevns", S],
  [340, "Sorø", S],
  [350, "Lejre", S],
  [360, "Lolland", S],
  [370, "Næstved", S],
  [376, "Guldborgsund", S],
  [390, "Vordingborg", S],
  [400, "Bornholm", H],
  [410, "Middelfart", SD],
  [420, "Assens", SD],
  [430, "Faaborg-Midtfyn", SD],
  [440, "Kerteminde", SD],
  [450, "Nyborg", SD],
  [461, "Odense", SD],
  [479, "Svendborg", SD],
  [480, "Nordfyns", SD],
  [482, "Langeland", SD],
  [492, "Ærø", SD],
  [510, "Haderslev", SD],
  [530, "Billund", SD],
  [540, "Sønderborg", SD],
  [550, "Tønder", SD],
  [561, "Esbjerg", SD],
  [563, "Fanø", SD],
  [573, "Varde", SD],
  [575, "Vejen", SD],
  [580, "Aabenraa", SD],
  [607, "Fredericia", SD],
  [615, "Horsens", M],
  [621, "Kolding", SD],
  [630, "Vejle", SD],
  [657, "Herning", M],
  [661, "Holstebro", M],
  [665, "Lemvig", M],
  [671, "Struer", M],
  [706, "Syddjurs", M],
  [707, "Norddjurs", M],
  [710, "Favrskov", M],
  [727, "Odder", M],
  [730, "Randers", M],
  [740, "Silkeborg", M],
  [741, "Samsø", M],
  [746, "Skanderborg", M],
  [751, "Aarhus", M],
  [756, "Ikast-Brande", M],
  [760, "Ringkøbing-Skjern", M],
  [766, "Hedensted", M],
  [773, "Morsø", N],
  [779, "Skive", M],
  [787, "Thisted", N],
  [791, "Viborg", M],
  [810, "Brønderslev", N],
  [813, "Frederikshavn", N],
  [820, "Vesthimmerlands", N],
  [825, "Læsø", N],
  [840, "Rebild", N],
  [846, "Mariagerfjord", N],
  [849, "Jammerbugt", N],
  [851, "Aalborg", N],
  [860, "Hjørring", N],
];

export const KOMMUNER: readonly Kommune[] = rows.map(([kode, navn, region]) => ({
  kode,
  navn,
  region,
}));

function normalise(s: string): string {
  return s
    .trim()
    .toLocaleLowerCase("da-DK")
    .replace(/\s+kommune$/, "")
    .replace(/aa/g, "å")
    .replace(/\s+/g, " ");
}

/**
 * Finds a municipality by name (case-insensitive, "Aarhus"/"Århus", optional " Kommune" suffix)
 * or by kommunekode.
 */
export function findKommune(nameOrCode: string | number): Kommune | undefined {
  if (typeof nameOrCode === "number" || /^\d{3}$/.test(String(nameOrCode).trim())) {
    const kode = Number(nameOrCode);
    return KOMMUNER.find((k) => k.kode === kode);
  }
  const n = normalise(String(nameOrCode));
  return KOMMUNER.find((k) => normalise(k.navn) === n);
}
