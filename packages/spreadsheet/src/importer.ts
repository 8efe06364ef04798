/**
 * The import engine of the command line and the dashboard: a file streamed by the engine, each row
 * checked locally (cells, repeats inside the file) and then by the owning subgraph through the gateway
 * (a dry run of each batch as it fills), written only when the whole file is valid (or with
 * skipInvalid, its valid rows), the problems printed and copied into an .xlsx of the file with a
 * "Lỗi" column.
 */
import ExcelJS from "exceljs";
import { SingleBar, Presets } from "cli-progress";
import { cleanText, foldText } from "@kttt/core";
import type { KindSpec } from "./columns";
import { SpreadsheetError } from "./errors";
import { importMutation } from "./import-mutation";
import { classificationsKind, financialReportsKind, membersKind } from "./kinds/membership-records";
import { ocopProductsImport } from "./kinds/ocop-products";
import { foundingMembersKind, organizationsKind } from "./kinds/organizations";
import { beneficiariesImport, disbursementsImport } from "./kinds/support";
import { tradeParticipationsImport } from "./kinds/trade-participations";
import { openSource } from "./readers";
import { columnLetter, openTable, type CellProblem, type Table, type TableRow } from "./table";

/** An import kind: its columns, and the batch mutation of the subgraph that owns it. */
export interface ImportKind {
  spec: KindSpec;
  mutation: string;
  field: string;
  /** The natural key of a row inside the file, to find repeats before asking the graph. */
  key(values: Record<string, unknown>): string | null;
  keyColumn: string;
  /** The row as the mutation takes it, when its columns are not its fields one for one. */
  toRow?(values: Record<string, unknown>): Record<string, unknown>;
  /** A problem of the row as a whole, found before asking the graph (e.g. no column names its organisation). */
  rowProblem?(values: Record<string, unknown>): { column: string; reason: string } | null;
  /** The columns a field of the mutation's row comes from, for messages about it (the first the file has is named). */
  fieldColumns?: Record<string, string[]>;
  /** The key as a person reads it in a message (default: the key). */
  keyLabel?(values: Record<string, unknown>): string;
  /**
   * Asks the graph, before the rows are sent, what they need that a file does not hold (membership's
   * ids of the owners they name); fills it into the rows' values and answers the problems found, by
   * the row's position in `rows`.
   */
  prepare?(
    rows: Record<string, unknown>[],
    ask: <T>(query: string, variables: Record<string, unknown>) => Promise<T>,
  ): Promise<Map<number, { field: string; reason: string }>>;
  /**
   * The import sessions of the subgraph that owns the kind (its mutation then takes `$session`): a file
   * longer than a batch is checked and written in one pass, every batch in the session's one transaction,
   * committed at the end only when every row of the file was valid. Both mutations answer as `session`.
   */
  session?: { start: string; finish: string };
  /**
   * The mutation lists only the rows not created (`rows(outcomes: …)`) and counts the rest in `counts.created`:
   * the rows it does not list were created (would be, on a dry run). A file of new rows is then answered in a few bytes.
   */
  omitsCreated?: true;
  /** Rows of another sheet of the same workbook that belong to a row (an organisation's founding members). */
  children?: {
    spec: KindSpec;
    field: string;
    /** The keys a parent row answers to, and the key a child row names. */
    parentKeys(values: Record<string, unknown>): string[];
    parentKey(values: Record<string, unknown>): string;
    toInput(values: Record<string, unknown>): Record<string, unknown>;
  };
}

/** An organisation as a members sheet names it: its registration number (dots and spaces dropped) or its folded name. */
const organizationKey = (text: string) => (/^[\d.\s-]+$/u.test(text) ? text.replace(/[.\s]/gu, "") : foldText(cleanText(text)));

