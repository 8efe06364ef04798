/**
 * Access decided once per request and field where the record cannot change the answer. A caller refused
 * the details of 2,000 rows used to cost a fresh refusal per guarded field per row: a new error with its
 * stack trace captured and formatted, its message composed, each time (most of the subgraph's CPU). Here
 * the decision and the refusal of a field are kept for the rest of the request when no rule in the list
 * reads the record for this caller (a role or a department; `OWN_COMMUNE` for anyone but a commune), so
 * the same error is thrown again. GraphQL semantics stay: graphql-js wraps each throw in an error at that
 * row's path, so every refused field is null with its own error, with the same message and code.
 * Any rule not known here to ignore the record (a commune's own records, rules added later) is asked per row.
 */
import type { AuthChecker, AuthCheckerFn, ResolverData } from "type-graphql";
import { ANONYMOUS, OWN_COMMUNE, Role, type Principal } from "./auth";

type Context = { principal: Principal };

const ROLES = new Set<string>(Object.values(Role));

/** True when `rule` gives the same answer for every record, for this caller. */
function ignoresRecord(rule: string, principal: Principal): boolean {
  if (ROLES.has(rule) || rule.startsWith("DEPARTMENT:")) return true;
  return rule === OWN_COMMUNE && principal.role !== Role.COMMUNE;
}

/** The decisions of one request: `Type.field rules` → allowed, or the refusal to throw again. */
const decisions = new WeakMap<object, Map<string, true | Error>>();

/** A rule list as the checks read it, worked out once per list (type-graphql hands a field the same array every time). */
interface RuleFacts {
  joined: string;
  /** Whether every rule ignores the record, for a commune and for anyone else. */
  forCommune: boolean;
  forOthers: boolean;
}

const ruleFacts = new WeakMap<readonly string[], RuleFacts>();

function factsOf(rules: string[]): RuleFacts {
  let facts = ruleFacts.get(rules);
  if (!facts) {
    const commune = { role: Role.COMMUNE } as Principal;
    const other = { role: Role.ALLIANCE_STAFF } as Principal;
    facts = { joined: rules.join(","), forCommune: rules.every((r) => ignoresRecord(r, commune)), forOthers: rules.every((r) => ignoresRecord(r, other)) };
    ruleFacts.set(rules, facts);
  }
  return facts;
}

/** `checker`, with its decisions kept per request (the context object) where the record does not matter. */
export function decidedOncePerRequest(guard: AuthChecker<Context>): AuthCheckerFn<Context> {
  if (typeof guard !== "function" || /^class\b/u.test(Function.prototype.toString.call(guard)))
    throw new TypeError("decidedOncePerRequest takes an auth checker function.");
  const checker = guard as AuthCheckerFn<Context>;
  return (data: ResolverData<Context>, rules: string[]) => {
    const context = data.context as Context | undefined;
    const principal = context?.principal ?? ANONYMOUS;
    if (!context || typeof context !== "object") return checker(data, rules);
    const facts = factsOf(rules);
    if (!(principal.role === Role.COMMUNE ? facts.forCommune : facts.forOthers)) return checker(data, rules);
    let known = decisions.get(context);
    if (!known) {
      known = new Map<string, true | Error>();
      decisions.set(context, known);
    }
    const key = `${data.info.parentType.name}.${data.info.fieldName} ${facts.joined}`;
    const decided = known.get(key);
    if (decided === true) return true;
    if (decided) throw decided;
    try {
      const allowed = checker(data, rules);
      if (allowed === true) known.set(key, true); // a promise or false: asked again next time
      return allowed;
    } catch (error) {
      if (error instanceof Error) known.set(key, error);
      throw error;
    }
  };
}
