import { AppError } from './errors.js';

/** A lifecycle as data: every state and the states it may move to. */
export type Machine<S extends string> = {
  name: string;
  transitions: { readonly [K in S]: readonly S[] };
};

export const defineMachine = <S extends string>(
  name: string,
  transitions: { readonly [K in S]: readonly S[] },
): Machine<S> => ({ name, transitions });

export const canTransition = <S extends string>(machine: Machine<S>, from: S, to: S) =>
  machine.transitions[from].includes(to);

/** Refuses a move the table does not allow, with a typed error naming both ends. */
export const assertTransition = <S extends string>(machine: Machine<S>, from: S, to: S): void => {
  if (!canTransition(machine, from, to)) {
    throw new AppError('INVALID_TRANSITION', `A ${machine.name} cannot go from ${from} to ${to}`, {
      machine: machine.name,
      from,
      to,
    });
  }
};

/** The states with no way out. */
export const finalStates = <S extends string>(machine: Machine<S>): S[] =>
  (Object.keys(machine.transitions) as S[]).filter((s) => machine.transitions[s].length === 0);
