/**
 * `npm run export`: any connection query the graph answers, paged through to its end, into an .xlsx
 * or a .csv. Headers are the Vietnamese terms of the schema's descriptions (an organisation's columns
 * carry the import's own headers, so an export imports back); money is a number in đồng, dates are
 * dates, enums their Vietnamese labels; a CSV is UTF-8 with a BOM and its text cannot run as a formula.
 */
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  parse,
  print,
  visit,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { looksLikeFormula } from "./columns";
import { callGraph, IMPORT_KINDS, type Credential } from "./importer";

export interface ExportColumn {
  header: string;
  /** Response keys from a node to the value. */
  path: string[];
  type: GraphQLNamedType;
  list: boolean;
}

const AFTER = "kttt_after";
const PAGE_INFO = "kttt_pageInfo";

/** "Registered name with diacritics (tên), e.g. …" → "Tên". */
export function vietnameseTerm(description: string | null | undefined, fallback: string): string {
  const term = /\(([^()]*)\)/u
    .exec(description ?? "")?.[1]
    ?.split(/[,;]/u)[0]
    ?.trim();
  return term ? term.charAt(0).toUpperCase() + term.slice(1) : fallback;
}

/** "Đang hoạt động: operating." → "Đang hoạt động"; "Hợp tác xã (HTX): …" → "Hợp tác xã". */
export function enumLabel(description: string | null | undefined, value: string): string {
  const label = (description ?? "").split(/:| \(/u)[0].trim();
  return label || value;
}

/** The import's headers of an organisation's fields, so an export of organisations imports back. */
const ORGANIZATION_HEADERS: Record<string, string> = Object.fromEntries(IMPORT_KINDS.organizations.spec.columns.map((c) => [c.key, c.label]));

function unwrap(type: GraphQLOutputType): { named: GraphQLNamedType; list: boolean } {
  let t = type;
  let list = false;
  while (isNonNullType(t) || isListType(t)) {
    if (isListType(t)) list = true;
    t = (t as { ofType: GraphQLOutputType }).ofType;
  }
  return { named: getNamedType(t), list };
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** The leaf columns a selection on `type` asks for; a nested object with one leaf takes its field's header. */
function columnsOf(schema: GraphQLSchema, type: GraphQLNamedType, selection: SelectionSetNode, path: string[]): ExportColumn[] {
  const out: ExportColumn[] = [];
  const isOrganization =
    (isObjectType(type) || isInterfaceType(type)) && (type.name === "Organization" || type.getInterfaces().some((i) => i.name === "Organization"));
  for (const node of selection.selections) {
    if (node.kind === Kind.INLINE_FRAGMENT) {
      const on = node.typeCondition ? (schema.getType(node.typeCondition.name.value) ?? type) : type;
      out.push(...columnsOf(schema, on, node.selectionSet, path).filter((c) => !out.some((o) => o.path.join(".") === c.path.join("."))));
      continue;
    }
    if (node.kind !== Kind.FIELD || node.name.value.startsWith("__")) continue;
    const field = fieldOf(type, node.name.value);
    if (!field) throw new Error(`${type.name} has no field ${node.name.value}.`);
    const key = node.alias?.value ?? node.name.value;
    const { named, list } = unwrap(field.type);
    const header = node.alias
      ? node.alias.value
      : (isOrganization && ORGANIZATION_HEADERS[node.name.value]) || vietnameseTerm(field.description, node.name.value);
    if (isLeafType(named)) out.push({ header, path: [...path, key], type: named, list });
    else if (node.selectionSet) {
      const inner = columnsOf(schema, named, node.selectionSet, [...path, key]);
      if (inner.length === 1 && isOrganization && node.name.value === "adminUnit") inner[0].header = ORGANIZATION_HEADERS.adminUnit;
      else if (inner.length === 1) inner[0].header = header;
      else for (const c of inner) c.header = `${header}: ${c.header}`;
      out.push(...inner.map((c) => ({ ...c, list: c.list || list })));
    }
  }
  return out;
}

/** Money columns name their unit, "(đồng)", unless the header already names one: an export of money imports back exactly. */
function withMoneyUnit(columns: ExportColumn[]): ExportColumn[] {
  return columns.map((c) => (c.type.name === "VND" && !/\(/u.test(c.header) ? { ...c, header: `${c.header} (đồng)` } : c));
}

interface Plan {
  query: string;
  /** Response keys from the data to the connection. */
  connectionPath: string[];
  /** Keys inside the connection to the list of nodes (["nodes"] or ["edges", "node"]). */
  nodesPath: string[];
  columns: ExportColumn[];
  sheetName: string;
  /** False for a plain list, answered in one request. */
  paged: boolean;
}

/** Finds the query's first connection, adds paging to it and reads the columns of its nodes. */
export function planExport(schema: GraphQLSchema, queryText: string): Plan {
  const document = parse(queryText);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.operation !== "query") throw new Error("The file must hold a query.");
  let found: { node: FieldNode; path: string[]; type: GraphQLNamedType; field: GraphQLField<unknown, unknown> } | null = null;
  let list: { node: FieldNode; path: string[]; type: GraphQLNamedType; field: GraphQLField<unknown, unknown> } | null = null;
  const search = (type: GraphQLNamedType, selection: SelectionSetNode, path: string[]) => {
    for (const node of selection.selections) {
      if (found || node.kind !== Kind.FIELD) continue;
      const field = fieldOf(type, node.name.value);
      if (!field) throw new Error(`${type.name} has no field ${node.name.value}.`);
      const { named, list: isList } = unwrap(field.type);
      const key = node.alias?.value ?? node.name.value;
      if (named.name.endsWith("Connection") && node.selectionSet) found = { node, path: [...path, key], type: named, field };
      else if (node.selectionSet) {
        if (isList && !list) list = { node, path: [...path, key], type: named, field };
        search(named, node.selectionSet, [...path, key]);
      }
    }
  };
  search(schema.getQueryType()!, operation.selectionSet, []);
  if (!found && list) {
    // A bounded list (the units of a period, say) is one page: exported as it is answered.
    const plain = list as { node: FieldNode; path: string[]; type: GraphQLNamedType; field: GraphQLField<unknown, unknown> };
    const columns = withMoneyUnit(columnsOf(schema, plain.type, plain.node.selectionSet!, []));
    return {
      query: print(document),
      connectionPath: plain.path,
      nodesPath: [],
      columns,
      sheetName: vietnameseTerm(plain.field.description, plain.node.name.value).slice(0, 31),
      paged: false,
    };
  }
  if (!found) throw new Error("The query asks for no list (a connection with nodes, or a list of objects): there is nothing to export.");
  const connection = found as { node: FieldNode; path: string[]; type: GraphQLNamedType; field: GraphQLField<unknown, unknown> };
  if (!connection.field.args.some((a) => a.name === "after")) throw new Error(`${connection.node.name.value} cannot be paged with after.`);
  const nodesField = connection.node.selectionSet!.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && (s.name.value === "nodes" || s.name.value === "edges"),
  );
  if (!nodesField?.selectionSet) throw new Error(`Select the nodes of ${connection.node.name.value} (nodes { … }) to export them.`);
  let nodesPath = [nodesField.alias?.value ?? nodesField.name.value];
  let nodeSelection = nodesField.selectionSet;
  const nodeType = unwrap(fieldOf(connection.type, "nodes")?.type ?? fieldOf(connection.type, "edges")!.type).named;
  let type = nodeType;
  if (nodesField.name.value === "edges") {
    const inner = nodesField.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "node");
    if (!inner?.selectionSet) throw new Error("Select edges { node { … } } to export the nodes.");
    nodesPath = [...nodesPath, inner.alias?.value ?? "node"];
    nodeSelection = inner.selectionSet;
    type = unwrap(fieldOf(nodeType, "node")!.type).named;
  }
  const columns = withMoneyUnit(columnsOf(schema, type, nodeSelection, []));
  const paged = visit(document, {
    OperationDefinition(node) {
      if (node !== operation) return undefined;
      return {
        ...node,
        variableDefinitions: [
          ...(node.variableDefinitions ?? []),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER } },
            type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "String" } },
          },
        ],
      };
    },
    Field(node) {
      if (node !== connection.node) return undefined;
      const pageInfo = parse(`{ ${PAGE_INFO}: pageInfo { hasNextPage endCursor } }`).definitions[0] as OperationDefinitionNode;
      return {
        ...node,
        arguments: [
          ...(node.arguments ?? []).filter((a) => a.name.value !== "after"),
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "after" }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER } } },
        ],
        selectionSet: { ...node.selectionSet!, selections: [...node.selectionSet!.selections, ...pageInfo.selectionSet.selections] },
      };
    },
  });
  return {
    query: print(paged),
    connectionPath: connection.path,
    nodesPath,
    columns,
    sheetName: vietnameseTerm(connection.field.description, connection.node.name.value).slice(0, 31),
    paged: true,
  };
}

