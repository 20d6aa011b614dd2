/**
 * Binds a domain's verbs to their dependencies. A verb is written once, in its own file, as
 * `verb(deps, ...args)`; the bound service method `(...args)` takes its type from it, so the
 * `Services` type (the composition root's return type) never repeats a signature.
 */
export function bindTo<D>(deps: D) {
  return <A extends unknown[], R>(verb: (deps: D, ...args: A) => R) =>
    (...args: A): R =>
      verb(deps, ...args);
}

/** A verb's arguments after its dependencies. */
export type Rest<F> = F extends (deps: never, ...args: infer A) => unknown ? A : never;
