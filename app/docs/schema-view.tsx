// Renders a JSON Schema (as written into the OpenAPI document) as a nested field list: no client code.

type Schema = Record<string, unknown>;
type Labels = { required: string; optional: string; or: string };

const asSchema = (v: unknown): Schema | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Schema) : null);

/** "string", "integer | null", "array of object", "\"a\" | \"b\"": one line a reader can scan. */
export function typeText(schema: Schema): string {
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants)) return [...new Set(variants.map((v) => typeText(asSchema(v) ?? {})))].join(" | ");
  if (schema.type === "array") {
    const items = asSchema(schema.items);
    return `array of ${items ? typeText(items) : "any"}`;
  }
  if (schema.type === "object" && !schema.properties && asSchema(schema.additionalProperties)) {
    return `object of ${typeText(asSchema(schema.additionalProperties)!)}`;
  }
  if (typeof schema.type === "string") return schema.format ? `${schema.type} (${schema.format})` : schema.type;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return "any";
}

const SAFE_LIMIT = 9007199254740991;

/** Limits worth telling a caller: lengths, ranges, item counts, defaults. */
function constraints(schema: Schema): string[] {
  const out: string[] = [];
  const add = (key: string, label: string) => {
    const v = schema[key];
    if (typeof v === "number" && Math.abs(v) !== SAFE_LIMIT) out.push(`${label} ${v}`);
  };
  add("minLength", "min length");
  add("maxLength", "max length");
  add("minimum", "≥");
  add("exclusiveMinimum", ">");
  add("maximum", "≤");
  add("exclusiveMaximum", "<");
  add("minItems", "min items");
  add("maxItems", "max items");
  if (typeof schema.pattern === "string") out.push(`pattern ${schema.pattern}`);
  if ("default" in schema) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The object whose fields to list under a field: itself, its array items, or an object variant. */
function nestedObject(schema: Schema): Schema | null {
  if (asSchema(schema.properties)) return schema;
  if (schema.type === "array") return nestedObject(asSchema(schema.items) ?? {});
  const variants = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  const withFields = variants?.map(asSchema).find((v) => v && asSchema(v.properties));
  return withFields ?? null;
}

export function SchemaView({ schema, labels, depth = 0 }: { schema: Schema; labels: Labels; depth?: number }) {
  const variants = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  // A top-level choice of shapes (the cancel webhook's two editions): list each.
  if (depth === 0 && Array.isArray(variants) && variants.every((v) => asSchema(asSchema(v)?.properties))) {
    return (
      <div className="space-y-3">
        {variants.map((v, i) => (
          <div key={i}>
            {i > 0 ? <p className="mb-1 text-xs font-medium text-slate-500">{labels.or}</p> : null}
            <SchemaView schema={asSchema(v)!} labels={labels} depth={depth + 1} />
          </div>
        ))}
      </div>
    );
  }
  const properties = asSchema(schema.properties);
  if (!properties) return <p className="font-mono text-xs text-slate-700">{typeText(schema)}</p>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return (
    <ul className={depth > 0 ? "mt-1 space-y-1 border-l border-slate-200 pl-3" : "space-y-1.5"}>
      {Object.entries(properties).map(([name, raw]) => {
        const field = asSchema(raw) ?? {};
        const nested = nestedObject(field);
        const limits = constraints(field);
        return (
          <li key={name} className="text-sm">
            <code className="font-mono font-semibold text-slate-900">{name}</code>{" "}
            <span className="font-mono text-xs text-brand-700">{typeText(field)}</span>{" "}
            <span className={`text-xs ${required.has(name) ? "text-red-700" : "text-slate-400"}`}>
              {required.has(name) ? labels.required : labels.optional}
            </span>
            {limits.length ? <span className="ml-2 text-xs text-slate-500">{limits.join(", ")}</span> : null}
            {typeof field.description === "string" ? <p className="text-xs text-slate-600">{field.description}</p> : null}
            {nested && depth < 4 ? <SchemaView schema={nested} labels={labels} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
