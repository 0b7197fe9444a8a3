const made = new Map<string, Promise<unknown>>();

/**
 * Makes a thing once per build by key: a table several pages read, or a figure drawn for its
 * page and again for its embed and files.
 */
export function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as Promise<T>;
}
