import type { EnumRef, InputFieldBuilder, InputFieldMap, InputObjectRef } from '@pothos/core';
import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../domain/shared/values.js';
import { idSchemas } from '../src/application/ids.js';
import { builder, type Types } from './builder.js';

/**
 * GraphQL input types derived from the use cases' zod schemas, so each input is declared once:
 * optional, nullish and defaulted fields become optional; `.describe()` texts become descriptions;
 * ids (see `asId`) become `ID`; zod enums map to the GraphQL enums registered with `enumOf`;
 * nested objects become the input types registered with `inputName`.
 */

type Core = z.core.$ZodType;
type Def = { type: string; [key: string]: unknown };

const enums = new Map<Core, EnumRef<Types, string, string>>();
const inputNames = new Map<Core, string>();
const inputTypes = new Map<Core, InputObjectRef<Types, unknown>>();
const inputDescriptions = new Map<string, string>();

const defOf = (schema: Core): Def => schema._zod.def as unknown as Def;
const parentOf = (schema: Core): Core | undefined => (schema._zod as { parent?: Core }).parent;

/** The schema and the ones it was derived from (`.describe()`, `.refine()` copy a schema). */
function* lineage(schema: Core): Generator<Core> {
  for (let s: Core | undefined = schema; s; s = parentOf(s)) yield s;
}
const lookUp = <T>(registry: Map<Core, T>, schema: Core): T | undefined => {
  for (const s of lineage(schema)) {
    const hit = registry.get(s);
    if (hit !== undefined) return hit;
  }
  return undefined;
};

/**
 * Declares the GraphQL enum a zod enum maps to, once: every input and output using the zod enum
 * uses this GraphQL type. `values` may describe each value.
 */
export function enumOf<const Values extends readonly string[]>(
  schema: z.ZodEnum<{ [K in Values[number]]: K }> | z.ZodType<Values[number]>,
  name: string,
  options: { description?: string; values?: Partial<Record<Values[number], string>> } = {},
): EnumRef<Types, Values[number], Values[number]> {
  const existing = enums.get(schema as Core);
  if (existing) return existing as EnumRef<Types, Values[number], Values[number]>;
  const values = (schema as z.ZodEnum).options as string[];
  const descriptions = (options.values ?? {}) as Record<string, string | undefined>;
  const ref = builder.enumType(name, {
    ...(options.description ? { description: options.description } : {}),
    values: Object.fromEntries(
      values.map((value) => [value, descriptions[value] ? { description: descriptions[value] } : {}]),
    ) as Record<string, { description?: string }>,
  });
  enums.set(schema as Core, ref as EnumRef<Types, string, string>);
  return ref as unknown as EnumRef<Types, Values[number], Values[number]>;
}

/** Names the input type a nested zod object becomes (e.g. `LocalGroupCoordinatorInput`). */
export function inputName<T extends z.ZodType>(schema: T, name: string): T {
  inputNames.set(schema as Core, name);
  return schema;
}

interface FieldShape {
  /** A scalar name, an enum or input ref; wrapped in a list `depth` times. */
  type: unknown;
  listDepth: number;
  required: boolean;
  description: string | undefined;
}

/** The date scalar of a string schema derived from the shared date values, if it is one. */
function dateScalarOf(schema: Core): 'Date' | 'DateTime' | undefined {
  for (const s of lineage(schema)) {
    if (s === (IsoDate as unknown as Core)) return 'Date';
    if (s === (IsoDateTime as unknown as Core)) return 'DateTime';
  }
  return undefined;
}

function describe(schema: Core): string | undefined {
  return z.globalRegistry.get(schema as unknown as z.ZodType)?.description;
}

/** Unwraps optional/default/pipe… layers down to the value's type; collects requiredness and text. */
function shapeOf(schema: Core, path: string): FieldShape {
  let required = true;
  let description: string | undefined;
  let isId = false;
  let current = schema;
  for (;;) {
    description ??= describe(current);
    isId ||= [...lineage(current)].some((s) => idSchemas.has(s as z.ZodType));
    const def = defOf(current);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
        required = false;
        current = def.innerType as Core;
        continue;
      case 'readonly':
      case 'nonoptional':
        current = def.innerType as Core;
        continue;
      case 'pipe':
        current = def.in as Core;
        continue;
      default:
        break;
    }
    break;
  }
  const def = defOf(current);
  switch (def.type) {
    case 'string':
      return { type: isId ? 'ID' : (dateScalarOf(current) ?? 'String'), listDepth: 0, required, description };
    case 'number': {
      const format = (current as { format?: string | null }).format ?? '';
      return { type: format.includes('int') ? 'Int' : 'Float', listDepth: 0, required, description };
    }
    case 'boolean':
      return { type: 'Boolean', listDepth: 0, required, description };
    case 'enum': {
      const ref = lookUp(enums, current);
      if (!ref) throw new Error(`${path}: register its zod enum with enumOf() before using it in an input`);
      return { type: ref, listDepth: 0, required, description };
    }
    case 'array': {
      const element = shapeOf(def.element as Core, `${path}[]`);
      if (!element.required) throw new Error(`${path}: list elements must not be optional`);
      return { ...element, listDepth: element.listDepth + 1, required, description: description ?? element.description };
    }
    case 'object':
    case 'intersection':
      return { type: inputObjectFor(current, path), listDepth: 0, required, description };
    default:
      throw new Error(`${path}: no GraphQL input for a zod ${def.type}`);
  }
}

/** The fields of a zod object (or an intersection of objects), in declaration order. */
export function shapeEntries(schema: Core): [string, Core][] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.entries((schema as z.ZodObject).shape) as [string, Core][];
  if (def.type === 'intersection') return [...shapeEntries(def.left as Core), ...shapeEntries(def.right as Core)];
  if (def.type === 'pipe') return shapeEntries(def.in as Core);
  throw new Error(`expected a zod object, got ${def.type}`);
}

function inputObjectFor(schema: Core, path: string): InputObjectRef<Types, unknown> {
  const cached = lookUp(inputTypes, schema);
  if (cached) return cached;
  const name = lookUp(inputNames, schema);
  if (!name) throw new Error(`${path}: name its nested input with inputName()`);
  const description = inputDescriptions.get(name);
  const ref = builder.inputType(name, { ...(description ? { description } : {}), fields: (t) => inputFields(t, schema as unknown as z.ZodType, name) });
  inputTypes.set(schema, ref as InputObjectRef<Types, unknown>);
  return ref as InputObjectRef<Types, unknown>;
}

/** Pothos input fields for every field of a zod object. */
export function inputFields(t: InputFieldBuilder<Types, 'InputObject'>, schema: z.ZodType, typeName: string): InputFieldMap {
  return Object.fromEntries(
    shapeEntries(schema as Core).map(([key, field]) => {
      const shape = shapeOf(field, `${typeName}.${key}`);
      let type: unknown = shape.type;
      for (let i = 0; i < shape.listDepth; i++) type = [type];
      const required = shape.listDepth > 0 ? { list: shape.required, items: true } : shape.required;
      return [
        key,
        t.field({
          type: type as never,
          required: required as never,
          ...(shape.description ? { description: shape.description } : {}),
        }),
      ];
    }),
  );
}

/** The named input type of a zod object, for arguments that are not command inputs. */
export function inputTypeOf(schema: z.ZodType, name: string, options: { description?: string } = {}) {
  inputName(schema, name);
  if (options.description) inputDescriptions.set(name, options.description);
  return inputObjectFor(schema as Core, name);
}
