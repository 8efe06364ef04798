import { ObjectType, Field } from "type-graphql";
import { connectionFromArray, ConnectionType, decodeCursor, encodeCursor } from "../src/pagination";

@ObjectType()
class Item {
  @Field()
  id: string;
}
const ItemConnection = ConnectionType(Item, "Item", "item");
const items = Array.from({ length: 10 }, (_, i) => Object.assign(new Item(), { id: `i${i}` }));

describe("cursor connections", () => {
  it("round-trips cursors and refuses foreign ones with the argument's name", () => {
    expect(decodeCursor(encodeCursor(["Hợp tác xã", 5n, "id"]), 3, "after")).toEqual(["Hợp tác xã", "5", "id"]);
    expect(() => decodeCursor("garbage", 2, "after")).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: "after", code: "BAD_USER_INPUT" }) }),
    );
  });

  it("pages an in-memory list forwards and backwards", async () => {
    const first = connectionFromArray(ItemConnection, items, (i) => i.id, { first: 4 });
    expect(first.nodes.map((i) => i.id)).toEqual(["i0", "i1", "i2", "i3"]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = connectionFromArray(ItemConnection, items, (i) => i.id, { first: 4, after: first.pageInfo.endCursor });
    expect(second.nodes.map((i) => i.id)).toEqual(["i4", "i5", "i6", "i7"]);
    const last = connectionFromArray(ItemConnection, items, (i) => i.id, { last: 3, before: second.pageInfo.startCursor });
    expect(last.nodes.map((i) => i.id)).toEqual(["i1", "i2", "i3"]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(await second.totalCount()).toBe(10);
  });

  it("refuses page sizes out of range and first with last", () => {
    expect(() => connectionFromArray(ItemConnection, items, (i) => i.id, { first: 101 })).toThrow(/between 0 and 100/u);
    expect(() => connectionFromArray(ItemConnection, items, (i) => i.id, { first: -1 })).toThrow(/between 0 and 100/u);
    expect(() => connectionFromArray(ItemConnection, items, (i) => i.id, { first: 1, last: 1 })).toThrow(/either/u);
  });
});
