/**
 * The trade-promotion writes. Each runs in one transaction (made safe to retry by an idempotency
 * key), checks what an Alliance officer would check, and answers with a DomainError naming the
 * field at fault; database constraints back the rules (one participation per event and
 * participant, non-negative money, dates in order).
 */
import { badInput, cleanOptionalText, cleanText, conflict, idempotentTransaction, isUuid, notFound, versionConflict } from "@kttt/core";
import { ADMIN_UNITS } from "@kttt/demo";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { PARTICIPANT_TYPENAME, TradeEventFormat } from "../domain/enums";
import { TradeEvent } from "../entities/event";
import { EcommerceListing, SupplyDemandLink } from "../entities/listing";
import { ParticipationProduct, TradeParticipation } from "../entities/participation";
import type {
  CreateTradeEventInput,
  ParticipantInput,
  RecordEcommerceListingInput,
  RecordSupplyDemandLinkInput,
  RegisterTradeParticipationInput,
  UpdateTradeEventInput,
  UpdateTradeParticipationInput,
} from "../types/inputs";
import type { ProductOwner, ProductOwnerLookup } from "./product-owner-lookup";

export const today = () => new Date().toISOString().slice(0, 10);

function requireId(id: string, field: string, what: string): void {
  if (!isUuid(id)) throw badInput(`${what} id "${id}" is not a valid id.`, field, "INVALID_ID");
}

function notNegative(amount: bigint | undefined | null, field: string, what: string): void {
  if (amount != null && amount < 0n) throw badInput(`${what} cannot be negative.`, field, "NEGATIVE_AMOUNT");
}

function notInFuture(date: string, field: string, what: string): void {
  if (date > today()) throw badInput(`${what} (${date}) cannot be in the future.`, field, "DATE_IN_FUTURE");
}

/** The unit must be one of Hà Tĩnh's and must exist on the date. */
function requireUnit(code: string, date: string, field: string): void {
  const unit = ADMIN_UNITS.find((u) => u.code === code);
  if (!unit) throw badInput(`There is no administrative unit with code ${code} in Hà Tĩnh.`, field, "UNKNOWN_ADMIN_UNIT");
  if (date < unit.validFrom || (unit.validTo !== null && date > unit.validTo)) {
    throw badInput(`${unit.name} did not exist on ${date} (it existed ${unit.validFrom} to ${unit.validTo ?? "today"}).`, field, "ADMIN_UNIT_NOT_VALID_ON_DATE");
  }
}

function insideEvent(event: TradeEvent, date: string, field: string, what: string): void {
  if (date < event.startsOn || date > event.endsOn) {
    throw badInput(`${what} (${date}) is outside the event's dates, ${event.startsOn} to ${event.endsOn}.`, field, "DATE_OUTSIDE_EVENT", {
      startsOn: event.startsOn,
      endsOn: event.endsOn,
    });
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e.code ?? e.driverError?.code) === "23505";
}

/** Turns a unique-key race the checks could not see into the same CONFLICT the checks give. */
async function uniquely<T>(work: () => Promise<T>, onDuplicate: () => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw onDuplicate();
    throw error;
  }
}

async function find<T extends object>(manager: EntityManager, entity: new () => T, id: string, field: string, what: string, lock = false): Promise<T> {
  requireId(id, field, what);
  const query = manager.getRepository(entity).createQueryBuilder("t").where("t.id = :id", { id });
  if (lock) query.setLock("pessimistic_write");
  const row = await query.getOne();
  if (!row) throw notFound(`No ${what.toLowerCase()} has the id ${id}.`, field);
  return row;
}

function noRepeats(ids: string[], field: string): void {
  ids.forEach((id, i) => {
    requireId(id, `${field}.${i}`, "Product");
    if (ids.indexOf(id) !== i) throw badInput(`Product ${id} is given twice.`, `${field}.${i}`, "DUPLICATE_PRODUCT");
  });
}

