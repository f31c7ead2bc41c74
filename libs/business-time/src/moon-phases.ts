/**
 * New and full moon instants after Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998), chapter 49
 * "Phases of the Moon": the mean phase plus the periodic terms and the 14 planetary terms. Meeus
 * gives the error against the full lunar theory (ELP-2000/82) as well under a minute for
 * 1900–2100. The result is in Dynamical Time; it is turned into UT with the ΔT polynomials of
 * Espenak and Meeus (NASA, 2006), whose uncertainty (about a minute today, several minutes by
 * 2200) dominates the error in the far future.
 *
 * Pure and deterministic: no clock, no I/O.
 */

/** Mean synodic month in days (Meeus 49.1). */
export const SYNODIC_MONTH_DAYS = 29.530588861;

const MS_PER_DAY = 86_400_000;
/** Julian Day of 1970-01-01T00:00Z. */
const JD_UNIX_EPOCH = 2_440_587.5;
const DEG = Math.PI / 180;

/** The mean new moon of lunation k = 0 (2000-01-06, Meeus 49.1), in Unix milliseconds. */
const K_EPOCH_MS = (2_451_550.09766 - JD_UNIX_EPOCH) * MS_PER_DAY;

/**
 * The instant of the new moon (`phase: 'new'`) or full moon (`phase: 'full'`) of lunation `k`.
 * `k` is an integer counted from the new moon of 2000-01-06 (k = 0); the full moon of lunation k
 * follows its new moon by about 15 days. Negative k are before 2000.
 *
 * @example
 * ```ts
 * moonPhase(324, 'new');   // 2026-03-19T01:23Z (new moon before Nyepi 2026)
 * moonPhase(-283, 'new');  // 1977-02-18T03:37Z (Meeus, example 49.a: 03:37:42 TD, 03:36:54 UT)
 * ```
 */
export function moonPhase(k: number, phase: 'new' | 'full'): Date {
  if (!Number.isInteger(k)) throw new RangeError(`lunation number must be an integer, got ${k}`);
  const jde = phaseJde(phase === 'new' ? k : k + 0.5, phase);
  const jdUt = jde - deltaTSeconds(decimalYearOfJd(jde)) / 86_400;
  return new Date(Math.round((jdUt - JD_UNIX_EPOCH) * MS_PER_DAY));
}

/**
 * The new moons in `[from, to)`, in order.
 *
 * @example
 * ```ts
 * newMoonsBetween(new Date('2025-03-01T00:00Z'), new Date('2025-04-01T00:00Z'));
 * // [2025-03-29T10:5xZ]
 * ```
 */
export function newMoonsBetween(from: Date, to: Date): Date[] {
  return phasesBetween(from, to, 'new');
}

/**
 * The full moons in `[from, to)`, in order.
 *
 * @example
 * ```ts
 * fullMoonsBetween(new Date('2026-05-01T00:00Z'), new Date('2026-06-01T00:00Z'));
 * // [2026-05-01T17:2xZ, 2026-05-31T08:4xZ]
 * ```
 */
export function fullMoonsBetween(from: Date, to: Date): Date[] {
  return phasesBetween(from, to, 'full');
}

/**
 * ΔT = TT − UT in seconds for a decimal year, from the polynomials of Espenak and Meeus (NASA
 * "Five Millennium Canon of Solar Eclipses", 2006) for 1900–2150 and their long-term parabola
 * outside that span. An estimate: the real value in 2025 is about 69 s (the polynomial gives 74 s),
 * and after 2050 it is an extrapolation with an uncertainty of minutes.
 *
 * @example
 * ```ts
 * Math.round(deltaTSeconds(2000)); // 64
 * ```
 */
