// The "generated" date of a build comes from the data (or SOURCE_DATE_EPOCH), never the clock,
// so two builds of the same inputs are byte-identical.

/** ISO date (YYYY-MM-DD). SOURCE_DATE_EPOCH wins when set (reproducible-builds.org convention). */
export function generatedDate(dataDates: string[], sourceDateEpoch: string | undefined): string {
  if (sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== '') {
    const seconds = Number(sourceDateEpoch);
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new Error(`SOURCE_DATE_EPOCH må være et heltall sekunder, fikk «${sourceDateEpoch}»`);
    }
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }
  const valid = dataDates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  if (valid.length === 0) throw new Error('Ingen gyldig dataDate i data/years/*.json og SOURCE_DATE_EPOCH er ikke satt');
  return valid[valid.length - 1];
}
