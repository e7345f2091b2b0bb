/** Where every use case reads the time from, so timers are testable without waiting. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that stands still until moved: for tests of timers and expiries. */
export const fixedClock = (start: Date) => {
  let current = new Date(start);
  const clock: Clock & { advance: (ms: number) => void; set: (d: Date) => void } = Object.assign(
    () => new Date(current),
    {
      advance: (ms: number) => {
        current = new Date(current.getTime() + ms);
      },
      set: (d: Date) => {
        current = new Date(d);
      },
    },
  );
  return clock;
};
