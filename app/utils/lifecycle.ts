// One shape for every state machine in Listy (letters, appeals, pledges, campaigns, profile
// changes, imports): a table of named moves, each from one or more states to one state.
// Each feature writes its table once, in its `<noun>-state.ts`; every write that changes a
// state asks the lifecycle (and guards its UPDATE with `statesLeadingTo`), so nothing else
// restates which moves exist. Anything not in the table is refused.

export interface Move<S extends string> {
  from: S | readonly S[];
  to: S;
}

/** Named moves; a move may be absent (a route of letters without the letter bank's moves). */
export type Moves<S extends string> = { readonly [name: string]: Move<S> | undefined };

export interface Lifecycle<S extends string, M extends Moves<S>> {
  /** The table as written, with whatever else each move carries (an audit action, say). */
  readonly moves: M;
  /** The same table by state: from → the states it may go to. States with no way out are absent. */
  readonly byState: Partial<Record<S, readonly S[]>>;
  /** Whether `from → to` is a move of this lifecycle. */
  can(from: S, to: S): boolean;
  /** Whether the named move may start from `from`. */
  allows(move: keyof M, from: S): boolean;
  /** The states a named move starts from, for "UPDATE … WHERE state IN (…)" guards. */
  fromStates(move: keyof M): S[];
  /** Every state from which `to` may be reached, for the same guards. */
  statesLeadingTo(to: S): S[];
  /** Throws a TransitionError unless `from → to` is allowed. */
  assert(from: S, to: S): void;
}

export class TransitionError extends Error {
  constructor(
    readonly lifecycle: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${lifecycle}: cannot go from ${from} to ${to}`);
    this.name = "TransitionError";
  }
}

const asList = <S extends string>(from: S | readonly S[]): readonly S[] => (typeof from === "string" ? [from] : from);

export function defineLifecycle<S extends string, M extends Moves<S>>(
  name: string,
  moves: M,
  makeError: (from: S, to: S) => Error = (from, to) => new TransitionError(name, from, to),
): Lifecycle<S, M> {
  const byState: Partial<Record<S, S[]>> = {};
  for (const move of Object.values(moves)) {
    if (!move) continue;
    for (const from of asList(move.from)) {
      const targets = (byState[from] ??= []);
      if (!targets.includes(move.to)) targets.push(move.to);
    }
  }
  const can = (from: S, to: S) => byState[from]?.includes(to) ?? false;
  return {
    moves,
    byState,
    can,
    allows: (move, from) => (moves[move] ? asList(moves[move].from).includes(from) : false),
    fromStates: (move) => (moves[move] ? [...asList(moves[move].from)] : []),
    statesLeadingTo: (to) => (Object.keys(byState) as S[]).filter((from) => can(from, to)),
    assert(from, to) {
      if (!can(from, to)) throw makeError(from, to);
    },
  };
}
