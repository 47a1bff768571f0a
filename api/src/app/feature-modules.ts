/** Feature modules, one folder each. Add a feature here and its routes to the authorization matrix. */
export const FEATURE_MODULES = [];