export class TradeMutations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductOwnerLookup,
  ) {}

  /**
   * Asks ocop who owns each product and refuses unknown products (NOT_FOUND) and products of
   * another owner (BAD_USER_INPUT): "belongs to the participant" as ocop knows it now.
   */
  private async checkOwnership(productIds: string[], owner: ParticipantInput, field: string, indexed = true): Promise<Map<string, ProductOwner | null>> {
    if (productIds.length === 0) return new Map();
    const found = await this.products.find(productIds, field);
    productIds.forEach((id, i) => {
      const product = found.get(id);
      const at = indexed ? `${field}.${i}` : field;
      if (!product) throw notFound(`No OCOP product has the id ${id}.`, at);
      if (product.ownerId !== owner.id || product.ownerTypename !== PARTICIPANT_TYPENAME[owner.kind]) {
        throw badInput(`${product.productName} belongs to another owner (${product.ownerTypename} ${product.ownerId}), not to this participant.`, at, "PRODUCT_OF_ANOTHER_OWNER", {
          ownerId: product.ownerId,
          ownerType: product.ownerTypename,
        });
      }
    });
    return found;
  }

  private readonly loadEvent = (id: string) => this.dataSource.getRepository(TradeEvent).findOneByOrFail({ id });
  private readonly loadParticipation = (id: string) => this.dataSource.getRepository(TradeParticipation).findOneByOrFail({ id });

  private checkEventFields(input: { startsOn: string; endsOn: string; adminUnitCode: string | null; format: TradeEventFormat; budget?: bigint | null; fundingProgrammeId?: string | null }): void {
    if (input.endsOn < input.startsOn) throw badInput(`An event cannot end (${input.endsOn}) before it starts (${input.startsOn}).`, "input.endsOn", "ENDS_BEFORE_START");
    if (input.adminUnitCode) {
      if (input.format === TradeEventFormat.ONLINE) throw badInput("An online event is held in no unit: omit adminUnitCode.", "input.adminUnitCode", "ONLINE_EVENT_HAS_NO_UNIT");
      requireUnit(input.adminUnitCode, input.startsOn, "input.adminUnitCode");
      requireUnit(input.adminUnitCode, input.endsOn, "input.adminUnitCode");
    }
    notNegative(input.budget, "input.budget", "The budget");
    if (input.fundingProgrammeId) requireId(input.fundingProgrammeId, "input.fundingProgrammeId", "Programme");
  }

  createEvent(input: CreateTradeEventInput): Promise<TradeEvent> {
    return idempotentTransaction(
      this.dataSource,
      "createTradeEvent",
      input,
      async (manager) => {
        const adminUnitCode = input.adminUnitCode ?? null;
        this.checkEventFields({ ...input, adminUnitCode });
        const id = randomUUID();
        await manager.getRepository(TradeEvent).insert({
          id,
          name: cleanText(input.name),
          type: input.type,
          format: input.format,
          scope: input.scope,
          organiser: cleanText(input.organiser),
          place: cleanText(input.place),
          adminUnitCode,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          boothCount: input.boothCount ?? null,
          budget: input.budget ?? null,
          fundingProgrammeId: input.fundingProgrammeId ?? null,
          illustrative: false,
          note: cleanOptionalText(input.note),
          version: 1,
        });
        return { result: await manager.getRepository(TradeEvent).findOneByOrFail({ id }), ref: id };
      },
      this.loadEvent,
    );
  }

  updateEvent(input: UpdateTradeEventInput): Promise<TradeEvent> {
    return idempotentTransaction(
      this.dataSource,
      "updateTradeEvent",
      input,
      async (manager, keepBefore) => {
        const event = keepBefore(await find(manager, TradeEvent, input.id, "input.id", "Event", true));
        if (event.version !== input.version) throw versionConflict("This event", input.version, event.version);
        const next = {
          startsOn: input.startsOn ?? event.startsOn,
          endsOn: input.endsOn ?? event.endsOn,
          boothCount: input.boothCount ?? event.boothCount,
          budget: input.budget ?? event.budget,
          fundingProgrammeId: input.fundingProgrammeId ?? event.fundingProgrammeId,
        };
        this.checkEventFields({ ...next, adminUnitCode: event.adminUnitCode, format: event.format });
        const [outside] = await manager.query(
          `SELECT count(*)::int AS participations, coalesce(sum(booths), 0)::int AS booths,
                  count(*) FILTER (WHERE attended_from < $2 OR attended_to > $3)::int AS outside
           FROM trade_participation WHERE event_id = $1`,
          [event.id, next.startsOn, next.endsOn],
        );
        if (outside.outside > 0) {
          throw badInput(`${outside.outside} participation(s) fall outside ${next.startsOn} to ${next.endsOn}; change them first.`, input.startsOn ? "input.startsOn" : "input.endsOn", "PARTICIPATION_OUTSIDE_EVENT_DATES");
        }
        const [links] = await manager.query(`SELECT count(*)::int AS outside FROM supply_demand_link WHERE event_id = $1 AND (agreed_on < $2 OR agreed_on > $3)`, [event.id, next.startsOn, next.endsOn]);
        if (links.outside > 0) {
          throw badInput(`${links.outside} supply-demand link(s) agreed at the event fall outside ${next.startsOn} to ${next.endsOn}.`, input.startsOn ? "input.startsOn" : "input.endsOn", "LINK_OUTSIDE_EVENT_DATES");
        }
        if (next.boothCount !== null && outside.booths > next.boothCount) {
          throw badInput(`Participants already hold ${outside.booths} booths; the event cannot have fewer (${next.boothCount}).`, "input.boothCount", "BOOTHS_EXCEED_EVENT");
        }
        await manager.getRepository(TradeEvent).update(
          { id: event.id, version: event.version },
          {
            ...next,
            name: input.name ? cleanText(input.name) : event.name,
            organiser: input.organiser ? cleanText(input.organiser) : event.organiser,
            place: input.place ? cleanText(input.place) : event.place,
            note: input.note !== undefined ? cleanOptionalText(input.note) : event.note,
            version: event.version + 1,
          },
        );
        return { result: await manager.getRepository(TradeEvent).findOneByOrFail({ id: event.id }), ref: event.id };
      },
      this.loadEvent,
    );
  }

  /** Booths of the event's other participants plus `booths` must fit the event's booth count. */
  private async checkBooths(manager: EntityManager, event: TradeEvent, booths: number, exceptId: string | null): Promise<void> {
    if (event.boothCount === null || booths === 0) return;
    const [{ taken }] = await manager.query(`SELECT coalesce(sum(booths), 0)::int AS taken FROM trade_participation WHERE event_id = $1 AND id IS DISTINCT FROM $2`, [event.id, exceptId]);
    if (taken + booths > event.boothCount) {
      throw badInput(`The event has ${event.boothCount} booths and ${taken} are taken; ${booths} more do not fit.`, "input.booths", "BOOTHS_EXCEED_EVENT", { boothCount: event.boothCount, taken });
    }
  }

  private checkResults(input: { salesAmount?: bigint; contractCount?: number; contractValue?: bigint; mouCount?: number; mouValue?: bigint }, current?: TradeParticipation): void {
    notNegative(input.salesAmount, "input.salesAmount", "Sales");
    notNegative(input.contractValue, "input.contractValue", "The value of contracts");
    notNegative(input.mouValue, "input.mouValue", "The value of memoranda");
    const contracts = input.contractCount ?? current?.contractCount ?? 0;
    const contractValue = input.contractValue ?? current?.contractValue ?? 0n;
    if (contracts === 0 && contractValue > 0n) throw badInput("A contract value needs at least one contract (contractCount).", "input.contractValue", "VALUE_WITHOUT_CONTRACTS");
    const mous = input.mouCount ?? current?.mouCount ?? 0;
    const mouValue = input.mouValue ?? current?.mouValue ?? 0n;
    if (mous === 0 && mouValue > 0n) throw badInput("A memorandum value needs at least one memorandum (mouCount).", "input.mouValue", "VALUE_WITHOUT_MEMORANDA");
  }

  async registerParticipation(input: RegisterTradeParticipationInput): Promise<TradeParticipation> {
    const duplicate = () => conflict("This participant is already registered for the event.", "input.participant.id", "DUPLICATE_PARTICIPATION");
    // Ask ocop before the transaction opens, so no connection waits on another service.
    requireId(input.participant.id, "input.participant.id", "Participant");
    noRepeats(input.productIds, "input.productIds");
    await this.checkOwnership(input.productIds, input.participant, "input.productIds");
    return uniquely(
      () =>
        idempotentTransaction(
          this.dataSource,
          "registerTradeParticipation",
          input,
          async (manager) => {
            requireId(input.participant.id, "input.participant.id", "Participant");
            const event = await find(manager, TradeEvent, input.eventId, "input.eventId", "Event");
            const attendedFrom = input.attendedFrom ?? event.startsOn;
            const attendedTo = input.attendedTo ?? event.endsOn;
            if (attendedTo < attendedFrom) throw badInput(`attendedTo (${attendedTo}) is before attendedFrom (${attendedFrom}).`, "input.attendedTo", "ENDS_BEFORE_START");
            insideEvent(event, attendedFrom, "input.attendedFrom", "The first day of participation");
            insideEvent(event, attendedTo, "input.attendedTo", "The last day of participation");
            requireUnit(input.adminUnitCode, attendedFrom, "input.adminUnitCode");
            this.checkResults(input);
            noRepeats(input.productIds, "input.productIds");
            if (await manager.getRepository(TradeParticipation).existsBy({ eventId: event.id, participantId: input.participant.id })) throw duplicate();
            // The event row lock serialises registrations against its booth count.
            await manager.query("SELECT 1 FROM trade_event WHERE id = $1 FOR UPDATE", [event.id]);
            await this.checkBooths(manager, event, input.booths, null);
            const id = randomUUID();
            await manager.getRepository(TradeParticipation).insert({
              id,
              eventId: event.id,
              participantId: input.participant.id,
              participantKind: input.participant.kind,
              adminUnitCode: input.adminUnitCode,
              attendedFrom,
              attendedTo,
              booths: input.booths,
              salesAmount: input.salesAmount,
              contractCount: input.contractCount,
              contractValue: input.contractValue,
              mouCount: input.mouCount,
              mouValue: input.mouValue,
              note: cleanOptionalText(input.note),
              version: 1,
            });
            if (input.productIds.length) await manager.getRepository(ParticipationProduct).insert(input.productIds.map((productId) => ({ participationId: id, productId })));
            return { result: await manager.getRepository(TradeParticipation).findOneByOrFail({ id }), ref: id };
          },
          this.loadParticipation,
        ),
      duplicate,
    );
  }

  updateParticipation(input: UpdateTradeParticipationInput): Promise<TradeParticipation> {
    return idempotentTransaction(
      this.dataSource,
      "updateTradeParticipation",
      input,
      async (manager, keepBefore) => {
        const current = keepBefore(await find(manager, TradeParticipation, input.id, "input.id", "Participation", true));
        if (current.version !== input.version) throw versionConflict("This participation", input.version, current.version);
        const event = await manager.getRepository(TradeEvent).findOneByOrFail({ id: current.eventId });
        const attendedFrom = input.attendedFrom ?? current.attendedFrom;
        const attendedTo = input.attendedTo ?? current.attendedTo;
        if (attendedTo < attendedFrom) throw badInput(`attendedTo (${attendedTo}) is before attendedFrom (${attendedFrom}).`, "input.attendedTo", "ENDS_BEFORE_START");
        insideEvent(event, attendedFrom, "input.attendedFrom", "The first day of participation");
        insideEvent(event, attendedTo, "input.attendedTo", "The last day of participation");
        this.checkResults(input, current);
        if (input.productIds) {
          noRepeats(input.productIds, "input.productIds");
          await this.checkOwnership(input.productIds, { kind: current.participantKind, id: current.participantId }, "input.productIds");
        }
        if (input.booths !== undefined && input.booths !== null) {
          await manager.query("SELECT 1 FROM trade_event WHERE id = $1 FOR UPDATE", [event.id]);
          await this.checkBooths(manager, event, input.booths, current.id);
        }
        await manager.getRepository(TradeParticipation).update(
          { id: current.id, version: current.version },
          {
            attendedFrom,
            attendedTo,
            booths: input.booths ?? current.booths,
            salesAmount: input.salesAmount ?? current.salesAmount,
            contractCount: input.contractCount ?? current.contractCount,
            contractValue: input.contractValue ?? current.contractValue,
            mouCount: input.mouCount ?? current.mouCount,
            mouValue: input.mouValue ?? current.mouValue,
            note: input.note !== undefined ? cleanOptionalText(input.note) : current.note,
            version: current.version + 1,
          },
        );
        if (input.productIds) {
          await manager.getRepository(ParticipationProduct).delete({ participationId: current.id });
          if (input.productIds.length) await manager.getRepository(ParticipationProduct).insert(input.productIds.map((productId) => ({ participationId: current.id, productId })));
        }
        return { result: await manager.getRepository(TradeParticipation).findOneByOrFail({ id: current.id }), ref: current.id };
      },
      this.loadParticipation,
    );
  }

  /** The product named by id (checked with ocop) or by name; one of them is required. */
  private async product(input: { productId?: string; productName?: string }, owner: ParticipantInput): Promise<{ productId: string | null; productName: string }> {
    if (!input.productId && !input.productName) throw badInput("Give productId (an OCOP product) or productName.", "input.productId", "PRODUCT_REQUIRED");
    if (!input.productId) return { productId: null, productName: cleanText(input.productName!) };
    requireId(input.productId, "input.productId", "Product");
    const found = await this.checkOwnership([input.productId], owner, "input.productId", false);
    return { productId: input.productId, productName: input.productName ? cleanText(input.productName) : found.get(input.productId)!.productName };
  }

  recordListing(input: RecordEcommerceListingInput): Promise<EcommerceListing> {
    const overlap = () => conflict("This product is already listed on this platform by this seller for those dates.", "input.listedOn", "LISTING_OVERLAPS");
    return uniquely(
      () =>
        idempotentTransaction(
          this.dataSource,
          "recordEcommerceListing",
          input,
          async (manager) => {
            requireId(input.owner.id, "input.owner.id", "Seller");
            notInFuture(input.listedOn, "input.listedOn", "The listing date");
            requireUnit(input.adminUnitCode, input.listedOn, "input.adminUnitCode");
            if (input.delistedOn && input.delistedOn < input.listedOn) throw badInput(`delistedOn (${input.delistedOn}) is before listedOn (${input.listedOn}).`, "input.delistedOn", "DELISTED_BEFORE_LISTED");
            const { productId, productName } = await this.product(input, input.owner);
            const [clash] = await manager.query(
              `SELECT id FROM ecommerce_listing
               WHERE owner_id = $1 AND platform = $2 AND product_key = coalesce($3::uuid::text, kttt_fold($4))
                 AND listed_on <= coalesce($6::date, 'infinity') AND coalesce(delisted_on, 'infinity') >= $5::date`,
              [input.owner.id, input.platform, productId, productName, input.listedOn, input.delistedOn ?? null],
            );
            if (clash) throw overlap();
            const id = randomUUID();
            await manager.getRepository(EcommerceListing).insert({
              id,
              ownerId: input.owner.id,
              ownerKind: input.owner.kind,
              adminUnitCode: input.adminUnitCode,
              platform: input.platform,
              productId,
              productName,
              url: input.url ?? null,
              listedOn: input.listedOn,
              delistedOn: input.delistedOn ?? null,
              version: 1,
            });
            return { result: await manager.getRepository(EcommerceListing).findOneByOrFail({ id }), ref: id };
          },
          (id) => this.dataSource.getRepository(EcommerceListing).findOneByOrFail({ id }),
        ),
      overlap,
    );
  }

  recordLink(input: RecordSupplyDemandLinkInput): Promise<SupplyDemandLink> {
    return idempotentTransaction(
      this.dataSource,
      "recordSupplyDemandLink",
      input,
      async (manager) => {
        requireId(input.seller.id, "input.seller.id", "Seller");
        notNegative(input.value, "input.value", "The value");
        notInFuture(input.agreedOn, "input.agreedOn", "The agreement date");
        requireUnit(input.adminUnitCode, input.agreedOn, "input.adminUnitCode");
        if (input.eventId) {
          const event = await find(manager, TradeEvent, input.eventId, "input.eventId", "Event");
          insideEvent(event, input.agreedOn, "input.agreedOn", "The agreement date");
        }
        const { productId, productName } = await this.product(input, input.seller);
        const id = randomUUID();
        await manager.getRepository(SupplyDemandLink).insert({
          id,
          sellerId: input.seller.id,
          sellerKind: input.seller.kind,
          adminUnitCode: input.adminUnitCode,
          buyer: cleanText(input.buyer),
          productId,
          productName,
          volume: input.volume,
          volumeUnit: cleanText(input.volumeUnit),
          value: input.value,
          agreedOn: input.agreedOn,
          eventId: input.eventId ?? null,
          note: cleanOptionalText(input.note),
        });
        return { result: await manager.getRepository(SupplyDemandLink).findOneByOrFail({ id }), ref: id };
      },
      (id) => this.dataSource.getRepository(SupplyDemandLink).findOneByOrFail({ id }),
    );
  }
}
