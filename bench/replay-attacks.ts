/**
 * Replays the attacks of issue 9 (items 3, 4, 7) against a running server with the demo
 * seeded, and prints what it answered. Not part of `npm run bench`: it changes the server's
 * state (locks a demo login, registers businesses).
 *
 *   TRUST_PROXY=1 PORT=3000 THONGHANH_DATA_DIR=$(mktemp -d) npm start      # in one shell
 *   node --import tsx bench/replay-attacks.ts http://localhost:3000          # in another
 *
 * TRUST_PROXY=1 lets the script speak from 200 addresses (X-Forwarded-For), as a botnet would.
 */
import { taxCodeCheckDigit } from '@thonghanh/core';

const base = (process.argv[2] ?? 'http://localhost:8080').replace(/\/+$/, '');
const DEMO_PASSWORD = 'ducgiang2021';

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

const tally = (statuses: number[]) =>
  Object.entries(
    statuses.reduce<Record<number, number>>((m, s) => {
      m[s] = (m[s] ?? 0) + 1;
      return m;
    }, {}),
  )
    .map(([s, n]) => `${n} × ${s}`)
    .join(', ');

async function signIn(username: string) {
  const res = await post(
    '/api/v1/auth/login',
    { username, password: DEMO_PASSWORD },
    { 'x-forwarded-for': '10.9.9.9' },
  );
  const cookie = /th_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  return { cookie, csrf: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

// 1. 200 parallel wrong passwords for one account, from 200 addresses; then the owner.
{
  const user = 'tramyte.ducgiang';
  const t0 = performance.now();
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      post('/api/v1/auth/login', { username: user, password: `sai-${i}` }, { 'x-forwarded-for': `203.0.113.${i}` }),
    ),
  );
  const ms = performance.now() - t0;
  const owner = await post(
    '/api/v1/auth/login',
    { username: user, password: DEMO_PASSWORD },
    { 'x-forwarded-for': '198.51.100.1' },
  );
  console.log(`200 parallel wrong logins for ${user}: ${tally(answers.map((a) => a.status))} in ${ms.toFixed(0)} ms`);
  console.log(
    `  then the right password: ${owner.status}${owner.headers.get('retry-after') ? `, Retry-After ${owner.headers.get('retry-after')} s` : ''}`,
  );
}

// 2. 200 parallel wrong passwords for 200 accounts from one address.
{
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      post('/api/v1/auth/login', { username: `khong.co.${i}`, password: 'sai' }, { 'x-forwarded-for': '192.0.2.99' }),
    ),
  );
  console.log(`200 parallel wrong logins from one address: ${tally(answers.map((a) => a.status))}`);
}

// 3. 100 registrations in a row from one address, each with a new tax code.
{
  const statuses: number[] = [];
  let seq = Math.floor(Date.now() / 1000) % 90_000;
  for (let i = 0; i < 100; i++) {
    let code = '';
    while (!code) {
      const first9 = `0109${String(seq++ % 100_000).padStart(5, '0')}`;
      const d = taxCodeCheckDigit(first9);
      if (d !== null) code = `${first9}${d}`;
    }
    const res = await post(
      '/api/v1/businesses/register',
      {
        taxCode: code,
        name: `Công ty TNHH Thử Tải ${i}`,
        address: 'Số 1 phố Đức Giang',
        wardCode: '00124',
        lineOfBusiness: 'Thương mại',
        contactName: 'Người Thử',
        contactPhone: '0912000111',
        account: { username: `thu.tai.${seq}`, password: 'mat-khau-thu-tai', fullName: 'Người Thử' },
      },
      { 'x-forwarded-for': '192.0.2.150' },
    );
    statuses.push(res.status);
  }
  console.log(`100 registrations in a row from one address: ${tally(statuses)}`);
}

// 4. A NUL in a login, a search, a note and a path parameter.
{
  const desk = await signIn('motcua.ducgiang');
  const auth = { cookie: `th_session=${desk.cookie}`, 'x-csrf-token': desk.csrf };
  const login = await post('/api/v1/auth/login', { username: 'motcua\u0000', password: 'x' });
  const search = await fetch(`${base}/api/v1/businesses?q=a%00b`, { headers: auth });
  const list = (await (await fetch(`${base}/api/v1/dossiers?pageSize=1`, { headers: auth })).json()) as {
    items: Array<{ id: string }>;
  };
  const note = await post(`/api/v1/dossiers/${list.items[0]?.id}/return`, { note: 'Thiếu\u0000giấy' }, auth);
  const param = await fetch(`${base}/api/v1/businesses/ab%00cd`, { headers: auth });
  const code = (text: string) => {
    try {
      return (JSON.parse(text) as { error?: { code: string } }).error?.code ?? '';
    } catch {
      return '';
    }
  };
  console.log(
    `NUL in login ${login.status} ${code(login.body)}, search ${search.status} ${code(await search.text())}, ` +
      `note ${note.status} ${code(note.body)}, path ${param.status} ${code(await param.text())}`,
  );
}

// 5. The address in a printed QR code.
{
  const rep = await signIn('doanhnghiep.demo');
  const res = await fetch(`${base}/api/v1/permits?pageSize=1`, { headers: { cookie: `th_session=${rep.cookie}` } });
  const first = ((await res.json()) as { items: Array<{ qrText: string }> }).items[0];
  console.log(`a demo permit's QR text starts with: ${first?.qrText.split('#')[0]}`);
}
