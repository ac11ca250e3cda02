export * from './catalog';
export { defaultCatalog, fileCatalogSource, locateCatalogData } from './data-source';
