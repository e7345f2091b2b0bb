// How scores become confidences.
//
// headingConfidence  softmax over each heading's best score, plus one "none
//                    of these" candidate at a fixed score: when nothing
//                    explains the title well, most of the mass stays with
//                    "none", so a weak best guess reads as weak. Headings are
//                    exclusive, so these add up to at most 1.
// confidence         the heading's confidence, discounted by how much worse
//                    the subheading fits than its best sibling:
//                    exp(20 × (score − best sibling's score)). Siblings the
//                    title cannot tell apart (the split is by material or
//                    power, which titles rarely state) share their heading's
//                    confidence rather than a fraction of it, so a clear
//                    heading with twelve subheadings is not ranked below a
//                    doubtful heading with one. Over siblings these may add
//                    up to more than 1: each says "this code fits as well as
//                    the title can tell".
// Both are scaled by the square root of the share of the title understood at
// all, so untranslatable words lower every suggestion.
//
// Sharpness 6 makes a lead of 0.1 (a tenth of a fully matched title) worth a
// factor of 1.8 between headings. The constants were set by eye on a few
// dozen titles, not fitted to labelled data: read the values as a ranking
// with a sense of scale, not as measured probabilities.
const headingSharpness = 6;
const siblingSharpness = 20;
const noneScore = 0.5;

export type Candidate = { heading: string; score: number };

export const confidences = (candidates: Candidate[], understood: number) => {
  const scale = Math.sqrt(Math.min(1, Math.max(0, understood)));
  const best = new Map<string, number>();
  for (const c of candidates) best.set(c.heading, Math.max(best.get(c.heading) ?? c.score, c.score));
  const top = Math.max(noneScore, ...best.values());
  // Shifted by the top score so exp() never overflows.
  const weight = (score: number) => Math.exp(headingSharpness * (score - top));
  let total = weight(noneScore);
  for (const score of best.values()) total += weight(score);
  const heading = new Map([...best].map(([h, score]) => [h, (weight(score) / total) * scale]));
  const subheading = candidates.map(
    (c) => heading.get(c.heading)! * Math.exp(siblingSharpness * (c.score - best.get(c.heading)!)),
  );
  return { subheading, heading };
};