/** A records row names its organisation by registration number, else by name; the other columns are its fields. */
function organizationRow(values: Record<string, unknown>): Record<string, unknown> {
  const { registrationNumber, organizationName, ...rest } = values;
  return { ...rest, organization: registrationNumber ?? organizationName };
}
const needsOrganization = (values: Record<string, unknown>) =>
  values.registrationNumber === undefined && values.organizationName === undefined
    ? { column: "registrationNumber", reason: "the row names no organisation: write its registration number or its name" }
    : null;
const orgKey = (v: Record<string, unknown>) => String(v.registrationNumber ?? organizationKey(String(v.organizationName ?? "")));
const ORGANIZATION_FIELDS = { organization: ["registrationNumber", "organizationName"] };

/** Members, yearly figures and classifications: an organisation's records, written by membership. */
const RECORD_KINDS: Record<string, ImportKind> = {
  members: {
    spec: membersKind,
    field: "importMembers",
    mutation: importMutation("importMembers", "MemberImportRow", "organizationId"),
    key: (v) => (v.fullName && v.joinedOn ? `${orgKey(v)}|${foldText(String(v.fullName))}|${String(v.joinedOn)}` : null),
    keyColumn: "fullName",
    toRow: organizationRow,
    rowProblem: needsOrganization,
    fieldColumns: ORGANIZATION_FIELDS,
  },
  financialReports: {
    spec: financialReportsKind,
    field: "importFinancialReports",
    mutation: importMutation("importFinancialReports", "FinancialReportImportRow", "organizationId"),
    key: (v) => (v.year !== undefined ? `${orgKey(v)}|${String(v.year)}` : null),
    keyColumn: "year",
    toRow: organizationRow,
    rowProblem: needsOrganization,
    fieldColumns: ORGANIZATION_FIELDS,
  },
  classifications: {
    spec: classificationsKind,
    field: "importClassifications",
    mutation: importMutation("importClassifications", "ClassificationImportRow", "organizationId"),
    key: (v) => (v.year !== undefined ? `${orgKey(v)}|${String(v.year)}|${String(v.scheme ?? "CIRCULAR_01_2020")}` : null),
    keyColumn: "year",
    toRow: organizationRow,
    rowProblem: needsOrganization,
    fieldColumns: ORGANIZATION_FIELDS,
  },
};

export const IMPORT_KINDS: Record<string, ImportKind> = {
  organizations: {
    spec: organizationsKind,
    field: "importOrganizations",
    mutation: /* GraphQL */ `
      mutation Import($rows: [OrganizationImportRow!]!, $dryRun: Boolean!, $skipInvalid: Boolean!, $session: ID) {
        importOrganizations(rows: $rows, dryRun: $dryRun, skipInvalid: $skipInvalid, session: $session) {
          written
          counts {
            created
          }
          rows(outcomes: [UPDATED, UNCHANGED, INVALID]) {
            index
            outcome
            organizationId
            problems {
              field
              reason
              message
            }
          }
        }
      }
    `,
    key: (v) => (typeof v.registrationNumber === "string" ? v.registrationNumber : null),
    keyColumn: "registrationNumber",
    omitsCreated: true,
    session: {
      start: /* GraphQL */ `
        mutation StartImport {
          session: startMembershipImport {
            id
            state
          }
        }
      `,
      finish: /* GraphQL */ `
        mutation FinishImport($session: ID!, $commit: Boolean!) {
          session: finishMembershipImport(session: $session, commit: $commit) {
            id
            state
            rowsWritten
          }
        }
      `,
    },
    children: {
      spec: foundingMembersKind,
      field: "members",
      parentKeys: (v) => [typeof v.registrationNumber === "string" ? v.registrationNumber : "", organizationKey(String(v.name ?? ""))].filter(Boolean),
      parentKey: (v) => organizationKey(String(v.organization ?? "")),
      toInput: (v) => ({
        kind: v.kind ?? "INDIVIDUAL",
        membershipType: v.membershipType,
        fullName: v.fullName,
        capitalContributed: v.capitalContributed ?? 0n,
        joinedOn: v.joinedOn,
      }),
    },
  },
  ...RECORD_KINDS,
  ocopProducts: ocopProductsImport,
  tradeParticipations: tradeParticipationsImport,
  beneficiaries: beneficiariesImport,
  disbursements: disbursementsImport,
};

