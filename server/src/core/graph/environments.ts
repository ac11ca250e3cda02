/**
 * Account environments, as `environment` in iam-atlas.json (or an Environment tag in Terraform)
 * names them. Prod and non-prod are the two the graph compares; security, shared, management and
 * other tooling accounts are neither.
 */
const PROD = /^(prod|production|prd|live)$/i;
const NON_PROD = /^(dev|development|test|testing|qa|uat|stage|staging|stg|sandbox|sbx|nonprod|non-prod|preprod|pre-prod|perf|demo)$/i;

export function isProd(environment: string | undefined): boolean {
  return environment !== undefined && PROD.test(environment);
}

export function isNonProd(environment: string | undefined): boolean {
  return environment !== undefined && NON_PROD.test(environment);
}
