import {
  type Attribute,
  type BlockAttribute,
  type Enum,
  type Field,
  type Func,
  getSchema,
  type KeyValue,
  type Model,
  type RelationArray,
} from "@mrleebo/prisma-ast";
import type pg from "pg";

// Compares a live database with schema.prisma the way `prisma migrate diff`
// would: tables, columns (type, nullability, default), enums (values in
// order), indexes and constraints (columns, sort order, uniqueness, Prisma's
// default names) and foreign keys (columns, target, referential actions).
// Each difference is one readable line, so a failing test says what drifted.

export interface Column {
  type: string;
  isNullable: boolean;
  /** undefined = no database default; a RegExp where only the shape is fixed. */
  defaultExpr: string | RegExp | undefined;
}

export interface Index {
  table: string;
  name: string;
  kind: "primary" | "unique" | "index";
  columns: string[];
  descending: boolean[];
}

export interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface SchemaShape {
  tables: Map<string, Map<string, Column>>;
  enums: Map<string, string[]>;
  indexes: Index[];
  foreignKeys: ForeignKey[];
}

export async function findSchemaDrift(options: {
  schemaSource: string;
  db: pg.ClientBase;
}): Promise<string[]> {
  return compareSchemaShapes(
    readPrismaSchema(options.schemaSource),
    await readDatabaseSchema(options.db),
  );
}

// ───────────────────────────── schema.prisma ─────────────────────────────

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "bool",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  Integer: () => "int4",
  SmallInt: () => "int2",
  BigInt: () => "int8",
  Boolean: () => "bool",
  DoublePrecision: () => "float8",
  Real: () => "float4",
  JsonB: () => "jsonb",
  Json: () => "json",
  ByteA: () => "bytea",
  Date: () => "date",
  Decimal: ([precision = "65", scale = "30"]) => `numeric(${precision},${scale})`,
  VarChar: ([length]) => (length ? `varchar(${length})` : "varchar"),
  Timestamptz: ([precision = "6"]) => `timestamptz(${precision})`,
  Timestamp: ([precision = "6"]) => `timestamp(${precision})`,
};

const REFERENTIAL_ACTIONS = ["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"];
// Filled in by Prisma Client, so they leave no trace in the database.
const CLIENT_SIDE_DEFAULTS = ["uuid", "cuid", "nanoid", "ulid"];

export function readPrismaSchema(source: string): SchemaShape {
  const blocks = getSchema(source).list;
  const models = blocks.filter((block): block is Model => block.type === "model");
  const enums = blocks.filter((block): block is Enum => block.type === "enum");
  const enumNames = new Map(
    enums.map((block) => [block.name, readDbName(block.enumerators, block.name)]),
  );
  const tableNames = new Map(
    models.map((model) => [model.name, readDbName(model.properties, model.name)]),
  );
  const shape: SchemaShape = { tables: new Map(), enums: new Map(), indexes: [], foreignKeys: [] };

  for (const block of enums) {
    const values = block.enumerators.flatMap((item) =>
      item.type === "enumerator" ? [readDbName(item.attributes ?? [], item.name)] : [],
    );
    shape.enums.set(enumNames.get(block.name) ?? block.name, values);
  }

  for (const model of models) {
    const table = tableNames.get(model.name) ?? model.name;
    const fields = fieldsOf(model);
    const columnOf = (name: string) =>
      readDbName(fields.find((field) => field.name === name)?.attributes ?? [], name);
    const columns = new Map<string, Column>();
    shape.tables.set(table, columns);

    for (const field of fields) {
      const typeName = String(field.fieldType);
      const target = models.find((candidate) => candidate.name === typeName);
      if (target) {
        const relation = findAttribute(field.attributes, "relation");
        const localFields = readFieldList(readNamedArg(relation, "fields"));
        if (localFields.length === 0) continue; // the back-relation side has no columns
        const targetColumnOf = (name: string) =>
          readDbName(fieldsOf(target).find((f) => f.name === name)?.attributes ?? [], name);
        const isOptional = localFields.some(
          (name) => fields.find((f) => f.name === name)?.optional,
        );
        const columnNames = localFields.map(columnOf);
        shape.foreignKeys.push({
          table,
          name: readMapArg(relation) ?? `${table}_${columnNames.join("_")}_fkey`,
          columns: columnNames,
          referencedTable: tableNames.get(target.name) ?? target.name,
          referencedColumns: readFieldList(readNamedArg(relation, "references")).map(
            targetColumnOf,
          ),
          onDelete: readAction(relation, "onDelete") ?? (isOptional ? "SetNull" : "Restrict"),
          onUpdate: readAction(relation, "onUpdate") ?? "Cascade",
        });
        continue;
      }

      const column = columnOf(field.name);
      const enumName = enumNames.get(typeName);
      columns.set(column, {
        type: (enumName ?? readColumnType(field)) + (field.array ? "[]" : ""),
        // Prisma renders scalar lists without NOT NULL.
        isNullable: Boolean(field.optional || field.array),
        defaultExpr: readDefaultExpr(findAttribute(field.attributes, "default"), enumName),
      });
      for (const [attribute, kind] of [
        ["id", "primary"],
        ["unique", "unique"],
      ] as const) {
        const found = findAttribute(field.attributes, attribute);
        if (found)
          shape.indexes.push(describeIndex(table, kind, [column], [false], readMapArg(found)));
      }
    }

    for (const property of model.properties) {
      if (property.type !== "attribute") continue;
      const kind = ({ id: "primary", unique: "unique", index: "index" } as const)[
        property.name as "id" | "unique" | "index"
      ];
      if (!kind) continue;
      const entries = readIndexEntries(property.args[0]?.value);
      const indexColumns = entries.map((entry) => columnOf(entry.field));
      const descending = entries.map((entry) => entry.isDescending);
      shape.indexes.push(
        describeIndex(table, kind, indexColumns, descending, readMapArg(property)),
      );
    }
  }
  return shape;
}

