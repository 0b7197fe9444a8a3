export interface PeerRow {
  unit_code: string;
  unit_name: string;
  district_code: string | null;
  poor_rate: number | null;
}

export interface Standing {
  /** 1 for the highest poverty rate; tied units share a rank. */
  rank: number;
  /** Peers with a published rate; the rest have no data. */
  rated: number;
  peers: number;
  /** Other units with exactly the same rate. */
  tied: number;
}

/** Where each unit with a published rate stands among the given peers by poverty rate, highest first. */
export function standings(rows: PeerRow[]): Map<string, Standing> {
  const rates = rows
    .map((r) => r.poor_rate)
    .filter((v): v is number => v != null)
    .sort((a, b) => b - a);
  // For each rate: the rank of its first holder (units above it, plus one) and how many share it.
  const at = new Map<number, { rank: number; count: number }>();
  rates.forEach((v, i) => {
    const tied = at.get(v);
    if (tied) tied.count++;
    else at.set(v, { rank: i + 1, count: 1 });
  });
  const out = new Map<string, Standing>();
  for (const r of rows) {
    if (r.poor_rate == null) continue;
    const { rank, count } = at.get(r.poor_rate)!;
    out.set(r.unit_code, { rank, rated: rates.length, peers: rows.length, tied: count - 1 });
  }
  return out;
}

/** Where one unit stands among its peers, or null when its rate is not published. */
export const standing = (rows: PeerRow[], code: string): Standing | null => standings(rows).get(code) ?? null;

/**
 * How a unit's place among its peers is told: alone (no other unit has a rate: "first of 1" ranks
 * nothing), all tied ("first of 33" where all 33 share the rate would read as the highest), tied
 * with some, or a plain rank.
 */
export const toldAs = (s: Standing): 'alone' | 'all_tied' | 'tied' | 'ranked' =>
  s.rated === 1 ? 'alone' : s.tied + 1 === s.rated ? 'all_tied' : s.tied > 0 ? 'tied' : 'ranked';
