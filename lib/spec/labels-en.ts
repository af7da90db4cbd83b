// English names of the tables, columns and rows, for the English line of each message and the UI.
export const TABLE_NAMES: Record<string, { zh: string; en: string }> = {
  T2: { zh: '表二', en: 'Table 2' },
  T3: { zh: '表三', en: 'Table 3' },
  T4: { zh: '表四', en: 'Table 4' },
};

export const T3_COLUMNS_EN: Record<string, string> = {
  np: 'natural persons',
  biz: 'businesses',
  sci: 'research institutions',
  ngo: 'public-interest organisations',
  law: 'legal service agencies',
  oth: 'other organisations',
  total: 'total',
};

export const T3_ROWS_EN: Record<string, string> = {
  new: 'I. new applications',
  carry_in: 'II. carried over from last year',
  r1_open: '(1) disclosed',
  r2_partial: '(2) partly disclosed',
  r3_1: '(3)1 state secret',
  r3_2: '(3)2 barred by other laws',
  r3_3: '(3)3 endangers the "three securities and one stability"',
  r3_4: '(3)4 third-party rights',
  r3_5: '(3)5 internal affairs',
  r3_6: '(3)6 process information',
  r3_7: '(3)7 law-enforcement files',
  r3_8: '(3)8 administrative enquiry',
  r4_1: '(4)1 not held',
  r4_2: '(4)2 would need to be made',
  r4_3: '(4)3 still unclear after correction',
  r5_1: '(5)1 petitions and complaints',
  r5_2: '(5)2 repeated',
  r5_3: '(5)3 publications',
  r5_4: '(5)4 excessive without reason',
  r5_5: '(5)5 confirmation of information held',
  r6: '(6) other handling',
  r6_1: '(6)1 not corrected in time',
  r6_2: '(6)2 fee not paid',
  r6_3: '(6)3 other',
  r7_total: '(7) total',
  carry_out: 'IV. carried over to next year',
};

export const T4_GROUPS_EN: Record<string, string> = {
  review: 'administrative review',
  lit_direct: 'lawsuits without prior review',
  lit_after_review: 'lawsuits after review',
};

export const T4_COLUMNS_EN: Record<string, string> = {
  upheld: 'upheld',
  corrected: 'corrected',
  other: 'other result',
  pending: 'pending',
  total: 'total',
};
