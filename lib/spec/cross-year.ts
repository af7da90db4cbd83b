// When each cross-year rule of templates.json applies, as data. The spec states it in prose
// (`applies`); the years are the report year Y of the later report. Formats need no entry: a rule
// names cells only one format has (T2 …valid is F2021's, …prev_items F2019's), and a rule whose
// cells a report lacks is not evaluated. X-FORMAT-YEAR is a check of one report (recognize), and
// X-AGG needs the member reports of an aggregate, which a pair of years does not give.
export interface CrossYearScope {
  /** first report year Y the rule compares with Y-1 */
  fromYear?: number;
  /** last report year Y */
  toYear?: number;
}

export const CROSS_YEAR_SCOPE: Record<string, CrossYearScope> = {
  'X-T3-CARRY': {},
  // 2021 vs 2020 compares 现行有效件数 with F2019's 对外公开总数量: not comparable
  'X-T2-VALID-ROLL': { fromYear: 2022 },
  // F2019 tables were printed for the 2019 and 2020 reports only
  'X-T2-19-ITEMS-ROLL': { fromYear: 2020, toYear: 2020 },
  'X-T2-19-PUB-ROLL': { fromYear: 2020, toYear: 2020 },
};
