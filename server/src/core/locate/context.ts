/**
 * What sits at the cursor, said without syntax: the contract between the locators (JSON, and
 * Terraform's `jsonencode`, heredocs and `aws_iam_policy_document` blocks) and the syntax-neutral
 * completion and hover cores. A locator reads its own syntax and fills this in; the cores never look
 * at the text.
 */
import { PolicyDocument, PolicySyntax, Span, Statement } from '../model';

export type CursorElement =
  /** A key of the policy object: `Version`, `Id`, `Statement`. */
  | 'policyKey'
  /** A key of a statement: `Sid`, `Effect`, `Action`, … */
  | 'statementKey'
  | 'version'
  | 'effect'
  /** An item of `Action` or `NotAction`. */
  | 'action'
  /** An item of `Resource` or `NotResource`. */
  | 'resource'
  /** A key of a `Principal` / `NotPrincipal` object: `AWS`, `Service`, `Federated`, `CanonicalUser`. */
  | 'principalType'
  /** An item under a principal type; `principalType` says which. */
  | 'principalValue'
  /** A key of the `Condition` object. */
  | 'conditionOperator'
  /** A key inside a condition operator's object; `operator` says which operator. */
  | 'conditionKey';

export interface CursorContext {
  readonly element: CursorElement;
  /** The syntax the item is written in: decides quoting and how keys and values are rendered. */
  readonly syntax: PolicySyntax;
  /** The name at the cursor as written, without quotes ('' when nothing is typed yet). */
  readonly text: string;
  /** The part of `text` before the cursor: what completion filters by. */
  readonly prefix: string;
  /**
   * The span the name occupies and a chosen completion replaces. When `quoted`, it lies inside quotes
   * that stay; otherwise it is the whole token (quotes included) or an empty span at the cursor, and
   * completions bring their own quotes.
   */
  readonly span: Span;
  readonly quoted: boolean;
  /** Whether the span starts with the name's opening quote (a key, or a string not yet closed). */
  readonly openQuote: boolean;
  /** The cursor's offset in the file. */
  readonly offset: number;
  /** For keys: whether a value already follows (`"Effect": …`), so only the key is inserted. */
  readonly hasValue: boolean;
  /** For keys: the keys already written in the same object, which completion leaves out. */
  readonly siblingKeys: readonly string[];
  /** For `principalValue`: the principal type the value sits under. */
  readonly principalType?: string;
  /** For `conditionKey`: the operator the key sits under. */
  readonly operator?: string;
  /**
   * JSON written inside a Terraform heredoc: what completion inserts must not let Terraform read a
   * `${` as an interpolation.
   */
  readonly embedding?: 'heredoc';
  /** The policy and statement around the cursor, when the parser could build them. */
  readonly document?: PolicyDocument;
  readonly statement?: Statement;
}
