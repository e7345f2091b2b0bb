/** A value loaded on first use and kept (reference tables read from data/). */
export const lazy = <T>(load: () => T) => {
  let value: T | undefined;
  return () => {
    value ??= load();
    return value;
  };
};
