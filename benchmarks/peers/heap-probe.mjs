// Preloaded into a Node peer server by `./run bench compare` (node --expose-gc --import this file):
// answers each "heap" line on stdin with {"heapUsed":N} (bytes, after a full GC) on stdout, the same
// contract as io.tickwire.benchmarks.compare.HeapProbe for the JVM servers.
import { createInterface } from "node:readline";

createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() !== "heap") return;
  if (typeof globalThis.gc === "function") globalThis.gc();
  console.log(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed }));
});
