// Who runs this copy of Listy (OPERATOR_NAME, OPERATOR_CONTACT): shown in the footer and
// wherever an email address is asked for, so supporters know who would hold it.
import { parseEnv } from "./env.server";

export interface Operator {
  name: string | null;
  contact: string | null;
}

let operator: Operator | undefined;

export function getOperator(): Operator {
  if (!operator) {
    const env = parseEnv();
    operator = { name: env.OPERATOR_NAME ?? null, contact: env.OPERATOR_CONTACT ?? null };
  }
  return operator;
}
