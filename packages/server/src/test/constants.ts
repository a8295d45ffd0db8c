/** The wards the tests act in: own = the demo ward; other = outside the demo district. */
export const WARDS = {
  /** Đức Giang, Long Biên, Hà Nội: the actors' ward. */
  own: '00124',
  /** Việt Hưng: another ward of Long Biên (inside the district supervisor's area). */
  sameDistrict: '00127',
  /** Phúc Xá, Ba Đình: outside Long Biên. */
  other: '00001',
} as const;

export const DISTRICTS = { own: '004', other: '001' } as const;
export const PROVINCES = { own: '01' } as const;

/** The manual clock of the test apps starts here (the article's date, 10:00 in Hà Nội). */
export const TEST_CLOCK_START = '2021-08-15T03:00:00.000Z';
