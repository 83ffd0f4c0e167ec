// Chromium trace events as DevTools' tracing gives them (Lighthouse's trace
// is the same), and the one thread both measures of main-thread time read.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  /** Wall-clock length, µs. */
  dur?: number;
  /** Thread (CPU) time, µs. */
  tdur?: number;
  args?: { name?: string; data?: { isLoadingMainFrame?: boolean; documentLoaderURL?: string } };
}

/** The main thread of the renderer process `pid` (the page's own thread). */
export function rendererMainThread(events: readonly TraceEvent[], pid: number | undefined): TraceEvent | undefined {
  return events.find((event) => event.name === 'thread_name' && event.pid === pid && event.args?.name === 'CrRendererMain');
}
