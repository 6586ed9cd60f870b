// Goals that step up when reached (100 → 250 → 500 → 1,000 → 2,500 …), so a campaign that
// meets its goal keeps a next one to aim for instead of a bar stuck at 100 %.

const MANTISSAS = [1, 2.5, 5] as const;

/** The next "round" number above `value` in the 1 – 2.5 – 5 series (100, 250, 500, 1,000…). */
export function nextRoundGoal(value: number): number {
  if (!Number.isFinite(value) || value < 1) return 1;
  let magnitude = 10 ** Math.floor(Math.log10(value));
  for (;;) {
    for (const mantissa of MANTISSAS) {
      const candidate = Math.round(mantissa * magnitude);
      if (candidate > value) return candidate;
    }
    magnitude *= 10;
  }
}

export interface GoalProgress {
  /** The goal shown now: the first goal, or the step after the last one reached. */
  goal: number;
  /** Goals already reached, oldest first (empty while the first goal is still ahead). */
  reached: number[];
  /** 0–100, for the progress bar. */
  percent: number;
}

/** Where `count` stands against a first goal that steps up each time it is reached. */
export function goalProgress(count: number, firstGoal: number): GoalProgress {
  const safeCount = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
  let goal = Number.isFinite(firstGoal) && firstGoal >= 1 ? Math.floor(firstGoal) : 1;
  const reached: number[] = [];
  while (safeCount >= goal) {
    reached.push(goal);
    goal = nextRoundGoal(goal);
  }
  return { goal, reached, percent: Math.min(100, Math.floor((safeCount / goal) * 100)) };
}
