/**
 * A value worked out once per key and kept: for facts derived from data that never changes once
 * made (a loaded pack, a respondent's returned values, a period's calculations).
 */
export interface Memo<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** `memo`'s value for `key`, made by `make` and kept the first time it is asked for. */
export function remembered<K, V>(memo: Memo<K, V>, key: K, make: () => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    memo.set(key, value);
  }
  return value;
}
