/**
 * The first index of ascending `sorted` whose item is ≥ `key` (its length when none): where `key` would be inserted
 * before its equals.
 *
 * @example
 * lowerBound([1, 2, 2, 5], 2); // 1
 * lowerBound(['2026-01-01', '2026-03-31'], '2026-02-01'); // 1
 */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first index of ascending `sorted` whose item is > `key` (its length when none).
 *
 * @example
 * upperBound([1, 2, 2, 5], 2); // 3
 */
export function upperBound<T extends number | string>(sorted: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as T) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