function describeIndex(
  table: string,
  kind: Index["kind"],
  columns: string[],
  descending: boolean[],
  mappedName: string | undefined,
): Index {
  const suffix = { primary: "pkey", unique: "key", index: "idx" }[kind];
  const defaultName =
    kind === "primary" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`;
  return { table, kind, columns, descending, name: mappedName ?? defaultName };
}

function readColumnType(field: Field): string {
  const native = field.attributes?.find((attribute) => attribute.group === "db");
  if (native) {
    const render = NATIVE_TYPES[native.name];
    if (!render) throw new Error(`${field.name}: teach schema-drift.ts about @db.${native.name}`);
    return render((native.args ?? []).map((arg) => String(arg.value)));
  }
  const scalar = SCALAR_TYPES[String(field.fieldType)];
  if (!scalar) throw new Error(`${field.name}: unsupported field type ${String(field.fieldType)}`);
  return scalar;
}

function readDefaultExpr(
  attribute: Attribute | undefined,
  enumName: string | undefined,
): Column["defaultExpr"] {
  const value = attribute?.args?.[0]?.value;
  if (value === undefined) return undefined;
  const call = asNode<Func>(value, "function");
  if (call) {
    if (call.name === "dbgenerated") return unquote(String(call.params?.[0] ?? ""));
    if (call.name === "now") return "CURRENT_TIMESTAMP";
    if (call.name === "autoincrement") return /^nextval\('.+'::regclass\)$/;
    if (CLIENT_SIDE_DEFAULTS.includes(call.name)) return undefined;
    throw new Error(`Unsupported default ${call.name}()`);
  }
  const text = String(value);
  if (text.startsWith('"')) return `'${unquote(text)}'::text`;
  // A bare identifier on an enum field is one of the enum's values.
  return enumName ? `'${text}'::${enumName}` : text;
}

function readIndexEntries(value: unknown): Array<{ field: string; isDescending: boolean }> {
  const list = asNode<RelationArray>(value, "array");
  if (!list) throw new Error("Expected a field list in an index attribute");
  return list.args.map((entry) => {
    if (typeof entry === "string") return { field: entry, isDescending: false };
    const call = asNode<Func>(entry, "function");
    if (!call) throw new Error("Unsupported index entry");
    const sort = (call.params ?? [])
      .map((param) => asNode<KeyValue>(param, "keyValue"))
      .find((p) => p?.key === "sort");
    return { field: call.name, isDescending: sort?.value === "Desc" };
  });
}

function readFieldList(value: unknown): string[] {
  return asNode<RelationArray>(value, "array")?.args.map(String) ?? [];
}

function readNamedArg(attribute: Attribute | BlockAttribute | undefined, key: string): unknown {
  return (attribute?.args ?? [])
    .map((arg) => asNode<KeyValue>(arg.value, "keyValue"))
    .find((arg) => arg?.key === key)?.value;
}

function readMapArg(attribute: Attribute | BlockAttribute | undefined): string | undefined {
  const value = readNamedArg(attribute, "map");
  return typeof value === "string" ? unquote(value) : undefined;
}

function readAction(attribute: Attribute | undefined, key: string): string | undefined {
  const value = readNamedArg(attribute, key);
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !REFERENTIAL_ACTIONS.includes(value)) {
    throw new Error(`Unknown referential action ${String(value)}`);
  }
  return value;
}

/** @map / @@map value, or the Prisma name when there is none. */
function readDbName(items: ReadonlyArray<{ type: string }>, fallback: string): string {
  const map = items.find(
    (item): item is Attribute | BlockAttribute =>
      item.type === "attribute" &&
      (item as Attribute).name === "map" &&
      (item as Attribute).group === undefined,
  );
  const value = map?.args?.[0]?.value;
  return typeof value === "string" ? unquote(value) : fallback;
}

function fieldsOf(model: Model): Field[] {
  return model.properties.filter((property): property is Field => property.type === "field");
}

function findAttribute(attributes: Attribute[] | undefined, name: string): Attribute | undefined {
  return attributes?.find((attribute) => attribute.name === name && attribute.group === undefined);
}

function asNode<T extends { type: string }>(value: unknown, type: T["type"]): T | undefined {
  const isNode =
    typeof value === "object" && value !== null && (value as { type?: unknown }).type === type;
  return isNode ? (value as T) : undefined;
}

function unquote(text: string): string {
  return text.startsWith('"') ? (JSON.parse(text) as string) : text;
}

// ───────────────────────────── database ─────────────────────────────

const ACTION_CODES: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

export async function readDatabaseSchema(db: pg.ClientBase): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: new Map(), enums: new Map(), indexes: [], foreignKeys: [] };

  const tables = await db.query<{ table_name: string }>(`
    SELECT c.relname AS table_name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`);
  for (const { table_name } of tables.rows) shape.tables.set(table_name, new Map());

  const columns = await db.query<{
    table_name: string;
    column_name: string;
    type_name: string;
    type_mod: number;
    is_not_null: boolean;
    default_expr: string | null;
  }>(`
    SELECT c.relname AS table_name, a.attname AS column_name, t.typname AS type_name,
           a.atttypmod AS type_mod, a.attnotnull AS is_not_null,
           pg_get_expr(d.adbin, d.adrelid) AS default_expr
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`);
  for (const row of columns.rows) {
    shape.tables.get(row.table_name)?.set(row.column_name, {
      type: formatColumnType(row.type_name, row.type_mod),
      isNullable: !row.is_not_null,
      defaultExpr: row.default_expr ?? undefined,
    });
  }

  const enums = await db.query<{ enum_name: string; labels: string[] }>(`
    SELECT t.typname AS enum_name, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema()
    GROUP BY t.typname`);
  for (const row of enums.rows) shape.enums.set(row.enum_name, row.labels);

  const indexes = await db.query<{
    table_name: string;
    index_name: string;
    is_primary: boolean;
    is_unique: boolean;
    columns: string[];
    descending: boolean[];
  }>(`
    SELECT t.relname AS table_name, i.relname AS index_name,
           ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
           json_agg(a.attname ORDER BY k.ord) AS columns,
           json_agg((ix.indoption[(k.ord - 1)::int] & 1) = 1 ORDER BY k.ord) AS descending
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
    GROUP BY t.relname, i.relname, ix.indisprimary, ix.indisunique`);
  for (const row of indexes.rows) {
    const kind = row.is_primary ? "primary" : row.is_unique ? "unique" : "index";
    const { table_name: table, index_name: name, columns: indexColumns, descending } = row;
    shape.indexes.push({ table, name, kind, columns: indexColumns, descending });
  }

  const foreignKeys = await db.query<{
    table_name: string;
    constraint_name: string;
    columns: string[];
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(`
    SELECT t.relname AS table_name, c.conname AS constraint_name, ft.relname AS referenced_table,
           (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
           (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced_columns,
           c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class ft ON ft.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`);
  for (const row of foreignKeys.rows) {
    shape.foreignKeys.push({
      table: row.table_name,
      name: row.constraint_name,
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: ACTION_CODES[row.on_delete] ?? row.on_delete,
      onUpdate: ACTION_CODES[row.on_update] ?? row.on_update,
    });
  }
  return shape;
}

// pg_type names plus the modifier that matters (precision, scale, length).
function formatColumnType(typeName: string, typeMod: number): string {
  if (typeName.startsWith("_")) return `${formatColumnType(typeName.slice(1), typeMod)}[]`;
  if (typeName === "numeric" && typeMod >= 4) {
    return `numeric(${((typeMod - 4) >> 16) & 0xffff},${(typeMod - 4) & 0xffff})`;
  }
  if (["timestamptz", "timestamp", "time", "timetz"].includes(typeName) && typeMod >= 0) {
    return `${typeName}(${typeMod})`;
  }
  if (typeName === "varchar" && typeMod >= 4) return `varchar(${typeMod - 4})`;
  return typeName;
}

// ───────────────────────────── comparison ─────────────────────────────

export function compareSchemaShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const drift: string[] = [];
  compareKeys("table", expected.tables, actual.tables, drift);
  for (const [table, expectedColumns] of expected.tables) {
    const actualColumns = actual.tables.get(table);
    if (!actualColumns) continue;
    compareKeys(`column of "${table}"`, expectedColumns, actualColumns, drift);
    for (const [name, want] of expectedColumns) {
      const have = actualColumns.get(name);
      if (!have) continue;
      const where = `column "${table}"."${name}"`;
      if (want.type !== have.type)
        drift.push(`${where}: type is ${have.type}, schema says ${want.type}`);
      if (want.isNullable !== have.isNullable) {
        drift.push(
          `${where}: ${have.isNullable ? "nullable" : "NOT NULL"}, schema says ${want.isNullable ? "nullable" : "NOT NULL"}`,
        );
      }
      if (!isDefaultMatch(want.defaultExpr, have.defaultExpr)) {
        drift.push(
          `${where}: default is ${have.defaultExpr ?? "(none)"}, schema says ${String(want.defaultExpr ?? "(none)")}`,
        );
      }
    }
  }

  compareKeys("enum", expected.enums, actual.enums, drift);
  for (const [name, values] of expected.enums) {
    const have = actual.enums.get(name);
    if (have && have.join(",") !== values.join(",")) {
      drift.push(
        `enum "${name}": values are [${have.join(", ")}], schema says [${values.join(", ")}]`,
      );
    }
  }

  compareLists("index", expected.indexes, actual.indexes, describeIndexShape, drift);
  compareLists(
    "foreign key",
    expected.foreignKeys,
    actual.foreignKeys,
    describeForeignKeyShape,
    drift,
  );
  return drift;
}

function compareKeys(
  label: string,
  expected: Map<string, unknown>,
  actual: Map<string, unknown>,
  drift: string[],
): void {
  for (const name of expected.keys())
    if (!actual.has(name)) drift.push(`missing ${label} "${name}"`);
  for (const name of actual.keys())
    if (!expected.has(name)) drift.push(`unexpected ${label} "${name}"`);
}

// Matched by full description, so any changed detail shows up as one missing
// and one unexpected entry side by side.
function compareLists<T>(
  label: string,
  expected: T[],
  actual: T[],
  describe: (item: T) => string,
  drift: string[],
): void {
  const have = new Set(actual.map(describe));
  const want = new Set(expected.map(describe));
  for (const item of want) if (!have.has(item)) drift.push(`missing ${label} ${item}`);
  for (const item of have) if (!want.has(item)) drift.push(`unexpected ${label} ${item}`);
}

function describeIndexShape(index: Index): string {
  const columns = index.columns.map((column, i) =>
    index.descending[i] ? `${column} DESC` : column,
  );
  return `${index.kind} "${index.name}" on "${index.table}" (${columns.join(", ")})`;
}

function describeForeignKeyShape(key: ForeignKey): string {
  return (
    `"${key.name}" "${key.table}" (${key.columns.join(", ")}) -> "${key.referencedTable}" ` +
    `(${key.referencedColumns.join(", ")}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`
  );
}

function isDefaultMatch(want: Column["defaultExpr"], have: Column["defaultExpr"]): boolean {
  if (want === undefined || have === undefined) return want === have;
  return want instanceof RegExp ? want.test(String(have)) : want === have;
}
