export { getPlaceCentre, type PlaceCentre } from './get-place-centre';
export { getPostalArea, type PostalArea } from './get-postal-area';
export { listMunicipalities, type Municipality } from './list-municipalities';
export {
  clearPlaceCache,
  loadPrefecturePlaces,
  municipalityName,
  useMunicipalityNames,
  type NameOf,
} from './place-names';
export { useRegionLabel, type RegionLike } from './region-label';
