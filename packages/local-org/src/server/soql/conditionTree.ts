/**
 * soql-parser-js gives WHERE and HAVING as a right-leaning chain (`left`, `operator`, `right`) with opening and
 * closing parenthesis counts on the conditions. This module turns the chain back into a token stream and parses
 * it into a tree: NOT binds to the next operand, AND before OR, parentheses as written.
 */
import type { Condition, HavingClause, WhereClause } from '@jetstreamapp/soql-parser-js';

export type ConditionNode =
  | { readonly kind: 'condition'; readonly condition: Condition | Record<string, unknown> }
  | { readonly kind: 'not'; readonly operand: ConditionNode }
  | { readonly kind: 'and' | 'or'; readonly operands: ConditionNode[] };

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { readonly condition: Condition | Record<string, unknown> };

type Chain = WhereClause | HavingClause;

function tokensOf(clause: Chain | undefined): Token[] {
  const tokens: Token[] = [];
  let node: Chain | undefined = clause;
  while (node) {
    const { left, right } = node as { left: Record<string, unknown> | null; right?: Chain };
    const operator = (node as { operator?: string }).operator;
    if (operator === 'NOT') {
      const open = (left?.['openParen'] as number | undefined) ?? 0;
      for (let i = 0; i < open; i++) tokens.push('(');
      tokens.push('NOT');
      node = right;
      continue;
    }
    if (left) {
      const open = (left['openParen'] as number | undefined) ?? 0;
      const close = (left['closeParen'] as number | undefined) ?? 0;
      for (let i = 0; i < open; i++) tokens.push('(');
      tokens.push({ condition: left });
      for (let i = 0; i < close; i++) tokens.push(')');
    }
    if (operator === 'AND' || operator === 'OR') tokens.push(operator);
    node = right;
  }
  return tokens;
}

/** The tree of a WHERE or HAVING chain; undefined when there is none. */
export function conditionTree(clause: Chain | undefined): ConditionNode | undefined {
  if (!clause) return undefined;
  const tokens = tokensOf(clause);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const parseOr = (): ConditionNode => {
    const operands = [parseAnd()];
    while (peek() === 'OR') {
      i++;
      operands.push(parseAnd());
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { kind: 'or', operands };
  };
  const parseAnd = (): ConditionNode => {
    const operands = [parseUnary()];
    while (peek() === 'AND') {
      i++;
      operands.push(parseUnary());
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { kind: 'and', operands };
  };
  const parseUnary = (): ConditionNode => {
    const token = tokens[i++];
    if (token === 'NOT') return { kind: 'not', operand: parseUnary() };
    if (token === '(') {
      const inner = parseOr();
      if (peek() === ')') i++;
      return inner;
    }
    if (token && typeof token === 'object') return { kind: 'condition', condition: token.condition };
    throw new Error('unexpected token in condition');
  };
  return parseOr();
}