/** Rows per call: up to membership's MAX_IMPORT_ROWS (5,000), BATCH_BYTES deciding for wide rows. */
export const BATCH_ROWS = 5000;
/** Bytes of rows per call: under the gateway's default request limit (MAX_BODY_BYTES, 1 MB), whatever the rows hold. */
export const BATCH_BYTES = 800_000;

const bigintAsText = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** A request's JSON: V8's fast path (no replacer) unless a value is a bigint (money), which is sent as digits. */
function requestJson(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(body, bigintAsText);
  }
}

/** The gateway of `npm start`. */
export const DEFAULT_GATEWAY_URL = "http://127.0.0.1:4000/graphql";

export interface RowReport {
  rowNumber: number;
  /** The sheet of a row that is not on the main one (a member naming no organisation of the file). */
  sheet?: string;
  outcome: "CREATED" | "UPDATED" | "UNCHANGED" | "INVALID" | "SKIPPED";
  problems: CellProblem[];
}

export interface ImportReport {
  kind: string;
  source: string;
  written: boolean;
  dryRun: boolean;
  rows: RowReport[];
  counts: Record<RowReport["outcome"], number>;
  /** The .xlsx copy with a "Lỗi" column, when a row had a problem. */
  errorCopy: string | null;
  /** Calls of the kind's import mutation (batches sent, checks and writes). */
  batches: number;
}

/** Who calls the graph: a bearer token, or an API key (sent as x-api-key, as the gateway takes it). */
export type Credential = string | { apiKey: string };

const credentialHeaders = (credential: Credential): Record<string, string> =>
  typeof credential === "string" ? { authorization: `Bearer ${credential}` } : { "x-api-key": credential.apiKey };

export interface ImportOptions {
  file: string;
  kind: string;
  sheet?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  gatewayUrl: string;
  token: Credential;
  /** Where to write the error copy; defaults beside the file. */
  errorCopy?: string;
  progress?: boolean;
  /** Rows per call (default BATCH_ROWS); smaller in tests of files longer than a batch. */
  batchRows?: number;
}

/** The graph refused a whole request (not a row): its error code, e.g. FORBIDDEN. */
export class GraphRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the gateway; a GraphQL error that concerns the whole request ends the import. */
export async function callGraph<T>(url: string, token: Credential, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...credentialHeaders(token) },
    body: requestJson({ query, variables }),
  }).catch((error: Error) => {
    throw new Error(`The gateway at ${url} did not answer (${error.message}). Is the graph running (npm start)?`);
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new GraphRefused(
      first.extensions?.code ?? `HTTP_${response.status}`,
      `The graph refused the request (${first.extensions?.code ?? response.status}): ${first.message}`,
    );
  }
  if (!body.data) throw new Error(`The gateway answered HTTP ${response.status} without data.`);
  return body.data;
}

/** The file's column a field comes from: of several, the first the row fills (else the first the file has). */
function columnOf(table: Table, field: string, kind?: ImportKind, values?: Record<string, unknown>): { header: string; letter: string; index: number } | null {
  const top = field.split(".")[0];
  const keys = kind?.fieldColumns?.[top] ?? [top];
  const present = keys.map((key) => table.columns.find((c) => c.spec.key === key)).filter((c) => c !== undefined);
  const column = present.find((c) => values?.[c.spec.key] !== undefined) ?? present[0];
  return column ? { header: column.header, letter: columnLetter(column.index), index: column.index } : null;
}

/** A row of the file on its way to the graph: its values are dropped once its batch has been answered. */
interface PendingRow {
  rowNumber: number;
  values: Record<string, unknown>;
  report: RowReport;
}

