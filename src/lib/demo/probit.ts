// Normal quantiles let item probabilities be stated as plain shares while a shared latent factor
// correlates the items (a Gaussian copula): P(ρ·T + √(1−ρ²)·ε > Φ⁻¹(1−p)) = p when T ~ N(0, 1).

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normInv(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normInv: p må være i [0, 1], fikk ${p}`);
  }
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155211222];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * Cut points on N(0, 1) for an ordered answer scale with the given shares (need not sum to 1;
 * they are normalised): category k is chosen when cuts[k-1] < y ≤ cuts[k].
 */
export function ordinalCuts(shares: readonly number[]): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  const cuts: number[] = [];
  let cum = 0;
  for (let k = 0; k < shares.length - 1; k++) {
    cum += shares[k] / total;
    cuts.push(normInv(Math.min(Math.max(cum, 1e-9), 1 - 1e-9)));
  }
  return cuts;
}

export function ordinalPick(cuts: readonly number[], y: number): number {
  let k = 0;
  while (k < cuts.length && y > cuts[k]) k++;
  return k;
}
