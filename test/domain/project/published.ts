/** The report's published table (method.md), shared by the golden tests. */
// [id, basisår, slutår, decimals, studied basis/slut/stigning, all basis/slut/stigning]
export const PUBLISHED: ReadonlyArray<
  readonly [string, number, number, number, readonly number[], readonly number[]]
> = [
  ["ukn", 2017, 2022, 0, [0, 4, 4], [0, 41, 41]],
  ["barometre", 2017, 2023, 1, [0, 0.3, 0.3], [0, 3.3, 3.3]],
  ["normering", 2017, 2023, 0, [0, 11, 11], [0, 84, 84]],
  ["tilsyn", 2020, 2023, 0, [10, 17, 7], [73, 131, 58]],
  ["kvalitet", 2018, 2023, 0, [2, 9, 7], [12, 24, 12]],
  ["parallel", 2020, 2023, 0, [0, 2, 2], [0, 3, 3]],
  ["magt", 2017, 2023, 0, [0, 6, 6], [0, 53, 53]],
  ["mitid", 2020, 2023, 0, [3, 14, 11], [21, 97, 76]],
  ["gdpr", 2018, 2023, 0, [29, 50, 21], [202, 347, 145]],
];

// The overview page's spans ("lo-hi (N)").
export const SPANS: Readonly<Record<string, string>> = {
  // The report prints "38-45 (41)" for UKN, which no ±10 % span can give: round(0,9 N) = 38 needs
  // N ≥ 41,67, but round(N) = 41 needs N < 41,5. Every other span follows the rule; for UKN the
  // rule's 37-45 (41) is asserted, and the published 45 and 41 are reproduced.
  ukn: "37-45 (41)",
  normering: "76-92 (84)",
  tilsyn: "52-64 (58)",
  magt: "48-58 (53)",
  mitid: "68-84 (76)",
  gdpr: "131-160 (145)",
};

