// The watch's costs on a simulated run: the real app on the test fakes, outside vitest.
export interface DeviceRunCosts {
  trace: string;
  minutes: number;
  domWritesPerMinute: number;
  fsWritesPerHour: number;
  summaryBytes: number;
}

export function measureDeviceRun(): DeviceRunCosts {
  throw new Error("the watch app (app/index.ts) and its fakes have not landed yet");
}
