import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { JsonText } from '../../shared/json-text.ts';

/**
 * Response serialization: fastify-type-provider-zod's serializer (zod encodes the
 * value, then JSON.stringify) behind a fast path for plain response shapes.
 *
 * Zod builds a new copy of every response before it is stringified, which cost as
 * much as reading the row. For a schema made only of plain parts (objects that drop
 * unknown keys, strings, finite numbers, booleans, enums, literals, null, nullable,
 * optional properties, arrays) this writes the JSON directly: the keys of the schema
 * in its order, unknown keys left out, exactly what zod's copy stringifies to.
 * Anything else in a schema (checks, formats, transforms, unions, …) keeps the zod
 * serializer for that route, and a value the fast path does not accept goes to zod
 * too, so a response that does not match its schema still fails the same way.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = (routeSchema) => {
  const viaZod = zodSerializerCompiler(routeSchema as Parameters<typeof zodSerializerCompiler>[0]);
  const schema = routeSchema.schema as unknown;
  const write = isZodSchema(schema) ? jsonWriterFor(schema) : null;
  // A JsonText is JSON already (shared/json-text.ts): sent as it is. As a Buffer, Fastify
  // sends its bytes without encoding or measuring a string (the serializer's type says string).
  const asIs = (data: JsonText) => data.json as string;
  if (!write) return (data) => (data instanceof JsonText ? asIs(data) : viaZod(data));
  return (data) => (data instanceof JsonText ? asIs(data) : (write(data) ?? viaZod(data)));
};

/** Writes a value as JSON, or returns undefined when the value does not fit the schema. */
export type JsonWriter = (value: unknown) => string | undefined;

/** How a value fits a schema: not at all, exactly as JSON.stringify writes it, or fits once unknown keys are left out. */
const enum Fit {
  No,
  AsIs,
  Rewrite,
}

interface Part {
  fit(value: unknown): Fit;
  /** Only for values that fit. */
  write(value: unknown): string;
}

interface PlainDef {
  type: string;
  checks?: unknown[];
  format?: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
}

function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as PlainDef;

/** A JSON writer for a schema of plain parts, null when the schema has anything else. */
export function jsonWriterFor(schema: z.ZodType): JsonWriter | null {
  const part = partFor(schema);
  if (!part) return null;
  return (value) => {
    const fit = part.fit(value);
    // Most responses are rows mapped to exactly the schema's shape: one JSON.stringify.
    return fit === Fit.AsIs ? JSON.stringify(value) : fit === Fit.Rewrite ? part.write(value) : undefined;
  };
}

const json = (v: unknown) => JSON.stringify(v);

function partFor(schema: z.ZodType): Part | null {
  const def = defOf(schema);
  if ((def.checks && def.checks.length > 0) || def.format !== undefined) return null;
  switch (def.type) {
    case 'string':
      return { fit: (v) => (typeof v === 'string' ? Fit.AsIs : Fit.No), write: json };
    case 'number':
      // zod's number refuses NaN and ±Infinity.
      return { fit: (v) => (typeof v === 'number' && Number.isFinite(v) ? Fit.AsIs : Fit.No), write: json };
    case 'boolean':
      return { fit: (v) => (typeof v === 'boolean' ? Fit.AsIs : Fit.No), write: json };
    case 'null':
      return { fit: (v) => (v === null ? Fit.AsIs : Fit.No), write: json };
    case 'enum':
      return oneOf(Object.values(def.entries ?? {}));
    case 'literal':
      return oneOf(def.values ?? []);
    case 'nullable': {
      const inner = def.innerType && partFor(def.innerType);
      return inner ? { fit: (v) => (v === null ? Fit.AsIs : inner.fit(v)), write: (v) => (v === null ? 'null' : inner.write(v)) } : null;
    }
    case 'array': {
      const element = def.element && partFor(def.element);
      return element ? arrayPart(element) : null;
    }
    case 'object':
      // A catchall (looseObject, strictObject) keeps or refuses unknown keys: left to zod.
      return def.catchall || !def.shape ? null : objectPart(def.shape);
    case 'union': {
      // zod takes the first option that accepts the value; so does this.
      const options = (def.options ?? []).map((o) => partFor(o));
      return options.length && options.every((o) => o !== null) ? unionPart(options as Part[]) : null;
    }
    case 'record': {
      // Plain string keys only: an enum key makes zod require every key, left to zod.
      const keyDef = def.keyType && defOf(def.keyType);
      const value = def.valueType && partFor(def.valueType);
      return keyDef && keyDef.type === 'string' && !keyDef.checks?.length && keyDef.format === undefined && value ? recordPart(value) : null;
    }
    default:
      return null;
  }
}

