import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../../app/api/client';
import { BulkSendInterrupted, sendManyWithProgress, type BulkSendProgress } from './bulkSendStream';
import { stubStreamedAnswer as answer } from '../../app/api/streamedAnswer.testing';

const report = { sent: [{ id: 1, number: 'F1', to: 'a@b.cz' }], notSent: [{ id: 2, number: null, code: 'not_issued', message: 'A draft cannot be sent; issue it first' }] };

describe('sending many invoices with progress', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('asks for JSON lines, reports each step and returns the final report', async () => {
    const fetchMock = answer(200, ['{"total":2}\n{"done":1,"id":1,"number":"F1","sent":true,"to":"a@b.cz"}\n{"do', 'ne":2,"id":2,"number":null,"sent":false,"code":"not_issued","message":"x"}\n', `{"report":${JSON.stringify(report)}}\n`]);
    const steps: BulkSendProgress[] = [];
    setCsrfToken('tok');
    const result = await sendManyWithProgress({ ids: [1, 2] }, { onProgress: (p) => steps.push(p) });
    expect(result).toEqual(report);
    expect(steps.map((s) => [s.done, s.total])).toEqual([[0, 2], [1, 2], [2, 2], [2, 2]]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/invoices/send');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ accept: 'application/x-ndjson', 'x-csrf-token': 'tok' });
    expect(JSON.parse(String(init.body))).toEqual({ ids: [1, 2] });
  });

  it('turns a refusal before the stream into the API error', async () => {
    answer(403, ['{"error":{"code":"forbidden","message":"You are not allowed to do this"}}'], 'application/json');
    const error = await sendManyWithProgress({ period: '2026-10' }, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('says how far it got when the answer ends without a report', async () => {
    answer(200, ['{"total":3}\n{"done":1,"id":1,"number":"F1","sent":true,"to":"a@b.cz"}\n']);
    const lost = await sendManyWithProgress({ ids: [1, 2, 3] }, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(BulkSendInterrupted);
    expect(lost).toMatchObject({ reason: 'connection', done: 1, total: 3 });

    answer(200, ['{"total":3}\n{"done":1,"id":1,"number":"F1","sent":true,"to":"a@b.cz"}\n{"error":{"code":"internal_error","message":"stopped"}}\n']);
    const failed = await sendManyWithProgress({ ids: [1, 2, 3] }, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ reason: 'server', done: 1, total: 3 });
  });

  it('says the network failed when the request cannot be made', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(sendManyWithProgress({ ids: [1] }, { onProgress: () => undefined })).rejects.toMatchObject({ code: 'network_error' });
  });
});
