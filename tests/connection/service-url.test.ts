import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/engine/api/dispatch';
import { createEngineContext } from '../../electron/engine/engine';
import { parseServiceUrl } from '../../electron/engine/connection/service-url';
import { connectionHost } from './support';

describe('the URL Test connection probes', () => {
  it('takes apart https://<server name>:port/<web application name>, 443 when no port is given', () => {
    expect(parseServiceUrl('https://cdx-hq01.contoso.com:8443/AsyncServer/')).toMatchObject({ hostName: 'cdx-hq01.contoso.com', port: 8443, path: '/AsyncServer' });
    expect(parseServiceUrl(' https://cdx-hq01/AsyncServer ')).toMatchObject({ hostName: 'cdx-hq01', port: 443, path: '/AsyncServer' });
  });

  it('refuses what cannot be probed, naming the field', async () => {
    const ctx = createEngineContext({ host: connectionHost(), toolVersion: 'test' });
    for (const [url, words] of [
      ['http://cdx-hq01.contoso.com/AsyncServer', 'must start with https://'],
      ['https://cdx-hq01.contoso.com', 'names no web application'],
      ['cdx-hq01.contoso.com/AsyncServer', 'is not a URL'],
      ['https://cdx-hq01.contoso.com/AsyncServer?wsdl', 'remove what follows it'],
      ['https://user:secret@cdx-hq01.contoso.com/AsyncServer', 'must not contain a user name or password'],
    ]) {
      const r = await dispatch(ctx, 'connection.test', { url });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'url', message: expect.stringContaining(words) } });
      expect(JSON.stringify(r)).not.toContain('secret');
    }
  });
});
