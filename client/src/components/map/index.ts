export { SupplierMap, type MapLine, type MapPoint, type SupplierMapProps } from './supplier-map';
export { loadPrefectureOutlines, prefectureBounds, type PrefectureOutline } from './prefecture-outlines';
export { circleBounds, distanceKm, japanBounds, type Bounds, type LatLon } from './projection';
