// Starts one Ceph RADOS Gateway for the sync tests and hands its address and key to them (inject('rgw')).
import type { TestProject } from 'vitest/node';
import { startRgw, stopRgw, type Rgw } from '../../scripts/rgw';

declare module 'vitest' {
  export interface ProvidedContext {
    rgw: Rgw;
  }
}

export default async function setup(project: TestProject) {
  const rgw = await startRgw();
  console.log(`[rgw] Ceph RGW ready at ${rgw.endpoint} in ${rgw.startMs} ms`);
  project.provide('rgw', rgw);
  return () => {
    stopRgw(rgw);
  };
}
