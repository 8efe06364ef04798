/**
 * `npm run token -- --role DEPARTMENT --department SO_CT --name "Sở Công Thương" --days 30` prints a
 * bearer token signed with AUTH_JWT_SECRET (the development secret when unset, outside production).
 * This is how an administrator issues access to a person or a department until API keys land.
 */
import { authSecretOf, DEPARTMENTS, isAdminUnitCode, Role, signToken } from "@kttt/core";
import { parseArgs } from "node:util";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      department: { type: "string" },
      unit: { type: "string" },
      name: { type: "string" },
      subject: { type: "string" },
      days: { type: "string", default: "30" },
    },
  });
  const role = values.role as Role;
  if (!Object.values(Role).includes(role) || role === Role.PUBLIC) throw new Error(`--role must be one of ${Object.values(Role).filter((r) => r !== Role.PUBLIC).join(", ")}`);
  if (role === Role.DEPARTMENT && !(values.department && values.department in DEPARTMENTS)) throw new Error(`--department must be one of ${Object.keys(DEPARTMENTS).join(", ")}`);
  if (role === Role.DISTRICT && !isAdminUnitCode(values.unit)) throw new Error("--unit must be a district-level unit code such as 444");
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new Error("--days must be 1 to 366");
  // Only the key of tokens: the gateway's other secret has nothing to do with issuing one.
  const authSecret = authSecretOf(process.env, process.env.NODE_ENV ?? "development");
  const token = await signToken(
    {
      subject: values.subject ?? `${role.toLowerCase()}:${values.department ?? values.unit ?? values.name ?? "user"}`,
      role,
      department: values.department ?? null,
      adminUnitCode: values.unit ?? null,
      name: values.name ?? null,
    },
    authSecret,
    days * 86_400,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
