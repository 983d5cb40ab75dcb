// Certificates are checked: a server whose certificate this computer does not trust gets nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKorrigoError } from '../../core/errors';
import { KorrigoSession } from '../../core/sync/korrigo-session';
import { useTempDir } from '../pipeline/temp-dir';

const tempDir = useTempDir();

describe('Korrigo session over HTTPS', () => {
  it('refuses a self-signed certificate before sending the password', async () => {
    const key = join(tempDir(), 'key.pem');
    const cert = join(tempDir(), 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    let requests = 0;
    const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
      requests += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const session = new KorrigoSession({ origin, username: 'prof', password: 'S3cret' });
      await expect(session.open()).rejects.toSatisfy(
        (error) =>
          isKorrigoError(error) &&
          error.code === 'server-refused' &&
          /certificate is not trusted/.test(error.message),
      );
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});
