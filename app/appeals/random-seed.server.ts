import { randomInt } from "node:crypto";

import { MAX_SEED } from "./appeal-text";

/** A fresh seed for the wording of a new appeal (not secret; only needs to differ between supporters). */
export function randomSeed(): number {
  return randomInt(0, MAX_SEED);
}
