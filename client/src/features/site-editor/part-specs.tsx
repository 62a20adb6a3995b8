import type { ReactNode } from 'react';
import type { FieldErrors } from '@/lib/field-errors';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { LabelOf, TaxonomyKind } from '@/lib/taxonomy';
import type { PartInput, PartItem, PartKind } from './api/parts';

/** One input of a part form; `name` is the API's field name, so its messages land under it. */
export type PartField =
  | { name: string; type: 'taxonomy'; taxonomy: TaxonomyKind; multiple?: boolean; label: MessageKey; required?: boolean }
  | { name: string; type: 'number' | 'integer'; label: MessageKey; unit?: string; keySpecOf?: string }
  | { name: string; type: 'text' | 'date'; label: MessageKey }
  | { name: string; type: 'equipmentRefs'; label: MessageKey };

export type PartValues = Record<string, string | string[]>;

export interface PartSpec<K extends PartKind> {
  kind: K;
  title: MessageKey;
  add: MessageKey;
  fields: PartField[];
  empty: () => PartValues;
  fromItem: (item: PartItem<K>) => PartValues;
  toInput: (values: PartValues, parse: Parser) => PartInput<K>;
  columns: { header: MessageKey; cell: (item: PartItem<K>, labelOf: LabelOf, t: Translate) => ReactNode }[];
  describe: (item: PartItem<K>, labelOf: LabelOf) => string;
}

/** Reads form text as the API wants it, noting what is not a number. */
export class Parser {
  readonly errors: FieldErrors = {};

  constructor(private readonly t: Translate) {}

  text(values: PartValues, name: string): string | null {
    const value = values[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  }

  code(values: PartValues, name: string): string {
    const value = values[name];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  }

  codes(values: PartValues, name: string): string[] {
    const value = values[name];
    return Array.isArray(value) ? value : [];
  }

  number(values: PartValues, name: string, integer = false): number | null {
    const text = this.text(values, name)?.replace(/,/g, '');
    if (text == null) {
      return null;
    }
    const parsed = Number(text);
    if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
      this.errors[name] = [integer ? this.t('form.notInteger') : this.t('form.notNumber')];
      return null;
    }
    return parsed;
  }
}

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));
const dash = '—';

export const capabilitySpec: PartSpec<'capabilities'> = {
  kind: 'capabilities',
  title: 'section.capabilities',
  add: 'parts.addCapability',
  fields: [
    { name: 'processCode', type: 'taxonomy', taxonomy: 'processes', label: 'capability.process', required: true },
    { name: 'materialCodes', type: 'taxonomy', taxonomy: 'materials', multiple: true, label: 'capability.materials' },
    { name: 'maxXMm', type: 'number', label: 'capability.maxX', unit: 'mm' },
    { name: 'maxYMm', type: 'number', label: 'capability.maxY', unit: 'mm' },
    { name: 'maxZMm', type: 'number', label: 'capability.maxZ', unit: 'mm' },
    { name: 'maxMassKg', type: 'number', label: 'capability.maxMass', unit: 'kg' },
    { name: 'bestToleranceUm', type: 'number', label: 'capability.tolerance', unit: 'µm' },
    { name: 'roughnessRaUm', type: 'number', label: 'capability.roughness', unit: 'µm' },
    { name: 'lotMin', type: 'integer', label: 'capability.lotMin' },
    { name: 'lotMax', type: 'integer', label: 'capability.lotMax' },
    { name: 'monthlyCapacity', type: 'integer', label: 'capability.monthlyCapacity' },
    { name: 'leadDays', type: 'integer', label: 'capability.leadDays' },
    { name: 'equipmentIds', type: 'equipmentRefs', label: 'capability.equipment' },
    { name: 'note', type: 'text', label: 'capability.note' },
  ],
  empty: () => ({ processCode: [], materialCodes: [], equipmentIds: [] }),
  fromItem: (item) => ({
    processCode: [item.processCode],
    materialCodes: [...item.materialCodes],
    maxXMm: text(item.maxXMm),
    maxYMm: text(item.maxYMm),
    maxZMm: text(item.maxZMm),
    maxMassKg: text(item.maxMassKg),
    bestToleranceUm: text(item.bestToleranceUm),
    roughnessRaUm: text(item.roughnessRaUm),
    lotMin: text(item.lotMin),
    lotMax: text(item.lotMax),
    monthlyCapacity: text(item.monthlyCapacity),
    leadDays: text(item.leadDays),
    equipmentIds: [...item.equipmentIds],
    note: text(item.note),
  }),
  toInput: (values, parse) => ({
    processCode: parse.code(values, 'processCode'),
    materialCodes: parse.codes(values, 'materialCodes'),
    maxXMm: parse.number(values, 'maxXMm'),
    maxYMm: parse.number(values, 'maxYMm'),
    maxZMm: parse.number(values, 'maxZMm'),
    maxMassKg: parse.number(values, 'maxMassKg'),
    bestToleranceUm: parse.number(values, 'bestToleranceUm'),
    roughnessRaUm: parse.number(values, 'roughnessRaUm'),
    lotMin: parse.number(values, 'lotMin', true),
    lotMax: parse.number(values, 'lotMax', true),
    monthlyCapacity: parse.number(values, 'monthlyCapacity', true),
    leadDays: parse.number(values, 'leadDays', true),
    equipmentIds: parse.codes(values, 'equipmentIds'),
    note: parse.text(values, 'note'),
  }),
  columns: [
    { header: 'capability.process', cell: (item, labelOf) => labelOf('processes', item.processCode) },
    {
      header: 'capability.materials',
      cell: (item, labelOf) => item.materialCodes.map((code) => labelOf('materials', code)).join('、') || dash,
    },
    {
      header: 'capability.envelope',
      cell: (item) =>
        item.maxXMm != null || item.maxYMm != null || item.maxZMm != null
          ? `${item.maxXMm ?? '?'} × ${item.maxYMm ?? '?'} × ${item.maxZMm ?? '?'} mm`
          : dash,
    },
    { header: 'capability.tolerance', cell: (item) => (item.bestToleranceUm != null ? `±${item.bestToleranceUm} µm` : dash) },
    { header: 'capability.leadDays', cell: (item, _, t) => (item.leadDays != null ? t('capability.days', { days: item.leadDays }) : dash) },
  ],
  describe: (item, labelOf) => labelOf('processes', item.processCode),
};

