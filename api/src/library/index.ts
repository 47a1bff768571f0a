export { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
export { contentDisposition } from './modules.controller';
export { loadStarterLibrary, pgClientRunner, type SqlRunner } from './starter-library/load-starter-library';
export { LibraryModule } from './library.module';
