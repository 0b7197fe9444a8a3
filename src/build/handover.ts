/**
 * A function that one module instance sets and another calls, in the same process. During a build
 * the site's code (bundled by Vite) and the integrations (loaded with the config) are separate
 * instances of the same modules, so what passes between them lives on `globalThis`, under a key
 * of its own.
 */
export function handover<F>(name: string) {
  const key = Symbol.for(`poverty-atlas.${name}`);
  const slot = globalThis as { [key]?: F };
  return {
    /** What is set, or undefined: outside a build (astro dev) nothing is. */
    get: (): F | undefined => slot[key],
    set: (f: F | undefined): void => {
      if (f) slot[key] = f;
      else delete slot[key];
    },
  };
}