/** About the UTF-8 bytes of a value in a request's JSON: strings and numbers measured, anything else (founding members) serialised. */
function jsonBytes(value: unknown): number {
  if (typeof value === "string") return Buffer.byteLength(value) * (value.includes('"') || value.includes("\\") ? 2 : 1) + 2;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return 24;
  return Buffer.byteLength(JSON.stringify(value, bigintAsText) ?? "null");
}

/** About the bytes of a row in a request's JSON. */
function rowBytes(row: PendingRow): number {
  let size = 20;
  for (const key in row.values) size += key.length + 4 + jsonBytes(row.values[key]);
  return size;
}

/** The rows of another sheet that travel with the main sheet's rows (an organisation's founding members). */
interface ChildRows {
  byParent: Map<string, { rowNumber: number; values: Record<string, unknown>; problems: CellProblem[] }[]>;
  header: { header: string; letter: string };
}

async function readChildren(options: ImportOptions, kind: ImportKind, format: string): Promise<ChildRows | null> {
  const children = kind.children;
  if (!children || format !== "xlsx") return null;
  const childTable = await openTable(options.file, children.spec, { sheet: children.spec.sheetName }).catch((error: unknown) => {
    if (error instanceof SpreadsheetError && error.code === "SHEET_NOT_FOUND") return null;
    throw error;
  });
  if (!childTable) return null;
  const byParent: ChildRows["byParent"] = new Map();
  for await (const child of childTable.rows) {
    const key = children.parentKey(child.values);
    const list = byParent.get(key) ?? [];
    list.push(child);
    byParent.set(key, list);
  }
  return { byParent, header: { header: childTable.columns[0].header, letter: columnLetter(childTable.columns[0].index) } };
}

