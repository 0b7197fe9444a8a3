/**
 * A download's progress in the bytes that travel. The browser counts a response's bytes as
 * decoded, while the size it is sent with is the compressed one (DuckDB's wasm: 3,9 MB sent, 24 MB
 * decoded): counted against each other, the count passes the total a sixth of the way through and
 * the bar stops. Knowing the decoded size (`decodedSize`, from the build), the count is scaled to
 * the size sent, and ends exactly at it. Without a size sent, the decoded size is the total; without
 * the decoded size, the counts are as the browser gives them.
 */
export function transferProgress(decoded: number, sent: number, decodedSize: number): { loaded: number; total: number } {
  if (!(decodedSize > 0)) return { loaded: decoded, total: sent };
  const total = sent > 0 ? sent : decodedSize;
  return { loaded: Math.min(total, Math.round((decoded * total) / decodedSize)), total };
}
