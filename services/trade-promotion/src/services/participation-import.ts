/**
 * importTradeParticipations: a list of who took part in which event, checked by the rules of
 * registerTradeParticipation and updateTradeParticipation. The participants are asked of membership
 * in one batched look-up before the transaction (no network call holds locks); events, their booths
 * taken and the matching participations are then read in one statement each, under lock, and the
 * batch is written in the same transaction with one audit record per row changed. Rows match the
 * graph on the event and the participant, so importing a list twice changes nothing the second time.
 */
import {
  badInput,
  cleanOptionalText,
  cleanText,
  confirmOrganization,
  conflict,
  DomainError,
  ErrorCode,
  foldText,
  importRowsWhere,
  ImportWrites,
  isUuid,
  oncePerFile,
  requireBatchSize,
  rowResults,
  organizationsNamed,
  requireNotDissolvedBy,
  type GatewayLookup,
  type MembershipOrganization,
} from "@kttt/core";
import { placementNamedOn, unitsShareGround } from "@kttt/reference";
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { TradeParticipantKind } from "../domain/enums";
import { TradeEvent } from "../entities/event";
import { TradeParticipation } from "../entities/participation";
import { ImportTradeParticipationsPayload, MAX_TRADE_IMPORT_ROWS, TradeParticipationImportRow, TradeParticipationImportRowResult } from "../types/import";

/** The fields a row sets on its participation, compared with the recorded one's. */
type Compared = Pick<
  TradeParticipation,
  | "adminUnitCode"
  | "communeId"
  | "attendedFrom"
  | "attendedTo"
  | "booths"
  | "salesAmount"
  | "contractCount"
  | "contractValue"
  | "mouCount"
  | "mouValue"
  | "note"
>;

const KIND_LABEL: Record<TradeParticipantKind, string> = {
  COOPERATIVE: "hợp tác xã",
  COOPERATIVE_GROUP: "tổ hợp tác",
  COOPERATIVE_UNION: "liên hiệp hợp tác xã",
  OCOP_LOCAL_OWNER: "chủ thể OCOP",
};

/** The row's own rules on results: counts and money not negative, a value only with a count. */
function checkResults(row: TradeParticipationImportRow): void {
  for (const [field, what] of [
    ["salesAmount", "Sales"],
    ["contractValue", "The value of contracts"],
    ["mouValue", "The value of memoranda"],
  ] as const) {
    const amount = row[field];
    if (amount != null && amount < 0n) throw badInput(`${what} cannot be negative.`, field, "NEGATIVE_AMOUNT");
  }
  for (const field of ["booths", "contractCount", "mouCount"] as const) {
    const n = row[field];
    if (n != null && (n < 0 || n > (field === "booths" ? 1000 : 1_000_000)))
      throw badInput(`${field} must be between 0 and ${field === "booths" ? 1000 : 1_000_000}; the row says ${n}.`, field, "INVALID_VALUE");
  }
  if (!row.contractCount && (row.contractValue ?? 0n) > 0n)
    throw badInput("A contract value needs at least one contract (contractCount).", "contractValue", "VALUE_WITHOUT_CONTRACTS");
  if (!row.mouCount && (row.mouValue ?? 0n) > 0n)
    throw badInput("A memorandum value needs at least one memorandum (mouCount).", "mouValue", "VALUE_WITHOUT_MEMORANDA");
}

/** The participant the row names, as membership answered: known, of the kind and place the row says, not dissolved by then. */
function checkParticipant(row: TradeParticipationImportRow, unitCode: string, found: MembershipOrganization | null | undefined, on: string): string {
  const numberField = row.participantRegistrationNumber ? "participantRegistrationNumber" : "participantName";
  if (!row.participantId || !isUuid(row.participantId) || !found) {
    const named = row.participantRegistrationNumber
      ? `registration number ${cleanText(row.participantRegistrationNumber)}`
      : `the name ${cleanText(row.participantName)}`;
    throw new DomainError(
      ErrorCode.NOT_FOUND,
      `The membership registry has no ${KIND_LABEL[row.participantKind]} with ${named}: register it there first, or correct the row.`,
      { field: numberField, reason: "ORGANIZATION_NOT_FOUND" },
    );
  }
  confirmOrganization(
    found,
    {
      id: row.participantId,
      kind: row.participantKind,
      adminUnitCode: unitCode,
      fields: { id: numberField, kind: "participantKind", adminUnitCode: row.commune ? "commune" : "adminUnit" },
    },
    unitsShareGround,
  );
  requireNotDissolvedBy(found, on, numberField, "take part in an event");
  return found.id;
}

