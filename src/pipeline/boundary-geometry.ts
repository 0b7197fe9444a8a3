/**
 * What a boundary's geometry must be for a map to draw it: polygons whose positions are
 * longitude and latitude in degrees (WGS 84, as GeoJSON requires), in closed rings. Returns
 * what is wrong with one feature's geometry, or null.
 */
export function geometryProblem(geometry: unknown): { value: string; message: string } | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return {
      value: String(g?.type ?? 'null'),
      message: 'a Polygon or MultiPolygon is required (a map fills areas; points and lines draw nothing)',
    };
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return { value: '', message: 'the geometry has no coordinates' };
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return { value: '', message: 'a polygon has no rings' };
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4)
        return { value: '', message: 'a ring needs at least 4 positions, the last the same as the first' };
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
          return { value: JSON.stringify(p)?.slice(0, 60) ?? '', message: 'a position is two numbers, longitude and latitude' };
        }
        const [lon, lat] = p as number[];
        if (Math.abs(lon) <= 90 && Math.abs(lat) > 90 && Math.abs(lat) <= 180) {
          return { value: `${lon}, ${lat}`, message: 'a position is longitude first, then latitude: these look swapped' };
        }
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
          return {
            value: `${lon}, ${lat}`,
            message:
              'positions are longitude and latitude in degrees (WGS 84, EPSG:4326), as GeoJSON requires: this looks like a projected system (VN-2000, UTM); reproject the file, e.g. in QGIS: Export → Save Features As… → CRS EPSG:4326',
          };
        }
      }
      const [first, last] = [ring[0] as number[], ring.at(-1) as number[]];
      if (first[0] !== last[0] || first[1] !== last[1]) return { value: `${first} … ${last}`, message: 'a ring must end where it starts' };
    }
  }
  return null;
}