/**
 * Reads a file and imports its rows, streamed: only a batch's rows are held at a time, with one result
 * per row of the file; a file of one batch is checked and written in one call (one transaction).
 * A longer file, when the owning subgraph has import sessions (organisations): read once, each batch
 * checked and written by the subgraph as it fills, all in the session's one transaction, committed at
 * the end only when every row of the file was valid — "nothing written unless the whole file is valid"
 * holds because the database commits the file's batches together or not at all.
 * Without sessions: read once to check it (locally, then by the subgraph in a dry run of each batch)
 * and, when every row is valid, read again to write the rows the check found new or changed, batch by
 * batch (nothing is written before every batch has been checked). With skipInvalid each batch is written
 * as it is checked (valid rows only); a dry run only checks.
 */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const kind = IMPORT_KINDS[options.kind];
  if (!kind) throw new Error(`Unknown kind "${options.kind}"; the kinds are: ${Object.keys(IMPORT_KINDS).join(", ")}.`);
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const table = await openTable(options.file, kind.spec, { sheet: options.sheet });
  // Founding members sit on a second sheet: read before the organisations, so each row carries its own.
  const children = await readChildren(options, kind, table.source.format);
  const skipInvalid = options.skipInvalid ?? false;
  const dryRunOnly = options.dryRun ?? false;
  const bar = options.progress
    ? new SingleBar({ format: "{phase} [{bar}] {value}/{total} dòng | {eta_formatted}", hideCursor: true }, Presets.shades_classic)
    : null;

  type Answer = {
    written: boolean;
    counts?: { created: number };
    rows: { index: number; outcome: RowReport["outcome"]; problems: { field: string; reason: string; message: string }[] }[];
  };
  let calls = 0;
  const send = async (batch: PendingRow[], dryRun: boolean, skip: boolean, session: string | null = null): Promise<Answer> => {
    calls += 1;
    const data = await callGraph<Record<string, Answer>>(options.gatewayUrl, options.token, kind.mutation, {
      rows: batch.map((r) => ({ ...(kind.toRow ? kind.toRow(r.values) : r.values), rowNumber: r.rowNumber })),
      dryRun,
      skipInvalid: skip,
      ...(session ? { session } : {}),
    });
    const answer = data[kind.field];
    if (kind.omitsCreated) {
      if (answer.counts?.created !== batch.length - answer.rows.length)
        throw new Error(`The graph answered ${answer.rows.length} rows not created and ${answer.counts?.created} created, for a batch of ${batch.length}.`);
      for (const row of batch) row.report.outcome = "CREATED";
    }
    for (const result of answer.rows) {
      const row = batch[result.index];
      row.report.outcome = result.outcome;
      for (const p of result.problems) {
        const column = columnOf(table, p.field, kind, row.values);
        const shown = column ? table.columns.find((c) => c.index === column.index)?.spec.key : undefined;
        row.report.problems.push({
          column: column?.header ?? p.field,
          columnLetter: column?.letter ?? "",
          value: shown ? String(row.values[shown] ?? "") : "",
          reason: p.message,
        });
      }
    }
    return answer;
  };
  /** Asks the graph what the rows need that the file does not hold (owners' ids); rows it finds a problem in stay behind. */
  const prepared = async (batch: PendingRow[]): Promise<PendingRow[]> => {
    if (!kind.prepare) return batch;
    const found = await kind.prepare(
      batch.map((r) => r.values),
      (query, variables) => callGraph(options.gatewayUrl, options.token, query, variables),
    );
    for (const [index, p] of found) {
      const row = batch[index];
      const column = columnOf(table, p.field);
      row.report.problems.push({
        column: column?.header ?? p.field,
        columnLetter: column?.letter ?? "",
        value: column ? String(row.values[p.field] ?? "") : "",
        reason: p.reason,
      });
    }
    return found.size ? batch.filter((r) => r.report.problems.length === 0) : batch;
  };

  /**
   * Batches sent one after another while the file is read on: the next batch is read and checked while one
   * travels, and once it is full the reading waits for the batch ahead of it (at most one batch sent, one
   * waiting and one filling: the rows held stay bounded whatever the file's length). `add` answers a
   * promise only when the reading has to wait; `settle` waits for every batch sent.
   */
  const pipeline = (handle: (batch: PendingRow[]) => Promise<void>) => {
    let chain: Promise<void> = Promise.resolve();
    const sent: Promise<void>[] = [];
    let current: PendingRow[] = [];
    let bytes = 0;
    const flush = async () => {
      if (current.length === 0) return;
      const batch = current;
      current = [];
      bytes = 0;
      chain = chain.then(() => handle(batch));
      // A refusal is rethrown by the next wait (or settle), not reported as unhandled meanwhile.
      chain.catch(() => undefined);
      sent.push(chain);
      while (sent.length > 1) await sent.shift();
    };
    return {
      add(row: PendingRow, size = rowBytes(row)): Promise<void> | undefined {
        const full = current.length > 0 && (current.length >= batchRows || bytes + size > BATCH_BYTES);
        const wait = full ? flush() : undefined;
        current.push(row);
        bytes += size;
        return wait;
      },
      async settle() {
        await flush();
        await chain;
      },
    };
  };

  /** The main sheet's rows with their founding members, in order; the same rows on every reading of the file. */
  function fileRows(source: Table): AsyncGenerator<TableRow> {
    return children ? withChildren(source) : source.rows;
  }
  async function* withChildren(source: Table): AsyncGenerator<TableRow> {
    const claimed = new Set<string>();
    for await (const row of source.rows) {
      if (children && kind.children) {
        for (const key of kind.children.parentKeys(row.values)) {
          if (claimed.has(key)) continue;
          const mine = children.byParent.get(key);
          if (!mine) continue;
          claimed.add(key);
          const where = `${kind.children.spec.sheetName} dòng`;
          for (const child of mine) {
            if (child.problems.length > 0) row.problems.push(...child.problems.map((p) => ({ ...p, column: `${where} ${child.rowNumber}, ${p.column}` })));
            else ((row.values[kind.children.field] ??= []) as unknown[]).push(kind.children.toInput(child.values));
          }
        }
      }
      yield row;
    }
  }

  // 1. The check: every row read, checked locally, then by the graph batch by batch.
  const reports: RowReport[] = [];
  const firstOfKey = new Map<string, number>();
  const parentKeys = new Set<string>();
  let batchesSent = 0;
  let wroteAny = false;
  let checked = 0;
  // With an import session (the kind's subgraph has them, and the file is to be written whole): each batch
  // checked and written in the session's transaction as it fills, one pass; once a row of the file is
  // found invalid the batches after it are only checked, and the session is rolled back at the end.
  const sessions = !dryRunOnly && !skipInvalid ? kind.session : undefined;
  let session: string | null = null;
  let sessionRefused = false;
  let localProblem = false;
  const sessionCall = async (query: string, variables: Record<string, unknown>) =>
    (await callGraph<{ session: { id: string; state: string } }>(options.gatewayUrl, options.token, query, variables)).session;
  // Otherwise: a dry run of each batch (nothing written until every batch is checked). With skipInvalid,
  // each batch's valid rows are written as they are checked; with dryRun, only checked.
  const checkBatch = async (batch: PendingRow[]) => {
    const ready = await prepared(batch);
    if (sessions) {
      sessionRefused ||= ready.length < batch.length;
      session ??= (await sessionCall(sessions.start, {})).id;
      if (ready.length > 0) sessionRefused ||= !(await send(ready, sessionRefused || localProblem, false, session)).written;
    } else if (ready.length > 0) {
      const answer = await send(ready, dryRunOnly || !skipInvalid, true);
      wroteAny ||= answer.written && !dryRunOnly && skipInvalid;
    }
    checked += batch.length;
    bar?.update(checked);
  };
  /** Ends the session: committed when every row of the file was valid and written in it, else rolled back. */
  const finishSession = async (commit: boolean): Promise<boolean> => {
    if (!sessions || !session) return false;
    const id = session;
    session = null;
    return (await sessionCall(sessions.finish, { session: id, commit })).state === "COMMITTED";
  };
  const check = pipeline(async (batch) => {
    batchesSent += 1;
    await checkBatch(batch);
  });
  // The first batch is held until a second begins: a file of one batch is checked and written in one call.
  let holdFirst = !dryRunOnly && !skipInvalid;
  const firstBatch: PendingRow[] = [];
  let firstBytes = 0;
  bar?.start(0, 0, { phase: "Kiểm tra" });
  try {
    for await (const row of fileRows(table)) {
      const report: RowReport = { rowNumber: row.rowNumber, outcome: "INVALID", problems: row.problems };
      reports.push(report);
      bar?.setTotal(reports.length);
      if (children && kind.children) for (const key of kind.children.parentKeys(row.values)) parentKeys.add(key);
      const whole = kind.rowProblem?.(row.values);
      if (whole) {
        const column = columnOf(table, whole.column, kind);
        report.problems.push({ column: column?.header ?? whole.column, columnLetter: column?.letter ?? "", value: "", reason: whole.reason });
      }
      const key = kind.key(row.values);
      if (key !== null) {
        const first = firstOfKey.get(key);
        const column = first !== undefined ? columnOf(table, kind.keyColumn) : null;
        if (first !== undefined)
          report.problems.push({
            column: column?.header ?? kind.keyColumn,
            columnLetter: column?.letter ?? "",
            value: key,
            reason: `${kind.keyLabel?.(row.values) ?? key} is also on row ${first} of this file`,
          });
        else firstOfKey.set(key, row.rowNumber);
      }
      if (report.problems.length > 0) {
        localProblem = true;
        continue;
      }
      const pending = { rowNumber: row.rowNumber, values: row.values, report };
      const size = rowBytes(pending);
      if (holdFirst) {
        if (firstBatch.length === 0 || (firstBatch.length < batchRows && firstBytes + size <= BATCH_BYTES)) {
          firstBatch.push(pending);
          firstBytes += size;
          continue;
        }
        holdFirst = false;
        for (const held of firstBatch) await check.add(held);
        firstBatch.length = 0;
      }
      const wait = check.add(pending, size);
      if (wait) await wait;
    }
  } catch (error) {
    // A refusal of the graph, or the file unreadable: an open session is rolled back now, not when it idles out.
    await finishSession(false).catch(() => undefined);
    throw error;
  }
  // Members naming no organisation of the file.
  const orphans: RowReport[] = [];
  if (children && kind.children) {
    for (const [key, list] of children.byParent) {
      if (parentKeys.has(key)) continue;
      for (const child of list) {
        const shown = String(child.values.organization ?? "");
        orphans.push({
          rowNumber: child.rowNumber,
          sheet: kind.children.spec.sheetName,
          outcome: "INVALID",
          problems: [
            ...child.problems,
            ...(shown
              ? [
                  {
                    column: children.header.header,
                    columnLetter: children.header.letter,
                    value: shown,
                    reason: `no organisation of sheet "${table.source.description}" has this registration number or name`,
                  },
                ]
              : []),
          ],
        });
      }
    }
    orphans.sort((a, b) => a.rowNumber - b.rowNumber);
  }
  const locallyInvalid = () => reports.some((r) => r.problems.length > 0) || orphans.length > 0;

  let written = false;
  /** Rows of batches written before the graph refused a later one (changed between the check and the write). */
  const committed = new Set<RowReport>();
  if (holdFirst) {
    // The whole file is one batch: checked and written in one call (one transaction), unless a row is already known bad.
    const ready = firstBatch.length ? await prepared(firstBatch) : [];
    const dryRun = locallyInvalid();
    const answer = ready.length ? await send(ready, dryRun, false) : { written: !dryRun };
    written = answer.written && !dryRun;
    bar?.update(reports.length);
  } else if (sessions) {
    try {
      await check.settle();
    } catch (error) {
      await finishSession(false).catch(() => undefined);
      throw error;
    }
    written = await finishSession(!sessionRefused && !locallyInvalid());
  } else {
    await check.settle();
    written = wroteAny || (skipInvalid && !dryRunOnly);
    // 2. The write, when every row of the file passed the check: the file read again, the rows the check
    // found new or changed sent again (the subgraph checks them again in the transaction that writes them).
    if (!dryRunOnly && !skipInvalid && batchesSent > 0 && !locallyInvalid()) {
      const toWrite = reports.filter((r) => r.outcome === "CREATED" || r.outcome === "UPDATED").length;
      bar?.stop();
      bar?.start(toWrite, 0, { phase: "Ghi" });
      let done = 0;
      let refused = false;
      const write = pipeline(async (batch) => {
        if (refused) return;
        const ready = await prepared(batch);
        const answer = ready.length ? await send(ready, false, false) : { written: true };
        // Changed in the graph between the check and the write: this batch is not written, and what
        // follows is not sent. The rows say why.
        if (!answer.written) refused = true;
        else for (const row of ready) committed.add(row.report);
        done += batch.length;
        bar?.update(done);
      });
      if (toWrite > 0) {
        const again = await openTable(options.file, kind.spec, { sheet: options.sheet });
        let i = 0;
        for await (const row of fileRows(again)) {
          const report = reports[i++];
          if (!report || report.rowNumber !== row.rowNumber)
            throw new Error(`${options.file} changed while it was being imported (row ${row.rowNumber}): import it again.`);
          if (report.outcome === "CREATED" || report.outcome === "UPDATED") await write.add({ rowNumber: row.rowNumber, values: row.values, report });
        }
        await write.settle();
      }
      written = !refused;
    }
  }
  bar?.stop();
  for (const report of reports) {
    if (report.problems.length > 0) report.outcome = "INVALID";
    else if (!written && !dryRunOnly && report.outcome !== "INVALID" && !committed.has(report)) report.outcome = "SKIPPED";
  }
  const counts = { CREATED: 0, UPDATED: 0, UNCHANGED: 0, INVALID: 0, SKIPPED: 0 };
  const all = [...reports, ...orphans];
  for (const row of all) counts[row.outcome] += 1;
  const report: ImportReport = {
    kind: options.kind,
    source: table.source.description,
    written,
    dryRun: dryRunOnly,
    rows: all,
    counts,
    errorCopy: null,
    batches: calls,
  };
  if (counts.INVALID > 0) {
    report.errorCopy = options.errorCopy ?? options.file.replace(/\.(xlsx|csv|txt)$/iu, "") + ".loi.xlsx";
    await writeErrorCopy(options.file, options.sheet, table, report, report.errorCopy);
  }
  return report;
}

