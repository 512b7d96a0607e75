/**
 * Exact ROC AUC: the probability that a random positive scores above a random negative, ties
 * counting one half. Computed from ranks (the Mann-Whitney U statistic), tied scores taking the
 * average of their ranks, so it equals the area under the full ROC curve without thresholds.
 */

/** AUC of scores against binary labels (1 positive, 0 negative); NaN when either class is absent. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    const rank = (start + 1 + end) / 2; // ranks start + 1 .. end share their average
    for (let i = start; i < end; i++) {
      if (labels[order[i]] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
