// Entry of a worker of the pool (pool.ts): a worker thread (options in workerData) or a child
// process (options in the environment, jobs and results over IPC). Each job is one file
// (work.ts); the worker answers every job, a file it cannot read included.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { toTransfer, WORKER_OPTIONS_ENV, workFile, type Job, type WorkOptions } from './work';

if (!isMainThread && parentPort) {
  const port = parentPort;
  const opts = (workerData as { opts: WorkOptions }).opts;
  port.on('message', (job: Job) =>
    void workFile(job, opts).then((r) => {
      const { result, transfer } = toTransfer(r);
      port.postMessage(result, transfer);
    }),
  );
} else if (process.send && process.env[WORKER_OPTIONS_ENV]) {
  const opts = JSON.parse(process.env[WORKER_OPTIONS_ENV]!) as WorkOptions;
  // IPC copies anyway; bytes spare the main process the encoding
  process.on('message', (job: Job) => void workFile(job, opts).then((r) => process.send!(toTransfer(r).result)));
  // the main process went away (it ended, or was killed): nothing left to do
  process.on('disconnect', () => process.exit(0));
}