export class TradeParticipationImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: GatewayLookup,
  ) {}

  async run(rows: TradeParticipationImportRow[], dryRun: boolean, skipInvalid: boolean): Promise<ImportTradeParticipationsPayload> {
    requireBatchSize(rows, MAX_TRADE_IMPORT_ROWS);
    const { results, checkEach, eachChecked } = rowResults<TradeParticipationImportRowResult, TradeParticipationImportRow>(rows, () =>
      Object.assign(new TradeParticipationImportRowResult(), { participationId: null }),
    );
    const valid = checkEach((row) => {
      if (row.participantKind === TradeParticipantKind.OCOP_LOCAL_OWNER) {
        throw badInput(
          "Enterprises and household businesses are not imported from files yet: record their participation with registerTradeParticipation.",
          "participantKind",
          "KIND_NOT_IMPORTED",
        );
      }
      checkResults(row);
      return true;
    });
    const organizations = await organizationsNamed(this.lookup, rows, valid, "participantId");

    return this.dataSource.transaction(async (manager) => {
      const names = [...new Set(rows.filter((_r, i) => valid[i]).map((r) => foldText(cleanText(r.eventName ?? ""))))];
      // Locked: registrations of the same events wait, so the booths counted here stay true until the write.
      const events = await importRowsWhere(manager, TradeEvent, "e", "kttt_fold(e.name) = ANY(:names)", { names }, { ask: names.length > 0, lock: true });
      const eventIds = events.map((e) => e.id);
      const participantIds = [...new Set(rows.map((r) => r.participantId).filter((id): id is string => !!id && isUuid(id)))];
      const existing = await importRowsWhere(
        manager,
        TradeParticipation,
        "p",
        "p.event_id = ANY(:eventIds) AND p.participant_id = ANY(:participantIds)",
        { eventIds, participantIds },
        { ask: eventIds.length > 0 && participantIds.length > 0, lock: true },
      );
      const byPair = new Map(existing.map((p) => [`${p.eventId}|${p.participantId}`, p]));
      const taken: { event_id: string; booths: number }[] = eventIds.length
        ? await manager.query("SELECT event_id, coalesce(sum(booths), 0)::int AS booths FROM trade_participation WHERE event_id = ANY($1) GROUP BY event_id", [
            eventIds,
          ])
        : [];
      const booths = new Map(taken.map((t) => [t.event_id, t.booths]));

      const writes = new ImportWrites({ entity: TradeParticipation, operation: "importTradeParticipations", rows, results, id: "participationId" });
      const once = oncePerFile();
      eachChecked(valid, (row, _valid, index) => {
        const folded = foldText(cleanText(row.eventName));
        const candidates = events.filter((e) => foldText(cleanText(e.name)) === folded && (!row.eventStartsOn || e.startsOn === row.eventStartsOn));
        if (candidates.length === 0) {
          throw new DomainError(
            ErrorCode.NOT_FOUND,
            `No event ${row.eventStartsOn ? `starting on ${row.eventStartsOn} ` : ""}is called ${cleanText(row.eventName)}: record the event first (createTradeEvent), or correct the name.`,
            { field: "eventName", reason: "EVENT_NOT_FOUND" },
          );
        }
        if (candidates.length > 1) {
          throw badInput(
            `${candidates.length} events are called ${cleanText(row.eventName)} (starting ${candidates.map((e) => e.startsOn).join(", ")}): give the event's first day.`,
            "eventName",
            "EVENT_AMBIGUOUS",
          );
        }
        const [event] = candidates;
        const attendedFrom = row.attendedFrom ?? event.startsOn;
        const attendedTo = row.attendedTo ?? event.endsOn;
        if (attendedTo < attendedFrom)
          throw badInput(`attendedTo (${attendedTo}) is before attendedFrom (${attendedFrom}).`, "attendedTo", "ENDS_BEFORE_START");
        for (const [date, field, what] of [
          [attendedFrom, "attendedFrom", "The first day of participation"],
          [attendedTo, "attendedTo", "The last day of participation"],
        ] as const) {
          if (date < event.startsOn || date > event.endsOn)
            throw badInput(`${what} (${date}) is outside the event's dates, ${event.startsOn} to ${event.endsOn}.`, field, "DATE_OUTSIDE_EVENT");
        }
        // The participant lies where the row places it on its first day, as registerTradeParticipation records it.
        const place = placementNamedOn(row, attendedFrom);
        const participantId = checkParticipant(row, place.unit.code, organizations.get(row.participantId ?? ""), attendedFrom);
        const key = `${event.id}|${participantId}`;
        once(key, row.rowNumber, (earlier) =>
          conflict(`${cleanText(row.participantName)} in ${event.name} is also on ${earlier} of this file.`, "participantName", "DUPLICATE_PARTICIPATION"),
        );
        const found = byPair.get(key) ?? null;
        const wanted: Compared = {
          adminUnitCode: place.adminUnitCode,
          // A row naming a district only keeps the commune recorded.
          communeId: place.communeId ?? found?.communeId ?? null,
          attendedFrom,
          attendedTo,
          booths: row.booths ?? 0,
          salesAmount: row.salesAmount ?? 0n,
          contractCount: row.contractCount ?? 0,
          contractValue: row.contractValue ?? 0n,
          mouCount: row.mouCount ?? 0,
          mouValue: row.mouValue ?? 0n,
          note: cleanOptionalText(row.note) ?? found?.note ?? null,
        };
        const held = booths.get(event.id) ?? 0;
        const after = held - (found?.booths ?? 0) + wanted.booths;
        if (event.boothCount !== null && wanted.booths > (found?.booths ?? 0) && after > event.boothCount) {
          throw badInput(
            `${event.name} has ${event.boothCount} booths and ${held} are taken; ${wanted.booths - (found?.booths ?? 0)} more do not fit.`,
            "booths",
            "BOOTHS_EXCEED_EVENT",
          );
        }
        booths.set(event.id, after);
        if (!found) {
          const participation = Object.assign(new TradeParticipation(), {
            id: randomUUID(),
            eventId: event.id,
            participantId,
            participantKind: row.participantKind,
            ...wanted,
            communeSince: place.communeSince,
            version: 1,
          });
          writes.create(participation, index);
          return;
        }
        writes.update(found, wanted, index, place.communeSince);
      });
      return writes.finish(manager, ImportTradeParticipationsPayload, dryRun, skipInvalid);
    });
  }
}
