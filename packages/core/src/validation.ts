/**
 * Argument validation for type-graphql: runs class-validator on input classes and turns the first
 * failure into a BAD_USER_INPUT error that names the field, e.g. `input.name`.
 */
import { validate, type ValidationError } from "class-validator";
import type { ValidatorFn } from "type-graphql";
import { badInput } from "./errors";

function firstFailure(errors: ValidationError[], path: string[]): { path: string[]; message: string } | null {
  for (const error of errors) {
    const here = [...path, error.property];
    if (error.constraints) {
      const message = Object.values(error.constraints)[0];
      return { path: here, message };
    }
    const nested = firstFailure(error.children ?? [], here);
    if (nested) return nested;
  }
  return null;
}

export const validateArgs: ValidatorFn = async (argValue, argType) => {
  if (argValue === null || typeof argValue !== "object") return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const value of values) {
    if (value === null || typeof value !== "object") continue;
    const errors = await validate(value as object, { forbidUnknownValues: false, validationError: { target: false } });
    const failure = firstFailure(errors, []);
    if (failure) {
      // Mutation inputs are always passed as the `input` argument (see the resolvers).
      const typeName = typeof argType === "function" ? (argType as { name?: string }).name ?? "" : "";
      const prefix = typeName.endsWith("Input") ? ["input"] : [];
      throw badInput(failure.message, [...prefix, ...failure.path].join("."));
    }
  }
};
