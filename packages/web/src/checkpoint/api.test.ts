import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitScanRecord, httpApi, type ScanRecord } from './api.js';

const base: ScanRecord = {
  id: '6f1c2a8e-3b7d-4c1e-9a2f-0d4b5c6e7f80',
  scannedAt: '2021-08-16T01:02:03.000Z',
  verdict: 'valid',
  warnings: [],
  kind: 'permit',
};

describe('fitScanRecord', () => {
  it('keeps what the batch endpoint accepts', () => {
    const r = {
      ...base,
      cti: 'ABEiM0RVZneImaq7zN3u_w',
      serial: '0125/GĐĐ',
      idNumber: '001190012345',
      unitTaxCode: '0100233488-001',
    };
    expect(fitScanRecord(r)).toEqual(r);
  });

  it('leaves out typed text that would get the whole batch refused', () => {
    const r = fitScanRecord({
      ...base,
      kind: 'manual',
      verdict: 'manual_not_found',
      idNumber: 'một dòng chữ rất dài mà cán bộ gõ nhầm vào ô tra cứu',
      serial: ' 0125/GĐĐ ',
      cti: 'not base64url!',
    });
    expect(r.idNumber).toBeUndefined();
    expect(r.cti).toBeUndefined();
    expect(r.serial).toBe('0125/GĐĐ');
  });

  it('leaves out typed text holding a control character or a broken character (the server refuses such a scan)', () => {
    const r = fitScanRecord({
      ...base,
      kind: 'manual',
      verdict: 'manual_not_found',
      idNumber: '001190\t012345',
      serial: '0125\ud800',
    });
    expect(r).toEqual({ ...base, kind: 'manual', verdict: 'manual_not_found' });
  });
});

describe('signing in at the checkpoint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('says where to change a given password instead of failing later on every request', async () => {
    const user = { id: 'u1', username: 'chot.moi', fullName: 'Cán bộ Mới', role: 'checkpoint_officer' };
    vi.stubGlobal('fetch', async () =>
      Response.json({ user: { ...user, wardCode: '00124', mustChangePassword: true }, csrfToken: 'x' }),
    );
    const refused = httpApi().login('chot.moi', 'mat-khau-duoc-cap');
    await expect(refused).rejects.toMatchObject({ status: 403, message: expect.stringContaining('đổi mật khẩu') });
    vi.stubGlobal('fetch', async () =>
      Response.json({ user: { ...user, wardCode: '00124', mustChangePassword: false }, csrfToken: 'x' }),
    );
    await expect(httpApi().login('chot.moi', 'mat-khau-moi')).resolves.toMatchObject({ csrfToken: 'x' });
  });
});