/** Number formats every workbook the project writes shares: money in whole đồng, dates, shares (0 to 1), counts. */
export const CELL_FORMATS = {
  money: '#,##0 "đ"',
  date: "dd/mm/yyyy",
  share: "0.00%",
  count: "#,##0",
  /** A percentage served as 0–100 (a plan's PERCENT indicator): the number as served, with a % sign. */
  percentPoints: '0.##"%"',
} as const;

/** A VND amount (served as a decimal string) as a spreadsheet number, or the text when a double cannot hold it exactly. */
export function vndCell(raw: unknown): number | string | null {
  if (raw === null || raw === undefined) return null;
  return Number.isSafeInteger(Number(raw)) ? Number(raw) : String(raw);
}

const dig = (value: unknown, path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (Array.isArray(v) ? v.map((x) => dig(x, [k])) : v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );

/** A cell's value as a spreadsheet should hold it. */
export function cellValue(column: ExportColumn, raw: unknown): string | number | Date | null {
  if (raw === null || raw === undefined) return null;
  if (Array.isArray(raw)) return raw.map((r) => String(cellValue({ ...column, list: false }, r) ?? "")).join("; ");
  switch (column.type.name) {
    case "VND":
      return vndCell(raw);
    case "LocalDate":
      return new Date(`${String(raw)}T00:00:00Z`);
    case "Boolean":
      return raw ? "Có" : "Không";
    default:
      if (isEnumType(column.type)) {
        const value = column.type.getValue(String(raw));
        return enumLabel(value?.description, String(raw));
      }
      return typeof raw === "number" ? raw : String(raw);
  }
}

/** Text made safe for CSV: a leading =, +, -, @ (or tab/CR) is quoted away so no spreadsheet runs it. */
export function escapeFormula(value: string): string {
  return looksLikeFormula(value) || /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

const formatDate = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

export interface ExportOptions {
  query: string;
  variables?: Record<string, unknown>;
  out: string;
  gatewayUrl: string;
  token: Credential;
  onPage?: (rows: number) => void;
}

export async function runExport(options: ExportOptions): Promise<{ rows: number; pages: number; columns: ExportColumn[] }> {
  const introspection = await callGraph<IntrospectionQuery>(options.gatewayUrl, options.token, getIntrospectionQuery(), {});
  const schema = buildClientSchema(introspection);
  const plan = planExport(schema, options.query);
  const csv = /\.csv$/iu.test(options.out);
  if (!csv && !/\.xlsx$/iu.test(options.out)) throw new Error(`--out must end in .xlsx or .csv (got ${options.out}).`);
  const headers = plan.columns.map((c) => c.header);
  let write: (values: (string | number | Date | null)[]) => Promise<void>;
  let finish: () => Promise<void>;
  if (csv) {
    const file = createWriteStream(options.out);
    const stringifier = stringify({ bom: true, record_delimiter: "windows" });
    stringifier.pipe(file);
    stringifier.write(headers.map(escapeFormula));
    write = async (values) => {
      const ok = stringifier.write(
        values.map((v) => (v === null ? "" : v instanceof Date ? formatDate(v) : typeof v === "number" ? String(v) : escapeFormula(v))),
      );
      if (!ok) await once(stringifier, "drain");
    };
    finish = async () => {
      stringifier.end();
      await once(file, "finish");
    };
  } else {
    // Strings inline in each cell, not in a shared-strings part: a streaming writer adds that part after the sheet, and
    // exceljs's streaming reader then holds the sheet back until it has read it — when its zip iteration ends early
    // (seen under load), the sheet came back without its texts and the file "had no header row".
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: options.out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(plan.sheetName || "Danh sách", { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = plan.columns.map((c) => ({
      header: c.header,
      width: Math.max(12, Math.min(50, c.header.length + 6)),
      style: c.type.name === "VND" ? { numFmt: CELL_FORMATS.money } : c.type.name === "LocalDate" ? { numFmt: CELL_FORMATS.date } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    write = async (values) => sheet.addRow(values).commit();
    finish = async () => {
      await sheet.commit();
      await workbook.commit();
    };
  }
  let after: string | null = null;
  let rows = 0;
  let pages = 0;
  for (;;) {
    const data = await callGraph<Record<string, unknown>>(options.gatewayUrl, options.token, plan.query, { ...options.variables, [AFTER]: after });
    const connection = dig(data, plan.connectionPath) as Record<string, unknown> | null;
    if (!connection) break;
    const nodes = ((plan.paged ? dig(connection, plan.nodesPath) : connection) as unknown[]) ?? [];
    for (const node of nodes) {
      await write(plan.columns.map((c) => cellValue(c, dig(node, c.path))));
      rows += 1;
    }
    pages += 1;
    options.onPage?.(rows);
    if (!plan.paged) break;
    const pageInfo = connection[PAGE_INFO] as { hasNextPage: boolean; endCursor: string | null };
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
    after = pageInfo.endCursor;
  }
  await finish();
  return { rows, pages, columns: plan.columns };
}
