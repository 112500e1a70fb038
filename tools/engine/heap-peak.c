/*
 * JerryScript 2.4.0 declares jmem_heap_stats_reset_peak in jmem.h but never defines it (see
 * ../shared/vendor/README.md). The host needs it to measure the peak of one phase (parsing the app, the run) in
 * one process. Stats only: it touches nothing the allocator uses. Compiled with jerry-core's own defines and
 * include paths (tools/engine/build.ts reads them from the cmake build), so JERRY_CONTEXT has the library's layout.
 */
#include "jcontext.h"

void
jmem_heap_stats_reset_peak (void)
{
  jmem_heap_stats_t *stats = &JERRY_CONTEXT (jmem_heap_stats);
  stats->peak_allocated_bytes = stats->allocated_bytes;
  stats->peak_waste_bytes = stats->waste_bytes;
  stats->peak_byte_code_bytes = stats->byte_code_bytes;
  stats->peak_string_bytes = stats->string_bytes;
  stats->peak_object_bytes = stats->object_bytes;
  stats->peak_property_bytes = stats->property_bytes;
} /* jmem_heap_stats_reset_peak */
