import type { Schemas } from '@/lib/api-client';

/** The parts of a site, by the path segment the API files them under. */
export type PartKind = 'capabilities' | 'equipment' | 'certifications' | 'staff';

export interface PartTypes {
  capabilities: { input: Schemas['CapabilityInput']; item: Schemas['Capability'] };
  equipment: { input: Schemas['EquipmentInput']; item: Schemas['Equipment'] };
  certifications: { input: Schemas['CertificationInput']; item: Schemas['Certification'] };
  staff: { input: Schemas['StaffInput']; item: Schemas['StaffQualification'] };
}

export type PartInput<K extends PartKind> = PartTypes[K]['input'];
export type PartItem<K extends PartKind> = PartTypes[K]['item'];
