/**
 * The trade-promotion writes. Each runs in one transaction (made safe to retry by an idempotency
 * key), checks what an Alliance officer would check, and answers with a DomainError naming the
 * field at fault; database constraints back the rules (one participation per event and
 * participant, non-negative money, dates in order). The membership organisation a write names and
 * the OCOP products it names are asked of the gateway in one request, before the transaction opens
 * (no network call holds a lock).
 */
import {
  badInput,
  cleanOptionalText,
  cleanText,
  confirmOrganization,
  conflict,
  loadById,
  recordedWrite,
  notFound,
  organizationsById,
  requireNotDissolvedBy,
  requireNotInFuture,
  versionConflict,
  type GatewayLookup,
  type MembershipOrganization,
  requireId,
  findById,
  insertNew,
} from "@kttt/core";
import { placementOn, requireKnownUnit, unitsShareGround } from "@kttt/reference";
import type { DataSource, EntityManager } from "typeorm";
import { PARTICIPANT_TYPENAME, TradeEventFormat, TradeParticipantKind } from "../domain/enums";
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
import { productOwnersById, programmesById, type ProductOwner } from "./product-owner-lookup";

function notNegative(amount: bigint | undefined | null, field: string, what: string): void {
  if (amount != null && amount < 0n) throw badInput(`${what} cannot be negative.`, field, "NEGATIVE_AMOUNT");
}

function insideEvent(event: TradeEvent, date: string, field: string, what: string): void {
  if (date < event.startsOn || date > event.endsOn) {
    throw badInput(`${what} (${date}) is outside the event's dates, ${event.startsOn} to ${event.endsOn}.`, field, "DATE_OUTSIDE_EVENT", {
      startsOn: event.startsOn,
      endsOn: event.endsOn,
    });
  }
}

/** A participation's days: in order, and within the event's. */
function attendanceWithin(event: TradeEvent, attendedFrom: string, attendedTo: string): void {
  if (attendedTo < attendedFrom)
    throw badInput(`attendedTo (${attendedTo}) is before attendedFrom (${attendedFrom}).`, "input.attendedTo", "ENDS_BEFORE_START");
  insideEvent(event, attendedFrom, "input.attendedFrom", "The first day of participation");
  insideEvent(event, attendedTo, "input.attendedTo", "The last day of participation");
}

function noRepeats(ids: string[], field: string): void {
  ids.forEach((id, i) => {
    requireId(id, `${field}.${i}`, "Product");
    if (ids.indexOf(id) !== i) throw badInput(`Product ${id} is given twice.`, `${field}.${i}`, "DUPLICATE_PRODUCT");
  });
}

/** Where a write names its participant or seller (e.g. `input.participant`) and the unit it says it is registered in. */
interface Party {
  field: string;
  adminUnitCode: string;
}

/** The products a write names, and the field that names them (a list, `input.productIds.<i>`, or one id). */
interface NamedProducts {
  ids: string[];
  field: string;
  indexed: boolean;
}

/** The unit columns of a listing or link whose seller is given by `code` on `date`: its registered unit and, for a commune, the commune since that day. */
function placedOn(code: string, date: string): { adminUnitCode: string; communeId: string | null; communeSince: string | null } {
  const { adminUnitCode, communeId, communeSince } = placementOn(code, date, "input.adminUnitCode");
  return { adminUnitCode, communeId, communeSince };
}

