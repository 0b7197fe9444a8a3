export interface PeerRow {
  unit_code: string;
  unit_name: string;
  district_code: string | null;
  poor_rate: number | null;
}

export interface Standing {
  /** 1 for the highest poverty rate; tied units share a rank. */
  rank: number;
  /** Peers with a published rate; the rest are withheld or have no data. */
  rated: number;
  peers: number;
  /** Other units with exactly the same rate. */
  tied: number;
}

/** Where a unit stands among the given peers by poverty rate (highest first), or null when its rate is not published. */
export function standing(rows: PeerRow[], code: string): Standing | null {
  const me = rows.find((r) => r.unit_code === code);
  if (me?.poor_rate == null) return null;
  const rated = rows.filter((r) => r.poor_rate != null);
  return {
    rank: 1 + rated.filter((r) => r.poor_rate! > me.poor_rate!).length, rated: rated.length, peers: rows.length,
    tied: rated.filter((r) => r.poor_rate === me.poor_rate).length - 1,
  };
}
