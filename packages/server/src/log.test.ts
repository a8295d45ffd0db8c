import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from './app.js';
import { manualClock } from './clock.js';
import { defineRoute } from './http/route.js';
import { createLogger } from './log.js';
import { logMailer } from './mail/mailer.js';
import { signIn, testConfig } from './test/app.js';
import { TEST_CLOCK_START, WARDS } from './test/constants.js';
import { forEachDatabase } from './test/databases.js';
import { makeUser } from './test/factories.js';

/** A logger whose JSON lines the test reads. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', pretty: false, destination }), lines };
}

/** A write route that sends an e-mail once its transaction has committed, as dossier routes do. */
const notifyRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/test/notify',
  summary: 'test',
  tags: ['test'],
  access: { roles: 'any', scope: 'test' },
  response: z.object({ ok: z.literal(true) }),
  handler: async ({ afterCommit, deps }) => {
    afterCommit((log) => deps.mailer.send({ to: 'motcua@phuong.example.vn', subject: 'Hồ sơ mới', text: '…' }, log));
    return { ok: true as const };
  },
});

describe('the server log', () => {
  it('is one JSON object a line when not on a terminal, with an ISO time and no pid or host', () => {
    const { logger, lines } = capturedLogger();
    logger.info({ ward: '00124' }, 'started');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'started', ward: '00124' });
    expect(lines[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(lines[0]).not.toHaveProperty('pid');
    expect(lines[0]).not.toHaveProperty('hostname');
  });

  it('logs each e-mail without SMTP: recipients, subject and an id', async () => {
    const { logger, lines } = capturedLogger();
    await logMailer(logger).send({ to: ['a@x.example', 'b@x.example'], subject: 'Nhắc hạn', text: '…' });
    expect(lines[0]?.mail).toMatchObject({ to: ['a@x.example', 'b@x.example'], subject: 'Nhắc hạn' });
    expect((lines[0]?.mail as { id?: string } | undefined)?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  forEachDatabase((t) => {
    const { logger, lines } = capturedLogger();
    let app: Awaited<ReturnType<typeof buildApp>>;
    beforeAll(async () => {
      const config = { ...testConfig(t), logLevel: 'info' };
      app = await buildApp({
        db: t.db,
        config,
        clock: manualClock(TEST_CLOCK_START),
        logger,
        mailer: logMailer(logger),
        routes: [notifyRoute, ...(await import('./routes.js')).ALL_ROUTES],
      });
      await app.ready();
    });
    afterAll(() => app?.close());

    it('request lines carry the request id, then the user, role and ward; so does the e-mail sent after commit', async () => {
      const officer = await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own });
      const agent = await signIn(app, officer);
      lines.length = 0;
      const res = await agent.post('/api/v1/test/notify', {});
      expect(res.statusCode, res.body).toBe(200);
      const mail = lines.find((l) => l.mail);
      expect(mail).toMatchObject({
        userId: officer.id,
        role: 'ward_officer',
        ward: WARDS.own,
        mail: { to: ['motcua@phuong.example.vn'], subject: 'Hồ sơ mới' },
      });
      expect(mail?.reqId).toEqual(expect.any(String));
      const completed = lines.find((l) => l.msg === 'request completed');
      expect(completed).toMatchObject({ reqId: mail?.reqId, userId: officer.id, role: 'ward_officer' });
    });
  });
});
