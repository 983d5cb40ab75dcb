import { createInProcessBridge } from '../../core/station/inproc';
import { describeContract } from './contract-suite';

describeContract('the in-process bridge', async (station) => ({
  bridge: createInProcessBridge(station),
  close: async () => {},
}));
