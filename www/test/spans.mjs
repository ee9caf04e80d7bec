// Shared by the Node tests (not a test itself): every span of an analyze() result, labelled.

/** Every span in a result, with a label saying where it came from. */
export function* spans(result) {
  for (const [i, q] of result.quotes.entries()) {
    yield [`quotes[${i}]`, q];
    if (q.speaker !== null) yield [`quotes[${i}].speaker`, q.speaker];
    if (q.cue !== null) yield [`quotes[${i}].cue`, q.cue];
  }
  for (const [i, a] of result.actors.entries()) {
    for (const [j, m] of a.mentions.entries()) yield [`actors[${i}].mentions[${j}]`, m];
  }
  for (const [i, r] of (result.rejected ?? []).entries()) yield [`rejected[${i}]`, r];
}
