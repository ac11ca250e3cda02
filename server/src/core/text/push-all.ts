/**
 * `target.push(...items)` passes every item as an argument, and throws "Maximum call stack size
 * exceeded" past about a hundred thousand of them: a 2 MB policy can have that many statements,
 * findings or syntax errors. This pushes them one by one.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
