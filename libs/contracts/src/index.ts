export * from './roles';
export * from './organisation';
export * from './people';
export * from './auth';
export * from './errors';
export * from './import';
export * from './library';
export * from './api-routes';
