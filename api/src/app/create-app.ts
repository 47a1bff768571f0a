import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplication, Logger, LogLevel, NotFoundException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { API_PREFIX, Role } from '@kunna/contracts';
import { AuthService, readSessionToken } from '../auth';
import { AppConfig } from '../config/app-config';
import { resolveSecret, Secrets } from '../config/secrets';
import { bodyParserErrors } from '../common/errors';
import { refuseNulCharacters } from '../common/nul-characters';
import { prepareAppConnection } from '../database/app-role';
import { requestContextMiddleware } from '../common/request-context.middleware';
import { addResponseContract } from '../openapi';
import { AppModule } from './app.module';
import { AppLogger } from './startup-logger';

const NEST_LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['error', 'warn', 'log', 'debug'],
  info: ['error', 'warn', 'log'],
  warn: ['error', 'warn'],
  error: ['error'],
  silent: [],
};

/**
 * Builds the whole application (API, OpenAPI, and the built web app when present) without listening.
 * `databaseUrl` is the owner's (migrations have run); the API itself connects as the application role.
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const appUrl = await prepareAppConnection(databaseUrl, config.databaseAppUrl);
  const secret = resolveSecret(config.secret, databaseUrl);
  if (secret.weak && config.production) {
    new Logger('kunna').warn('KUNNA_SECRET is not set and the database owner has no password: set KUNNA_SECRET (see README).');
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, appUrl, new Secrets(secret.key)), {
    logger: new AppLogger(NEST_LOG_LEVELS[config.logLevel], config.logLevel === 'debug'),
    bodyParser: false,
  });
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');

  const log =
    config.logLevel === 'silent' || config.logLevel === 'error' || config.logLevel === 'warn'
      ? () => undefined
      : (line: string) => process.stdout.write(`${line}\n`);
  app.use(requestContextMiddleware(log));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
      // The same as frame-ancestors 'none', for browsers that only know the older header.
      xFrameOptions: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(`/${API_PREFIX}`, (_request: express.Request, response: express.Response, next: express.NextFunction) => {
    // API answers carry personal data: never stored by browsers or proxies (shared devices at work).
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  app.use(express.json({ limit: '1mb', reviver: refusePrototypeKeys }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(bodyParserErrors);
  app.use(refuseNulCharacters);
  app.setGlobalPrefix(API_PREFIX);

  const document = addResponseContract(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        // 3.1: the response schemas are JSON Schema as generated from the contracts (`const`, type lists).
        .setOpenAPIVersion('3.1.0')
        .setTitle('Kunna API')
        .setDescription('Kompetensutveckling med digitaliseringsombud: organisation, personal, tillfällen, närvaro och mätningar.')
        .setVersion('1')
        .addCookieAuth('kunna_session')
        .build(),
    ),
  );
  app.use(apiDocsGate(config, app.get(AuthService)));
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });

  if (config.webDist && fs.existsSync(path.join(config.webDist, 'index.html'))) {
    serveWeb(app, config.webDist);
  } else if (config.webDist) {
    new Logger('web').warn(`No built web app in ${config.webDist}; serving the API only.`);
  }
  await app.init();
  return app;
}

const API_DOCS_PATH = new RegExp(`^/${API_PREFIX}/docs(-json|-yaml)?(/|$)`);

/**
 * The OpenAPI document and Swagger UI list every route and field: served in development; in production only with
 * API_DOCS=true or to a signed-in administrator, otherwise answered 404 like any unknown path. Swagger's routes are
 * plain Express routes, outside the access guard, hence this middleware.
 */
function apiDocsGate(config: AppConfig, auth: AuthService) {
  return (request: express.Request, _response: express.Response, next: express.NextFunction): void => {
    if (!config.production || config.apiDocs || !API_DOCS_PATH.test(request.path)) return next();
    const token = readSessionToken(request, config);
    const caller = token ? auth.resolveSession(token) : Promise.resolve(null);
    caller.then((found) => next(found?.grants.some((grant) => grant.role === Role.OrgAdmin) ? undefined : new NotFoundException('Hittades inte.')), next);
  };
}

/** Serves the built Angular app; unknown non-API paths get index.html so deep links work. */
function serveWeb(app: NestExpressApplication, webDist: string): void {
  const index = fs.readFileSync(path.join(webDist, 'index.html'));
  app.use(
    express.static(webDist, {
      index: false,
      setHeaders: (response, filePath) => {
        // Hashed bundles never change; anything else is revalidated.
        if (/\.[0-9a-z]{8,}\.(js|css)$/i.test(filePath) || /-[A-Z0-9]{8}\.(js|css)$/.test(filePath)) {
          response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        } else {
          response.setHeader('Cache-Control', 'no-cache');
        }
      },
    }),
  );
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith(`/${API_PREFIX}`) || path.extname(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(index);
  });
}

/**
 * No API field is called `__proto__`, `constructor` or `prototype`; such keys are prototype-pollution
 * attempts (and crashed class-transformer with a 500, found by the fuzzing test): refused as invalid JSON.
 */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new SyntaxError(`forbidden key ${key}`);
  return value;
}
