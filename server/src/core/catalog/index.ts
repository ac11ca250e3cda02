export * from './catalog';
export { defaultCatalog, fileCatalogSource, locateCatalogData } from './data-source';
export * from './condition-keys';
export * from './docs-urls';
export * from './global-keys';
export * from './operators';
export * from './service-principals';