export const equipmentSpec: PartSpec<'equipment'> = {
  kind: 'equipment',
  title: 'section.equipment',
  add: 'parts.addEquipment',
  fields: [
    { name: 'typeCode', type: 'taxonomy', taxonomy: 'equipment_types', label: 'equipment.type', required: true },
    { name: 'maker', type: 'text', label: 'equipment.maker' },
    { name: 'model', type: 'text', label: 'equipment.model' },
    { name: 'count', type: 'integer', label: 'equipment.count' },
    { name: 'specValue', type: 'number', label: 'equipment.spec', keySpecOf: 'typeCode' },
    { name: 'year', type: 'integer', label: 'equipment.year' },
  ],
  empty: () => ({ typeCode: [], count: '1' }),
  fromItem: (item) => ({
    typeCode: [item.typeCode],
    maker: text(item.maker),
    model: text(item.model),
    count: text(item.count),
    specValue: text(item.specValue),
    year: text(item.year),
  }),
  toInput: (values, parse) => ({
    typeCode: parse.code(values, 'typeCode'),
    maker: parse.text(values, 'maker'),
    model: parse.text(values, 'model'),
    count: parse.number(values, 'count', true) ?? 1,
    specValue: parse.number(values, 'specValue'),
    year: parse.number(values, 'year', true),
  }),
  columns: [
    { header: 'equipment.type', cell: (item, labelOf) => labelOf('equipment_types', item.typeCode) },
    { header: 'equipment.maker', cell: (item) => item.maker ?? dash },
    { header: 'equipment.model', cell: (item) => item.model ?? dash },
    { header: 'equipment.count', cell: (item) => item.count },
    { header: 'equipment.spec', cell: (item) => (item.specValue != null ? `${item.specValue} ${item.specUnit ?? ''}` : dash) },
    { header: 'equipment.year', cell: (item) => item.year ?? dash },
  ],
  describe: (item, labelOf) => [labelOf('equipment_types', item.typeCode), item.model].filter(Boolean).join(' '),
};

export const certificationSpec: PartSpec<'certifications'> = {
  kind: 'certifications',
  title: 'section.certifications',
  add: 'parts.addCertification',
  fields: [
    { name: 'code', type: 'taxonomy', taxonomy: 'certifications', label: 'certification.code', required: true },
    { name: 'number', type: 'text', label: 'certification.numberLabel' },
    { name: 'validUntil', type: 'date', label: 'certification.validUntilLabel' },
  ],
  empty: () => ({ code: [] }),
  fromItem: (item) => ({ code: [item.code], number: text(item.number), validUntil: text(item.validUntil) }),
  toInput: (values, parse) => ({
    code: parse.code(values, 'code'),
    number: parse.text(values, 'number'),
    validUntil: parse.text(values, 'validUntil'),
  }),
  columns: [
    { header: 'certification.code', cell: (item, labelOf) => labelOf('certifications', item.code) },
    { header: 'certification.numberLabel', cell: (item) => item.number ?? dash },
    {
      header: 'certification.validUntilLabel',
      cell: (item, _, t) => (
        <>
          {item.validUntil ?? dash}
          {item.expired && <span className="badge badge--off"> {t('certification.expired')}</span>}
        </>
      ),
    },
  ],
  describe: (item, labelOf) => labelOf('certifications', item.code),
};

export const staffSpec: PartSpec<'staff'> = {
  kind: 'staff',
  title: 'section.staff',
  add: 'parts.addStaff',
  fields: [
    { name: 'qualificationCode', type: 'taxonomy', taxonomy: 'qualifications', label: 'staff.qualification', required: true },
    { name: 'headcount', type: 'integer', label: 'staff.headcountLabel' },
  ],
  empty: () => ({ qualificationCode: [], headcount: '1' }),
  fromItem: (item) => ({ qualificationCode: [item.qualificationCode], headcount: text(item.headcount) }),
  toInput: (values, parse) => ({
    qualificationCode: parse.code(values, 'qualificationCode'),
    headcount: parse.number(values, 'headcount', true) ?? 0,
  }),
  columns: [
    { header: 'staff.qualification', cell: (item, labelOf) => labelOf('qualifications', item.qualificationCode) },
    { header: 'staff.headcountLabel', cell: (item) => item.headcount },
  ],
  describe: (item, labelOf) => labelOf('qualifications', item.qualificationCode),
};