function unionPart(options: readonly Part[]): Part {
  const first = (v: unknown) => {
    for (const o of options) {
      const f = o.fit(v);
      if (f !== Fit.No) return { o, f };
    }
    return null;
  };
  return {
    fit: (v) => first(v)?.f ?? Fit.No,
    write: (v) => first(v)!.o.write(v),
  };
}

/** A record: a plain object whose every own value fits; written with all its keys, in their order. */
function recordPart(value: Part): Part {
  return {
    fit(v) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return Fit.No;
      // zod's copy drops an own "__proto__" key (assigning it sets the prototype): left to zod.
      if (Object.hasOwn(v, '__proto__')) return Fit.No;
      const proto = Object.getPrototypeOf(v) as unknown;
      return fitEach(proto === Object.prototype || proto === null ? Fit.AsIs : Fit.Rewrite, Object.values(v), value);
    },
    write(v) {
      const record = v as Record<string, unknown>;
      let out = '';
      for (const key of Object.keys(record)) out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${value.write(record[key])}`;
      return `{${out}}`;
    },
  };
}

/** How values that must each fit `part` fit together: not if one does not, rewritten if one needs it, else `start`. */
function fitEach(start: Fit, values: readonly unknown[], part: Part): Fit {
  let fit = start;
  for (const value of values) {
    const f = part.fit(value);
    if (f === Fit.No) return Fit.No;
    if (f === Fit.Rewrite) fit = Fit.Rewrite;
  }
  return fit;
}

function oneOf(values: readonly unknown[]): Part | null {
  if (!values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' || v === null)) return null;
  const allowed = new Set(values);
  return { fit: (v) => (allowed.has(v) ? Fit.AsIs : Fit.No), write: json };
}

function arrayPart(element: Part): Part {
  return {
    fit(v) {
      if (!Array.isArray(v)) return Fit.No;
      return fitEach(Object.getPrototypeOf(v) === Array.prototype ? Fit.AsIs : Fit.Rewrite, v, element);
    },
    write(v) {
      const items = v as unknown[];
      let out = '';
      for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + element.write(items[i]);
      return `[${out}]`;
    },
  };
}

function objectPart(shape: Record<string, z.ZodType>): Part | null {
  const fields: { key: string; name: string; optional: boolean; part: Part }[] = [];
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const def = defOf(fieldSchema);
    // An optional property may be missing (or undefined, which JSON leaves out too).
    const optional = def.type === 'optional';
    const part = optional ? def.innerType && partFor(def.innerType) : partFor(fieldSchema);
    if (!part) return null;
    fields.push({ key, name: `${JSON.stringify(key)}:`, optional, part });
  }
  return {
    fit(v) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return Fit.No;
      const record = v as Record<string, unknown>;
      let fit = hasExactly(record, fields) ? Fit.AsIs : Fit.Rewrite;
      for (const field of fields) {
        const value = record[field.key];
        if (value === undefined && field.optional) continue;
        const f = field.part.fit(value);
        if (f === Fit.No) return Fit.No;
        if (f === Fit.Rewrite) fit = Fit.Rewrite;
      }
      return fit;
    },
    write(v) {
      const record = v as Record<string, unknown>;
      let out = '';
      for (const field of fields) {
        const value = record[field.key];
        if (value === undefined && field.optional) continue;
        out += (out === '' ? '' : ',') + field.name + field.part.write(value);
      }
      return `{${out}}`;
    },
  };
}

/**
 * True when JSON.stringify writes exactly the schema's keys in its order: a plain
 * object (no toJSON) whose own enumerable keys are those of the schema, in order,
 * optional ones possibly missing.
 */
function hasExactly(record: Record<string, unknown>, fields: readonly { key: string; optional: boolean }[]): boolean {
  const proto = Object.getPrototypeOf(record) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  let i = 0;
  for (const key in record) {
    while (i < fields.length && fields[i]!.key !== key && fields[i]!.optional) i++;
    if (i === fields.length || fields[i]!.key !== key) return false;
    i++;
  }
  while (i < fields.length && fields[i]!.optional) i++;
  return i === fields.length;
}
