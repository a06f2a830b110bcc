/**
 * Expression syntax: jsep (a real expression parser) with the words `and`, `or`, `not`, `in`.
 * Policy text is parsed to a tree and compiled to closures; it is never evaluated as code.
 */
import jsep, { type Expression } from 'jsep';

jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('in', 7);
jsep.addUnaryOp('not');

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly index: number | null = null,
  ) {
    super(message);
  }
}

export function parseExpression(text: string): Expression {
  let tree: Expression;
  try {
    tree = jsep(text);
  } catch (e) {
    const err = e as Error & { index?: number };
    throw new ExpressionError(err.message.replace(/ at character \d+$/, ''), err.index ?? null);
  }
  if (tree.type === 'Compound') {
    throw new ExpressionError('two expressions side by side: is an operator (and, or, +, >=) missing?');
  }
  return tree;
}

export type { Expression };