export class TradeMutations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: GatewayLookup,
  ) {}

  /**
   * Asks the gateway in one request about the owner, when `party` says where the write names it and
   * it is a membership organisation (local owners are ocop's, vouched for by their products), and
   * about the OCOP products named. Refuses an organisation membership does not confirm — unknown
   * (NOT_FOUND), of another kind or registered in another unit (BAD_USER_INPUT) — and products that
   * are unknown (NOT_FOUND) or another owner's (BAD_USER_INPUT): "belongs to the participant" as ocop
   * knows it now. The organisation is returned for the dissolution check, made once the date of the
   * write is known. Asks nothing when there is nothing to ask.
   */
  private async checkReferences(
    owner: ParticipantInput,
    products: NamedProducts,
    party: Party | null,
  ): Promise<{ organization: MembershipOrganization | null; products: Map<string, ProductOwner | null> }> {
    const asked = party && owner.kind !== TradeParticipantKind.OCOP_LOCAL_OWNER ? party : null;
    const fields = asked && { id: `${asked.field}.id`, kind: `${asked.field}.kind`, adminUnitCode: "input.adminUnitCode" };
    const found = await this.lookup.find({
      organizations: organizationsById(asked ? [owner.id] : [], fields?.id),
      products: productOwnersById(products.ids, products.field),
    });
    const organization =
      asked && fields
        ? confirmOrganization(
            found.organizations.get(owner.id),
            { id: owner.id, kind: owner.kind, adminUnitCode: asked.adminUnitCode, fields },
            unitsShareGround,
          )
        : null;
    const { ids: productIds, field, indexed } = products;
    productIds.forEach((id, i) => {
      const product = found.products.get(id);
      const at = indexed ? `${field}.${i}` : field;
      if (!product) throw notFound(`No OCOP product has the id ${id}.`, at);
      if (product.ownerId !== owner.id || product.ownerTypename !== PARTICIPANT_TYPENAME[owner.kind]) {
        throw badInput(
          `${product.productName} belongs to another owner (${product.ownerTypename} ${product.ownerId}), not to this participant.`,
          at,
          "PRODUCT_OF_ANOTHER_OWNER",
          {
            ownerId: product.ownerId,
            ownerType: product.ownerTypename,
          },
        );
      }
    });
    return { organization, products: found.products };
  }

  /** Refuses a funding programme policy support does not know (NOT_FOUND), asked before the transaction. */
  private async checkProgramme(id: string | null | undefined): Promise<void> {
    if (!id) return;
    const field = "input.fundingProgrammeId";
    requireId(id, field, "Programme");
    const found = await this.lookup.find({ programmes: programmesById([id], field) });
    if (!found.programmes.get(id)) throw notFound(`Policy support has no support programme with the id ${id}.`, field);
  }

  private readonly loadEvent = loadById(this.dataSource, TradeEvent);
  private readonly loadParticipation = loadById(this.dataSource, TradeParticipation);
  private readonly loadListing = loadById(this.dataSource, EcommerceListing);
  private readonly loadLink = loadById(this.dataSource, SupplyDemandLink);

  private checkEventFields(input: { startsOn: string; endsOn: string; adminUnitCode: string | null; format: TradeEventFormat; budget?: bigint | null }): void {
    if (input.endsOn < input.startsOn)
      throw badInput(`An event cannot end (${input.endsOn}) before it starts (${input.startsOn}).`, "input.endsOn", "ENDS_BEFORE_START");
    if (input.adminUnitCode) {
      if (input.format === TradeEventFormat.ONLINE)
        throw badInput("An online event is held in no unit: omit adminUnitCode.", "input.adminUnitCode", "ONLINE_EVENT_HAS_NO_UNIT");
      placementOn(input.adminUnitCode, input.startsOn, "input.adminUnitCode");
      placementOn(input.adminUnitCode, input.endsOn, "input.adminUnitCode");
    }
    notNegative(input.budget, "input.budget", "The budget");
  }

  async createEvent(input: CreateTradeEventInput): Promise<TradeEvent> {
    const prepare = () => this.checkProgramme(input.fundingProgrammeId);
    return recordedWrite(this.dataSource, { operation: "createTradeEvent", input, load: this.loadEvent, prepare }, async (manager) => {
      const adminUnitCode = input.adminUnitCode ?? null;
      this.checkEventFields({ ...input, adminUnitCode });
      // Held in a commune: that commune since the first day; held in a district (before 2025-07-01): no commune recorded.
      const communeId = adminUnitCode ? placementOn(adminUnitCode, input.startsOn, "input.adminUnitCode").communeId : null;
      return insertNew(manager, TradeEvent, {
        name: cleanText(input.name),
        type: input.type,
        format: input.format,
        scope: input.scope,
        organiser: cleanText(input.organiser),
        place: cleanText(input.place),
        adminUnitCode,
        communeId,
        communeSince: communeId ? input.startsOn : null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        boothCount: input.boothCount ?? null,
        budget: input.budget ?? null,
        fundingProgrammeId: input.fundingProgrammeId ?? null,
        illustrative: false,
        note: cleanOptionalText(input.note),
        version: 1,
      });
    });
  }

  async updateEvent(input: UpdateTradeEventInput): Promise<TradeEvent> {
    const prepare = () => this.checkProgramme(input.fundingProgrammeId);
    return recordedWrite(this.dataSource, { operation: "updateTradeEvent", input, load: this.loadEvent, prepare }, async (manager, keepBefore) => {
      const event = keepBefore(await findById(manager, TradeEvent, input.id, "input.id", "Event", true));
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
        throw badInput(
          `${outside.outside} participation(s) fall outside ${next.startsOn} to ${next.endsOn}; change them first.`,
          input.startsOn ? "input.startsOn" : "input.endsOn",
          "PARTICIPATION_OUTSIDE_EVENT_DATES",
        );
      }
      const [links] = await manager.query(
        `SELECT count(*)::int AS outside FROM supply_demand_link WHERE event_id = $1 AND (agreed_on < $2 OR agreed_on > $3)`,
        [event.id, next.startsOn, next.endsOn],
      );
      if (links.outside > 0) {
        throw badInput(
          `${links.outside} supply-demand link(s) agreed at the event fall outside ${next.startsOn} to ${next.endsOn}.`,
          input.startsOn ? "input.startsOn" : "input.endsOn",
          "LINK_OUTSIDE_EVENT_DATES",
        );
      }
      if (next.boothCount !== null && outside.booths > next.boothCount) {
        throw badInput(
          `Participants already hold ${outside.booths} booths; the event cannot have fewer (${next.boothCount}).`,
          "input.boothCount",
          "BOOTHS_EXCEED_EVENT",
        );
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
      return manager.getRepository(TradeEvent).findOneByOrFail({ id: event.id });
    });
  }

  /** Booths of the event's other participants plus `booths` must fit the event's booth count. */
  private async checkBooths(manager: EntityManager, event: TradeEvent, booths: number, exceptId: string | null): Promise<void> {
    if (event.boothCount === null || booths === 0) return;
    const [{ taken }] = await manager.query(
      `SELECT coalesce(sum(booths), 0)::int AS taken FROM trade_participation WHERE event_id = $1 AND id IS DISTINCT FROM $2`,
      [event.id, exceptId],
    );
    if (taken + booths > event.boothCount) {
      throw badInput(`The event has ${event.boothCount} booths and ${taken} are taken; ${booths} more do not fit.`, "input.booths", "BOOTHS_EXCEED_EVENT", {
        boothCount: event.boothCount,
        taken,
      });
    }
  }

  private checkResults(
    input: { salesAmount?: bigint; contractCount?: number; contractValue?: bigint; mouCount?: number; mouValue?: bigint },
    current?: TradeParticipation,
  ): void {
    notNegative(input.salesAmount, "input.salesAmount", "Sales");
    notNegative(input.contractValue, "input.contractValue", "The value of contracts");
    notNegative(input.mouValue, "input.mouValue", "The value of memoranda");
    const contracts = input.contractCount ?? current?.contractCount ?? 0;
    const contractValue = input.contractValue ?? current?.contractValue ?? 0n;
    if (contracts === 0 && contractValue > 0n)
      throw badInput("A contract value needs at least one contract (contractCount).", "input.contractValue", "VALUE_WITHOUT_CONTRACTS");
    const mous = input.mouCount ?? current?.mouCount ?? 0;
    const mouValue = input.mouValue ?? current?.mouValue ?? 0n;
    if (mous === 0 && mouValue > 0n)
      throw badInput("A memorandum value needs at least one memorandum (mouCount).", "input.mouValue", "VALUE_WITHOUT_MEMORANDA");
  }

  async registerParticipation(input: RegisterTradeParticipationInput): Promise<TradeParticipation> {
    const duplicate = () => conflict("This participant is already registered for the event.", "input.participant.id", "DUPLICATE_PARTICIPATION");
    // Ask membership and ocop before the transaction opens, so no connection waits on another service.
    const prepare = async () => {
      requireId(input.participant.id, "input.participant.id", "Participant");
      requireKnownUnit(input.adminUnitCode, "input.adminUnitCode");
      noRepeats(input.productIds, "input.productIds");
      const { organization } = await this.checkReferences(
        input.participant,
        { ids: input.productIds, field: "input.productIds", indexed: true },
        { field: "input.participant", adminUnitCode: input.adminUnitCode },
      );
      return organization;
    };
    const constraints = { trade_participation_event_id_participant_id_key: duplicate };
    return recordedWrite(
      this.dataSource,
      { operation: "registerTradeParticipation", input, load: this.loadParticipation, prepare, constraints },
      async (manager, _keepBefore, organization) => {
        const event = await findById(manager, TradeEvent, input.eventId, "input.eventId", "Event");
        const attendedFrom = input.attendedFrom ?? event.startsOn;
        const attendedTo = input.attendedTo ?? event.endsOn;
        attendanceWithin(event, attendedFrom, attendedTo);
        // The participant lies where the unit named is on its first day: a commune places it there since that day.
        const place = placementOn(input.adminUnitCode, attendedFrom, "input.adminUnitCode");
        if (organization) requireNotDissolvedBy(organization, attendedFrom, "input.participant.id", "take part in an event");
        this.checkResults(input);
        if (await manager.getRepository(TradeParticipation).existsBy({ eventId: event.id, participantId: input.participant.id })) throw duplicate();
        // The event row lock serialises registrations against its booth count.
        await manager.query("SELECT 1 FROM trade_event WHERE id = $1 FOR UPDATE", [event.id]);
        await this.checkBooths(manager, event, input.booths, null);
        const participation = await insertNew(manager, TradeParticipation, {
          eventId: event.id,
          participantId: input.participant.id,
          participantKind: input.participant.kind,
          ...place,
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
        if (input.productIds.length)
          await manager.getRepository(ParticipationProduct).insert(input.productIds.map((productId) => ({ participationId: participation.id, productId })));
        return participation;
      },
    );
  }

  async updateParticipation(input: UpdateTradeParticipationInput): Promise<TradeParticipation> {
    const prepare = async () => {
      if (!input.productIds) return;
      noRepeats(input.productIds, "input.productIds");
      // The participant never changes: read it first, so ocop is asked before the transaction takes the row lock.
      const participant = await findById(this.dataSource.manager, TradeParticipation, input.id, "input.id", "Participation", false);
      await this.checkReferences(
        { kind: participant.participantKind, id: participant.participantId },
        { ids: input.productIds, field: "input.productIds", indexed: true },
        null,
      );
    };
    return recordedWrite(
      this.dataSource,
      { operation: "updateTradeParticipation", input, load: this.loadParticipation, prepare },
      async (manager, keepBefore) => {
        const current = keepBefore(await findById(manager, TradeParticipation, input.id, "input.id", "Participation", true));
        if (current.version !== input.version) throw versionConflict("This participation", input.version, current.version);
        const event = await manager.getRepository(TradeEvent).findOneByOrFail({ id: current.eventId });
        const attendedFrom = input.attendedFrom ?? current.attendedFrom;
        const attendedTo = input.attendedTo ?? current.attendedTo;
        attendanceWithin(event, attendedFrom, attendedTo);
        this.checkResults(input, current);
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
          if (input.productIds.length)
            await manager.getRepository(ParticipationProduct).insert(input.productIds.map((productId) => ({ participationId: current.id, productId })));
        }
        return manager.getRepository(TradeParticipation).findOneByOrFail({ id: current.id });
      },
    );
  }

  /**
   * What a listing or link sells: the seller, at `field` (checked with membership when it is a
   * membership organisation, and not dissolved by the date `on`), and the product named by id (checked
   * with ocop) or by name; one of them is required.
   */
  private async checkSale(
    input: { productId?: string; productName?: string; adminUnitCode: string },
    seller: ParticipantInput,
    field: string,
    on: string,
    what: string,
  ): Promise<{ productId: string | null; productName: string }> {
    if (!input.productId && !input.productName) throw badInput("Give productId (an OCOP product) or productName.", "input.productId", "PRODUCT_REQUIRED");
    if (input.productId) requireId(input.productId, "input.productId", "Product");
    const named = { ids: input.productId ? [input.productId] : [], field: "input.productId", indexed: false };
    const { organization, products } = await this.checkReferences(seller, named, { field, adminUnitCode: input.adminUnitCode });
    if (organization) requireNotDissolvedBy(organization, on, `${field}.id`, what);
    return { productId: input.productId ?? null, productName: input.productName ? cleanText(input.productName) : products.get(input.productId!)!.productName };
  }

  async recordListing(input: RecordEcommerceListingInput): Promise<EcommerceListing> {
    const overlap = () => conflict("This product is already listed on this platform by this seller for those dates.", "input.listedOn", "LISTING_OVERLAPS");
    const prepare = () => {
      requireId(input.owner.id, "input.owner.id", "Seller");
      requireNotInFuture(input.listedOn, "input.listedOn", "The listing date");
      placementOn(input.adminUnitCode, input.listedOn, "input.adminUnitCode");
      if (input.delistedOn && input.delistedOn < input.listedOn)
        throw badInput(`delistedOn (${input.delistedOn}) is before listedOn (${input.listedOn}).`, "input.delistedOn", "DELISTED_BEFORE_LISTED");
      return this.checkSale(input, input.owner, "input.owner", input.listedOn, "list a product");
    };
    const constraints = { ecommerce_listing_owner_id_platform_product_key_listed_on_key: overlap };
    return recordedWrite(
      this.dataSource,
      { operation: "recordEcommerceListing", input, load: this.loadListing, prepare, constraints },
      async (manager, _keepBefore, { productId, productName }) => {
        const [clash] = await manager.query(
          `SELECT id FROM ecommerce_listing
         WHERE owner_id = $1 AND platform = $2 AND product_key = coalesce($3::uuid::text, kttt_fold($4))
           AND listed_on <= coalesce($6::date, 'infinity') AND coalesce(delisted_on, 'infinity') >= $5::date`,
          [input.owner.id, input.platform, productId, productName, input.listedOn, input.delistedOn ?? null],
        );
        if (clash) throw overlap();
        return insertNew(manager, EcommerceListing, {
          ownerId: input.owner.id,
          ownerKind: input.owner.kind,
          ...placedOn(input.adminUnitCode, input.listedOn),
          platform: input.platform,
          productId,
          productName,
          url: input.url ?? null,
          listedOn: input.listedOn,
          delistedOn: input.delistedOn ?? null,
          version: 1,
        });
      },
    );
  }

  async recordLink(input: RecordSupplyDemandLinkInput): Promise<SupplyDemandLink> {
    // A retry of a write that went through gets its result without asking other subgraphs again.
    const prepare = () => {
      requireId(input.seller.id, "input.seller.id", "Seller");
      notNegative(input.value, "input.value", "The value");
      requireNotInFuture(input.agreedOn, "input.agreedOn", "The agreement date");
      placementOn(input.adminUnitCode, input.agreedOn, "input.adminUnitCode");
      return this.checkSale(input, input.seller, "input.seller", input.agreedOn, "agree a supply-demand link");
    };
    return recordedWrite(
      this.dataSource,
      { operation: "recordSupplyDemandLink", input, load: this.loadLink, prepare },
      async (manager, _keepBefore, { productId, productName }) => {
        if (input.eventId) {
          const event = await findById(manager, TradeEvent, input.eventId, "input.eventId", "Event");
          insideEvent(event, input.agreedOn, "input.agreedOn", "The agreement date");
        }
        return insertNew(manager, SupplyDemandLink, {
          sellerId: input.seller.id,
          sellerKind: input.seller.kind,
          ...placedOn(input.adminUnitCode, input.agreedOn),
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
      },
    );
  }
}
