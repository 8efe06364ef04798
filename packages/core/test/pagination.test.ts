import { ObjectType, Field } from "type-graphql";
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { asksTotalCount, connectionFromArray, ConnectionType, decodeCursor, encodeCursor } from "../src/pagination";

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

  it("tells whether a list field asks for its totalCount, in a field, an inline fragment or a named fragment", () => {
    const infoOf = (query: string) => {
      const document = parse(query);
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
      const fragments = Object.fromEntries(
        document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
      );
      return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
    };
    expect(asksTotalCount(infoOf("{ list { totalCount nodes { id } } }"))).toBe(true);
    expect(asksTotalCount(infoOf("{ list { nodes { id totalCount } pageInfo { hasNextPage } } }"))).toBe(false);
    expect(asksTotalCount(infoOf("{ list { ... on ItemConnection { totalCount } } }"))).toBe(true);
    expect(asksTotalCount(infoOf("{ list { ...Counted } } fragment Counted on ItemConnection { nodes { id } ... on ItemConnection { totalCount } }"))).toBe(
      true,
    );
    expect(asksTotalCount(infoOf("{ list { ...Page } } fragment Page on ItemConnection { nodes { id } }"))).toBe(false);
  });
});
