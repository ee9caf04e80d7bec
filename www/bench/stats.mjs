// Statistics and table formatting shared by the benchmarks (peers.mjs, peers-browser.mjs).

/** The q-quantile of xs, linear between the nearest ranks (q = 0.5: the median). */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = q * (s.length - 1);
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

/** The median of xs. */
export const median = (xs) => quantile(xs, 0.5);

/** Milliseconds with three significant digits or so. */
export function ms(x) {
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

/** A ratio, as "12.5×". */
export const ratio = (x) => (x >= 100 ? `${x.toFixed(0)}×` : `${x.toFixed(1)}×`);

/** The range between the a- and b-quantiles of xs, in milliseconds. */
export const spread = (xs, a, b) => `${ms(quantile(xs, a))}–${ms(quantile(xs, b))}`;

/** A markdown table. */
export const table = (head, rows) =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
