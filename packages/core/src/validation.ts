/**
 * Argument validation for type-graphql: runs class-validator on input classes and turns the first
 * failure into a BAD_USER_INPUT error that names the field, e.g. `input.name`.
 */
import { validate, type ValidationError } from "class-validator";
import type { ValidatorFn } from "type-graphql";
import { badInput } from "./errors";

function failures(errors: ValidationError[], path: string[]): { path: string[]; message: string }[] {
  return errors.flatMap((error) => {
    const here = [...path, error.property];
    if (error.constraints) return [{ path: here, message: Object.values(error.constraints)[0] }];
    return failures(error.children ?? [], here);
  });
}

/** Every rule an input object breaks, one per field (for batch imports, which report them all). */
export async function validationFailures(value: object): Promise<{ field: string; message: string }[]> {
  const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
  return failures(errors, []).map((f) => ({ field: f.path.join("."), message: f.message }));
}

export const validateArgs: ValidatorFn = async (argValue, argType) => {
  if (argValue === null || typeof argValue !== "object") return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const value of values) {
    if (value === null || typeof value !== "object") continue;
    const [failure] = await validationFailures(value as object);
    if (failure) {
      // Mutation inputs are always passed as the `input` argument (see the resolvers).
      const typeName = typeof argType === "function" ? (argType as { name?: string }).name ?? "" : "";
      throw badInput(failure.message, typeName.endsWith("Input") ? `input.${failure.field}` : failure.field);
    }
  }
};