/** The file's rows as they are, each at its own row number, with the row's problems in a last "Lỗi" column. */
export async function writeErrorCopy(file: string, sheet: string | undefined, table: Table, report: ImportReport, out: string): Promise<void> {
  const problems = new Map(report.rows.filter((r) => r.problems.length > 0 && !r.sheet).map((r) => [r.rowNumber, r.problems]));
  const source = await openSource(file, { sheet });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true });
  const worksheet = workbook.addWorksheet("Lỗi nhập");
  const errorColumn = table.width + 1;
  worksheet.getColumn(errorColumn).width = 80;
  for await (const raw of source.rows) {
    const row = worksheet.getRow(raw.number);
    raw.cells.forEach((cell, i) => {
      if (cell === null || cell === undefined) return;
      // Formulas are copied as the values they showed: the copy is for reading, not recalculating.
      row.getCell(i + 1).value = (
        cell && typeof cell === "object" && !(cell instanceof Date) && "result" in cell ? (cell as { result: unknown }).result : cell
      ) as ExcelJS.CellValue;
    });
    if (table.headerRows.includes(raw.number)) row.getCell(errorColumn).value = "Lỗi";
    const found = problems.get(raw.number);
    if (found) {
      const cell = row.getCell(errorColumn);
      cell.value = found.map((p) => `${p.columnLetter ? `${p.columnLetter} ` : ""}${p.column}: ${p.reason}`).join("\n");
      cell.font = { color: { argb: "FFC00000" } };
      cell.alignment = { wrapText: true, vertical: "top" };
    }
    row.commit();
  }
  await worksheet.commit();
  await workbook.commit();
}

/** The report as a person reads it on the terminal. */
export function describeReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const row of report.rows) {
    for (const p of row.problems)
      lines.push(
        `${row.sheet ? `Trang ${row.sheet}, d` : "D"}òng ${row.rowNumber}${p.columnLetter ? `, cột ${p.columnLetter}` : ""} ${p.column ? `"${p.column}"` : ""}${p.value ? ` (giá trị "${p.value}")` : ""}: ${p.reason}`,
      );
  }
  const c = report.counts;
  lines.push(
    `${report.source}: ${c.CREATED} tạo mới, ${c.UPDATED} cập nhật, ${c.UNCHANGED} không đổi, ${c.INVALID} lỗi${c.SKIPPED ? `, ${c.SKIPPED} không ghi` : ""}. ` +
      (report.dryRun
        ? "Chạy thử: không ghi gì."
        : report.written
          ? "Đã ghi."
          : "Không ghi gì: sửa các dòng lỗi, hoặc dùng --skip-invalid để ghi các dòng hợp lệ."),
  );
  if (report.errorCopy) lines.push(`Bản sao có cột "Lỗi": ${report.errorCopy}`);
  return lines.join("\n");
}
