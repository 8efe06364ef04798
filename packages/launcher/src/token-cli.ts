/**
 * `npm run token -- --role DEPARTMENT --department SO_CT --name "Sở Công Thương" --days 30` prints a
 * bearer token signed with the issuer's current key (AUTH_SIGNING_KEYS; the development key when unset,
 * outside production): how an administrator issues access to a person. Machine clients use API keys.
 * A commune People's Committee: `--role COMMUNE --unit 18202 --name "UBND xã Tứ Mỹ"` (a commune in force today).
 * `npm run token -- --new-signing-key [--alg EdDSA]` prints a new private key for AUTH_SIGNING_KEYS.
 */
import {
  communeUnitRefusal,
  DEPARTMENTS,
  DISTRICT_ROLE_RETIRED,
  issueToken,
  RETIRED_DISTRICT_ROLE,
  loadSigningKeys,
  newSigningKey,
  Role,
  signingKeysOf,
  type SigningAlgorithm,
} from "@kttt/core";
import { parseArgs } from "node:util";
// Loading the units registers the check a COMMUNE token's --unit is held to (a commune in force today).
import "@kttt/reference";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      department: { type: "string" },
      unit: { type: "string" },
      name: { type: "string" },
      subject: { type: "string" },
      days: { type: "string", default: "30" },
      "new-signing-key": { type: "boolean" },
      alg: { type: "string", default: "ES256" },
    },
  });
  if (values["new-signing-key"]) {
    if (values.alg !== "ES256" && values.alg !== "EdDSA") throw new Error("--alg must be ES256 or EdDSA");
    console.log(JSON.stringify(await newSigningKey(values.alg as SigningAlgorithm)));
    return;
  }
  if (values.role === RETIRED_DISTRICT_ROLE) throw new Error(`--role DISTRICT is no longer issued. ${DISTRICT_ROLE_RETIRED}`);
  const role = values.role as Role;
  if (!Object.values(Role).includes(role) || role === Role.PUBLIC)
    throw new Error(
      `--role must be one of ${Object.values(Role)
        .filter((r) => r !== Role.PUBLIC)
        .join(", ")}`,
    );
  if (role === Role.DEPARTMENT && !(values.department && values.department in DEPARTMENTS))
    throw new Error(`--department must be one of ${Object.keys(DEPARTMENTS).join(", ")}`);
  const unitRefusal = role === Role.COMMUNE ? communeUnitRefusal(values.unit) : null;
  if (unitRefusal) throw new Error(`--unit: ${unitRefusal}`);
  if (role !== Role.COMMUNE && values.unit) throw new Error("--unit is for COMMUNE tokens only");
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new Error("--days must be 1 to 366");
  const keys = await loadSigningKeys(signingKeysOf(process.env, process.env.NODE_ENV ?? "development"));
  const token = await issueToken(
    {
      subject: values.subject ?? `${role.toLowerCase()}:${values.department ?? values.unit ?? values.name ?? "user"}`,
      role,
      department: values.department ?? null,
      adminUnitCode: values.unit ?? null,
      name: values.name ?? null,
    },
    keys,
    days * 86_400,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
