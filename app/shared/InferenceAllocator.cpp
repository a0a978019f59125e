// Linked into every executable that runs the network (weft, weft-cli, the tests),
// together with jemalloc, which then serves every malloc of the process.
//
// Why: each forward pass allocates and frees activation buffers of tens of
// megabytes. glibc hands such blocks back to the kernel at once (they are above its
// mmap threshold), so the next pass faults every page in again: a quarter of the
// CPU time went to the kernel's fault path. jemalloc keeps freed pages for reuse —
// but only with decay off: with any decay, even 10 s, MobileNetV2 at batch 4 of
// 448 px took 690 CPU-ms per image against 37 without (docs/BENCHMARKS.md,
// "inference that does not fault"). The price is that the process keeps its peak
// memory until it ends.
//
// jemalloc reads this symbol at start-up (it is weak in the library); the
// environment variable MALLOC_CONF still overrides it.
extern "C" {
__attribute__((used, visibility("default"))) const char* malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1";
}
