import type { z } from 'zod';
import { ActionPlanEventSchemas } from '../../domain/actionPlan/events.js';
import { CalendarFeedEventSchemas } from '../../domain/calendarFeed/events.js';
import { DataSubjectEventSchemas } from '../../domain/dataSubject/events.js';
import { LearningNeedEventSchemas } from '../../domain/learningNeed/events.js';
import { LocalGroupEventSchemas } from '../../domain/localGroup/events.js';
import { MarketplaceEventSchemas } from '../../domain/marketplace/events.js';
import { MeetingEventSchemas } from '../../domain/meeting/events.js';
import { NetworkEventSchemas } from '../../domain/network/events.js';
import { PeerReviewEventSchemas } from '../../domain/peerReview/events.js';
import { PracticeEventSchemas } from '../../domain/practice/events.js';
import { TransferEventSchemas } from '../../domain/transfer/events.js';
import { personalDataMarks, type PersonMark, type PersonRefMark } from '../../domain/shared/personalData.js';

/** Every domain event's schema by type: where the personal-data layer finds the marks. */
export const eventSchemas: Readonly<Record<string, z.ZodType>> = {
  ...ActionPlanEventSchemas,
  ...CalendarFeedEventSchemas,
  ...DataSubjectEventSchemas,
  ...LearningNeedEventSchemas,
  ...LocalGroupEventSchemas,
  ...MarketplaceEventSchemas,
  ...MeetingEventSchemas,
  ...NetworkEventSchemas,
  ...PeerReviewEventSchemas,
  ...PracticeEventSchemas,
  ...TransferEventSchemas,
};

export interface PersonalDataVisitor {
  /** A person-shaped object (its inner marks already visited): returns it with its fields replaced. */
  person(value: Record<string, unknown>, mark: PersonMark): Record<string, unknown>;
  /** A value marked as naming one person. */
  ref(value: unknown, mark: PersonRefMark): unknown;
}

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly element?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  readonly options?: readonly z.ZodType[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Whether a schema has a personal-data mark where `mapPersonalData` looks, by schema (see below). */
const carries = new WeakMap<z.ZodType, boolean>();

/**
 * Whether `mapPersonalData` can find a mark in this schema (the same walk, without a value): most
 * events carry none (a learning need), and walking their schema field by field on every append and
 * every read was 2 % of a write under load. Marks are added where the schemas are declared, before
 * any event is sealed or opened.
 */
function carriesPersonalData(schema: z.ZodType): boolean {
  let known = carries.get(schema);
  if (known === undefined) {
    const def = defOf(schema);
    known =
      personalDataMarks.get(schema) !== undefined ||
      (WRAPPERS.has(def.type) && def.innerType !== undefined && carriesPersonalData(def.innerType)) ||
      (def.type === 'pipe' && def.in !== undefined && carriesPersonalData(def.in)) ||
      (def.type === 'array' && def.element !== undefined && carriesPersonalData(def.element)) ||
      (def.type === 'object' && def.shape !== undefined && Object.values(def.shape).some(carriesPersonalData));
    carries.set(schema, known);
  }
  return known;
}

/** Walks a value along its schema, replacing what the marks name; returns the value itself when nothing changed. */
export function mapPersonalData(schema: z.ZodType, value: unknown, visit: PersonalDataVisitor): unknown {
  if (value === null || value === undefined || !carriesPersonalData(schema)) return value;
  const mark = personalDataMarks.get(schema);
  if (mark?.kind === 'personRef') return visit.ref(value, mark);
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return mapPersonalData(def.innerType, value, visit);
  if (def.type === 'pipe' && def.in) return mapPersonalData(def.in, value, visit);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    let changed = false;
    const mapped = value.map((item) => {
      const next = mapPersonalData(def.element!, item, visit);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? mapped : value;
  }
  if (def.type === 'object' && def.shape && typeof value === 'object' && !Array.isArray(value)) {
    let result = value as Record<string, unknown>;
    for (const [key, fieldSchema] of Object.entries(def.shape)) {
      if (!(key in result)) continue;
      const next = mapPersonalData(fieldSchema, result[key], visit);
      if (next !== result[key]) result = { ...result, [key]: next };
    }
    return mark?.kind === 'person' ? visit.person(result, mark) : result;
  }
  return value;
}

/** One marked place in an event: `path` with `[]` for array items. */
export interface InventoryEntry {
  readonly eventType: string;
  readonly path: string;
  /** `person` fields are sealed with the key of the person their object identifies; a `personRef` with its own. */
  readonly mark: 'person' | 'personRef';
  readonly identifiedBy?: readonly string[];
}

/** Every string field of every event, and whether (and how) it is marked personal. */
export function stringFields(schemas: Readonly<Record<string, z.ZodType>> = eventSchemas): { eventType: string; path: string; personal: boolean }[] {
  const found: { eventType: string; path: string; personal: boolean }[] = [];
  const visit = (eventType: string, schema: z.ZodType, path: string, inPerson: readonly string[] | undefined) => {
    const mark = personalDataMarks.get(schema);
    const field = path.split('.').at(-1)!.replace('[]', '');
    if (mark?.kind === 'personRef') return found.push({ eventType, path, personal: true });
    const def = defOf(schema);
    if (WRAPPERS.has(def.type) && def.innerType) return visit(eventType, def.innerType, path, inPerson);
    if (def.type === 'pipe' && def.in) return visit(eventType, def.in, path, inPerson);
    if (def.type === 'array' && def.element) return visit(eventType, def.element, `${path}[]`, inPerson);
    if (def.type === 'object' && def.shape) {
      const fields = mark?.kind === 'person' ? mark.fields : undefined;
      for (const [key, fieldSchema] of Object.entries(def.shape)) visit(eventType, fieldSchema, path ? `${path}.${key}` : key, fields);
      return;
    }
    if (def.type === 'string' || def.type === 'email') found.push({ eventType, path, personal: inPerson?.includes(field) ?? false });
  };
  for (const [eventType, schema] of Object.entries(schemas)) visit(eventType, schema, '', undefined);
  return found;
}

/** The inventory: every marked place, for the documentation and the tests. */
export function personalDataInventory(): InventoryEntry[] {
  const entries: InventoryEntry[] = [];
  const visit = (eventType: string, schema: z.ZodType, path: string) => {
    const mark = personalDataMarks.get(schema);
    if (mark?.kind === 'personRef') return entries.push({ eventType, path, mark: 'personRef' });
    const def = defOf(schema);
    if (WRAPPERS.has(def.type) && def.innerType) return visit(eventType, def.innerType, path);
    if (def.type === 'pipe' && def.in) return visit(eventType, def.in, path);
    if (def.type === 'array' && def.element) return visit(eventType, def.element, `${path}[]`);
    if (def.type === 'object' && def.shape) {
      for (const [key, fieldSchema] of Object.entries(def.shape)) visit(eventType, fieldSchema, path ? `${path}.${key}` : key);
      if (mark?.kind === 'person') {
        for (const field of mark.fields) {
          entries.push({ eventType, path: path ? `${path}.${field}` : field, mark: 'person', identifiedBy: mark.identifiedBy });
        }
      }
    }
  };
  for (const [eventType, schema] of Object.entries(eventSchemas)) visit(eventType, schema, '');
  return entries;
}
