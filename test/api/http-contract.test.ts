import { createHttpBridge } from '../../core/api/http-bridge';
import { startHttpServer } from '../../core/server/http-server';
import { describeContract } from './contract-suite';
import { uploadingBridge } from './uploading-bridge';

describeContract('HTTP (loopback server)', async (station) => {
  const server = await startHttpServer({ station });
  const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token });
  return {
    bridge: uploadingBridge(bridge),
    close: async () => {
      bridge.close();
      await server.close();
    },
  };
});
