import type { Schemas } from '@/lib/api-client';
import type { SupplierProfile } from '@/lib/api/suppliers';
import type { FieldErrors } from '@/lib/field-errors';
import type { Translate } from '@/lib/i18n';
import type { SupplierInput } from './api/create-supplier';


type DisclosureLevel = Schemas['DisclosureLevel'];
type ContractAcceptance = Schemas['ContractAcceptance'];

export const sections = ['contact', 'capabilities', 'equipment', 'certifications', 'staff', 'capacity', 'challenges'] as const;
export type Section = (typeof sections)[number];

/** The facts form as typed (numbers stay text until saved). */
export interface SiteFacts {
  nameJa: string;
  nameEn: string;
  nameKana: string;
  corporateNumber: string;
  postalCode: string;
  prefectureCode: string;
  municipalityCode: string;
  address: string;
  lat: string;
  lon: string;
  employees: string;
  foundedYear: string;
  capitalJpy: string;
  industryCodes: string[];
  website: string;
  descriptionJa: string;
  descriptionEn: string;
  strengths: string;
  digitalReadiness: { edi: boolean; onlineOrdering: boolean; faxOnly: boolean };
  contact: { name: string; email: string; phone: string };
  capacity: {
    contractAcceptance: ContractAcceptance;
    spareCapacityPct: string;
    spareCapacityValidUntil: string;
    typicalLeadDays: string;
    minLot: string;
  };
  challenges: { weaknesses: string; challenges: string };
  disclosure: Record<Section, DisclosureLevel>;
}

/** The API's defaults for a new site (contracts' Disclosure record). */
export const defaultDisclosure: Record<Section, DisclosureLevel> = {
  contact: 'members',
  capabilities: 'public',
  equipment: 'public',
  certifications: 'public',
  staff: 'members',
  capacity: 'members',
  challenges: 'coordinators',
};

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));

export function emptyFacts(): SiteFacts {
  return {
    nameJa: '',
    nameEn: '',
    nameKana: '',
    corporateNumber: '',
    postalCode: '',
    prefectureCode: '',
    municipalityCode: '',
    address: '',
    lat: '',
    lon: '',
    employees: '',
    foundedYear: '',
    capitalJpy: '',
    industryCodes: [],
    website: '',
    descriptionJa: '',
    descriptionEn: '',
    strengths: '',
    digitalReadiness: { edi: false, onlineOrdering: false, faxOnly: false },
    contact: { name: '', email: '', phone: '' },
    capacity: { contractAcceptance: 'open', spareCapacityPct: '', spareCapacityValidUntil: '', typicalLeadDays: '', minLot: '' },
    challenges: { weaknesses: '', challenges: '' },
    disclosure: { ...defaultDisclosure },
  };
}

/** The form filled from a profile read at the coordinators' level (the owner's view: nothing hidden). */
export function factsFromProfile(profile: SupplierProfile): SiteFacts {
  return {
    nameJa: profile.nameJa,
    nameEn: text(profile.nameEn),
    nameKana: text(profile.nameKana),
    corporateNumber: text(profile.corporateNumber),
    postalCode: text(profile.postalCode),
    prefectureCode: profile.prefectureCode,
    municipalityCode: text(profile.municipalityCode),
    address: text(profile.address),
    lat: text(profile.location?.lat),
    lon: text(profile.location?.lon),
    employees: text(profile.employees),
    foundedYear: text(profile.foundedYear),
    capitalJpy: text(profile.capitalJpy),
    industryCodes: [...profile.industryCodes],
    website: text(profile.website),
    descriptionJa: text(profile.descriptionJa),
    descriptionEn: text(profile.descriptionEn),
    strengths: text(profile.strengths),
    digitalReadiness: {
      edi: profile.digitalReadiness.edi ?? false,
      onlineOrdering: profile.digitalReadiness.onlineOrdering ?? false,
      faxOnly: profile.digitalReadiness.faxOnly ?? false,
    },
    contact: { name: text(profile.contact.name), email: text(profile.contact.email), phone: text(profile.contact.phone) },
    capacity: {
      contractAcceptance: profile.capacity.contractAcceptance ?? 'open',
      spareCapacityPct: text(profile.capacity.spareCapacityPct),
      spareCapacityValidUntil: text(profile.capacity.spareCapacityValidUntil),
      typicalLeadDays: text(profile.capacity.typicalLeadDays),
      minLot: text(profile.capacity.minLot),
    },
    challenges: { weaknesses: text(profile.challenges.weaknesses), challenges: text(profile.challenges.challenges) },
    disclosure: { ...defaultDisclosure, ...profile.disclosure },
  };
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The request body for the form, or — for what the browser can tell without asking (a number that is not one, half a
 * location) — messages by the API's field names, shown the same way as the API's own.
 */
export function factsToInput(facts: SiteFacts, t: Translate): { input: SupplierInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = (field: string, value: string, integer: boolean): number | null => {
    const trimmed = value.trim().replace(/,/g, '');
    if (trimmed === '') {
      return null;
    }
    const parsed = Number(trimmed);
    if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
      errors[field] = [integer ? t('form.notInteger') : t('form.notNumber')];
      return null;
    }
    return parsed;
  };

  const lat = number('location.lat', facts.lat, false);
  const lon = number('location.lon', facts.lon, false);
  if ((lat === null) !== (lon === null) && !errors['location.lat'] && !errors['location.lon']) {
    errors.location = [t('form.locationPair')];
  }
  const input: SupplierInput = {
    nameJa: facts.nameJa.trim(),
    nameEn: optional(facts.nameEn),
    nameKana: optional(facts.nameKana),
    corporateNumber: optional(facts.corporateNumber),
    postalCode: optional(facts.postalCode),
    prefectureCode: facts.prefectureCode,
    municipalityCode: optional(facts.municipalityCode),
    address: optional(facts.address),
    employees: number('employees', facts.employees, true),
    foundedYear: number('foundedYear', facts.foundedYear, true),
    capitalJpy: number('capitalJpy', facts.capitalJpy, true),
    industryCodes: facts.industryCodes,
    website: optional(facts.website),
    descriptionJa: optional(facts.descriptionJa),
    descriptionEn: optional(facts.descriptionEn),
    strengths: optional(facts.strengths),
    digitalReadiness: facts.digitalReadiness,
    contact: {
      name: optional(facts.contact.name),
      email: optional(facts.contact.email),
      phone: optional(facts.contact.phone),
    },
    capacity: {
      contractAcceptance: facts.capacity.contractAcceptance,
      spareCapacityPct: number('capacity.spareCapacityPct', facts.capacity.spareCapacityPct, true),
      spareCapacityValidUntil: optional(facts.capacity.spareCapacityValidUntil),
      typicalLeadDays: number('capacity.typicalLeadDays', facts.capacity.typicalLeadDays, true),
      minLot: number('capacity.minLot', facts.capacity.minLot, true),
    },
    challenges: { weaknesses: optional(facts.challenges.weaknesses), challenges: optional(facts.challenges.challenges) },
    disclosure: facts.disclosure,
  };
  if (lat !== null && lon !== null) {
    input.location = { lat, lon };
  }
  return Object.keys(errors).length > 0 ? { errors } : { input };
}
