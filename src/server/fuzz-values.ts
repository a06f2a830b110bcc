/**
 * Values for a request from the OpenAPI document's JSON schemas, as fast-check arbitraries: enums,
 * patterns, ranges, objects with their required keys, and values the platform knows (the firms'
 * codes, policy ids) mixed in so that generated requests also reach past the lookups.
 */
import fc from 'fast-check';

export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  format?: string;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { required: boolean; kind: 'json' | 'form'; schema: Schema };
}

export interface Doc {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: OperationBody }>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface OperationBody {
  required?: boolean;
  content: Record<string, { schema: Schema }>;
}

/** The document and the values the platform knows. */
export interface Spec {
  doc: Doc;
  known: readonly string[];
}

/** Where a schema asks for a file: a small PDF is sent. */
export const FILE = '(file)';

function resolve(spec: Spec, s: Schema): Schema {
  if (!s.$ref) return s;
  return spec.doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
}

const dates = fc.oneof(
  fc.constantFrom('2026-06-30', '2025-12-31', '2026-01-01'),
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

function stringOf(spec: Spec, s: Schema): fc.Arbitrary<unknown> {
  if (s.format === 'binary') return fc.constant(FILE);
  if (s.pattern === '^\\d{1,16}$') return fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), fc.constant('1'));
  if (s.pattern) return fc.oneof(fc.stringMatching(new RegExp(s.pattern)), fc.constantFrom(...spec.known));
  const text = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 24, 24), unit: 'grapheme' });
  return fc.oneof({ arbitrary: text, weight: 2 }, { arbitrary: fc.constantFrom(...spec.known), weight: 2 }, dates);
}

export function valueOf(spec: Spec, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(spec, schema);
  const generated = generatedValue(spec, s, depth);
  return s.example === undefined ? generated : fc.oneof(fc.constant(s.example), generated);
}

function generatedValue(spec: Spec, s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valueOf(spec, a, depth)));
  if (s.allOf?.length) return valueOf(spec, s.allOf[0]!, depth);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => valueOf(spec, { ...s, type }, depth)));
  switch (s.type) {
    case 'string':
      return stringOf(spec, s);
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -5);
      const max = Math.min(s.maximum ?? min + 1000, min + 1_000_000);
      // Small values often: ids and versions of the records there are.
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 3) }), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueOf(spec, s.items ?? {}, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectOf(spec, s, depth);
    default:
      return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(spec: Spec, s: Schema, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const record = fc.record(
    Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueOf(spec, v, depth + 1)])),
    {
      requiredKeys: (s.required ?? []).filter((k) => k in props),
    },
  );
  if (!s.additionalProperties || Object.keys(props).length) return record;
  const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
  return fc.dictionary(
    fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...spec.known)),
    valueOf(spec, extra, depth + 1),
    {
      maxKeys: 4,
    },
  );
}

/** Every operation of the document, with the schemas of its parameters and body. */
export function operationsOf(doc: Doc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, o] of Object.entries(item)) {
      const content = o.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const form = content['multipart/form-data']?.schema;
      const body = json ?? form;
      ops.push({
        method,
        path,
        parameters: o.parameters ?? [],
        ...(body ? { body: { required: !!o.requestBody?.required, kind: json ? 'json' : 'form', schema: body } } : {}),
      });
    }
  return ops;
}
