import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { signIn } from './people-test-helpers';
import { FIXTURE_PASSWORD } from '../../api/src/test-support/fixture';

/**
 * The OpenAPI document and Swagger UI map every route and field of the API: useful while developing, a map for an
 * attacker in production. Served in development; in production only with API_DOCS=true, or to a signed-in
 * administrator. The tests run as development (NODE_ENV=test), so the fuzz test reads the document anonymously.
 */
describe('API documentation (/api/docs, /api/docs-json)', () => {
  const paths = ['/api/docs', '/api/docs/', '/api/docs-json', '/api/docs-yaml'];

  it('is served to anyone in development', async () => {
    const t = await createTestApp();
    try {
      const json = await t.http().get('/api/docs-json');
      expect(json.status).toBe(200);
      expect(json.body.openapi).toMatch(/^3\./);
      expect((await t.http().get('/api/docs/')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  describe('in production', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ NODE_ENV: 'production' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('is hidden from anonymous callers and from signed-in people who are not administrators (404)', async () => {
      const staff = await t.as('staffU1');
      const hr = await t.as('hrA');
      for (const path of paths) {
        const anonymous = await t.http().get(path);
        expect({ path, status: anonymous.status }).toEqual({ path, status: 404 });
        expect(anonymous.body).toMatchObject({ statusCode: 404 });
        expect(JSON.stringify(anonymous.body)).not.toMatch(/openapi|swagger/i);
        expect((await staff.get(path)).status).toBe(404);
        expect((await hr.get(path)).status).toBe(404);
      }
      expect((await t.http().get('/api/docs/swagger-ui.css')).status).toBe(404);
    });

    it('is served to a signed-in administrator', async () => {
      const admin = await signIn(t, t.fixture.people.adminA.email, FIXTURE_PASSWORD);
      const json = await admin.get('/api/docs-json');
      expect(json.status).toBe(200);
      expect(json.body.openapi).toMatch(/^3\./);
      expect((await admin.get('/api/docs/')).status).toBe(200);
    });
  });

  it('is served to anyone in production when API_DOCS=true', async () => {
    const t = await createTestApp({ NODE_ENV: 'production', API_DOCS: 'true' });
    try {
      expect((await t.http().get('/api/docs-json')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