export function deltaTSeconds(year: number): number {
  if (year >= 1900 && year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year >= 1920 && year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year >= 1941 && year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year >= 1961 && year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year >= 1986 && year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year >= 2005 && year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  if (year >= 2050 && year < 2150) return -20 + 32 * u ** 2 - 0.5628 * (2150 - year);
  return -20 + 32 * u ** 2;
}

function phasesBetween(from: Date, to: Date, phase: 'new' | 'full'): Date[] {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(toMs > fromMs)) return [];
  const offsetDays = phase === 'new' ? 0 : SYNODIC_MONTH_DAYS / 2;
  // A mean-phase estimate of k; the true phase is within about 15 hours of the mean one, so one
  // lunation of margin on each side is enough.
  const kOf = (ms: number) => (ms - K_EPOCH_MS) / MS_PER_DAY / SYNODIC_MONTH_DAYS - offsetDays / SYNODIC_MONTH_DAYS;
  const result: Date[] = [];
  for (let k = Math.floor(kOf(fromMs)) - 1; k <= Math.ceil(kOf(toMs)) + 1; k++) {
    const instant = moonPhase(k, phase);
    const ms = instant.getTime();
    if (ms >= fromMs && ms < toMs) result.push(instant);
  }
  return result;
}

function decimalYearOfJd(jd: number): number {
  return 2000 + (jd - 2_451_545) / 365.25;
}

/** Julian Ephemeris Day of a new moon (integer k) or full moon (k + 0.5), Meeus chapter 49. */
function phaseJde(k: number, phase: 'new' | 'full'): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;

  const mean = 2_451_550.09766 + SYNODIC_MONTH_DAYS * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;

  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  // Sun's mean anomaly, Moon's mean anomaly, Moon's argument of latitude, longitude of the node.
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3) * DEG;
  const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * DEG;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * DEG;
  const omega = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * DEG;

  const s = Math.sin;
  // The two sets differ only in the first seven coefficients.
  const c =
    phase === 'new' ? [-0.4072, 0.17241, 0.01608, 0.01039, 0.00739, -0.00514, 0.00208] : [-0.40614, 0.17302, 0.01614, 0.01043, 0.00734, -0.00515, 0.00209];
  const periodic =
    c[0] * s(mp) +
    c[1] * e * s(m) +
    c[2] * s(2 * mp) +
    c[3] * s(2 * f) +
    c[4] * e * s(mp - m) +
    c[5] * e * s(mp + m) +
    c[6] * e * e * s(2 * m) -
    0.00111 * s(mp - 2 * f) -
    0.00057 * s(mp + 2 * f) +
    0.00056 * e * s(2 * mp + m) -
    0.00042 * s(3 * mp) +
    0.00042 * e * s(m + 2 * f) +
    0.00038 * e * s(m - 2 * f) -
    0.00024 * e * s(2 * mp - m) -
    0.00017 * s(omega) -
    0.00007 * s(mp + 2 * m) +
    0.00004 * s(2 * mp - 2 * f) +
    0.00004 * s(3 * m) +
    0.00003 * s(mp + m - 2 * f) +
    0.00003 * s(2 * mp + 2 * f) -
    0.00003 * s(mp + m + 2 * f) +
    0.00003 * s(mp - m + 2 * f) -
    0.00002 * s(mp - m - 2 * f) -
    0.00002 * s(3 * mp + m) +
    0.00002 * s(4 * mp);

  // Planetary arguments A1–A14 (degrees) and their coefficients, common to all phases.
  const planetary: ReadonlyArray<readonly [number, number]> = [
    [0.000325, 299.77 + 0.107408 * k - 0.009173 * t2],
    [0.000165, 251.88 + 0.016321 * k],
    [0.000164, 251.83 + 26.651886 * k],
    [0.000126, 349.42 + 36.412478 * k],
    [0.00011, 84.66 + 18.206239 * k],
    [0.000062, 141.74 + 53.303771 * k],
    [0.00006, 207.14 + 2.453732 * k],
    [0.000056, 154.84 + 7.30686 * k],
    [0.000047, 34.52 + 27.261239 * k],
    [0.000042, 207.19 + 0.121824 * k],
    [0.00004, 291.34 + 1.844379 * k],
    [0.000037, 161.72 + 24.198154 * k],
    [0.000035, 239.56 + 25.513099 * k],
    [0.000023, 331.55 + 3.592518 * k],
  ];
  let additional = 0;
  for (const [coefficient, argument] of planetary) additional += coefficient * s(argument * DEG);

  return mean + periodic + additional;
}
