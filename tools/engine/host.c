/*
 * rg-jerry: the engine host for `npm run engine` (tools/engine/build.ts compiles it against JerryScript 2.4.0).
 *
 * A replacement for jerry-main's `jerry` that runs the given scripts in order in one engine and gives them the few
 * natives a Fitbit-like host needs and plain `jerry` lacks. Everything that is the device's, not the app's, lives
 * here in C so it takes none of the 64 KB JS heap: the file system's contents (a watch keeps files on flash) and
 * the trace being fed (a watch gets one reading at a time from its sensor).
 *
 *   rg-jerry [--trace FILE] script.js...
 *     FILE: one sample a line, "<seconds> <bpm>"; read through traceLength(), traceT(i), traceBpm(i).
 *
 * Natives: print(...), heapAllocated(), heapPeak(), heapResetPeak(), gc(), traceLength(), traceT(i), traceBpm(i),
 *   fsWrite(name, text), fsRead(name) (undefined when missing), fsExists(name), fsUnlink(name), fsRename(a, b),
 *   fsList() (an array of names).
 * Output, besides what the scripts print: one line per script, "@@parse <name> <peak> <allocated>" after its
 * parse and "@@run <name> <peak> <allocated>" after its run (the heap peak is reset before each), and
 * "@@uncaught <name> <message>" for an error a script throws out. Exit code 0, or 1 after an uncaught error;
 * an exhausted heap ends the process through jerry_port_fatal (exit code 10, ERR_OUT_OF_MEMORY).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jerryscript.h"
#include "jerryscript-ext/handler.h"

/* Defined in heap-peak.c (declared, but not defined, by JerryScript 2.4.0's jmem.h). */
void jmem_heap_stats_reset_peak (void);

#define MAX_FILES 128
#define MAX_NAME 96

typedef struct { char name[MAX_NAME]; char *data; size_t size; } stored_file_t;
static stored_file_t files[MAX_FILES];

static double *trace_t;
static double *trace_bpm;
static size_t trace_len;

static jerry_heap_stats_t heap_stats (void)
{
  jerry_heap_stats_t s;
  memset (&s, 0, sizeof (s));
  jerry_get_memory_stats (&s);
  return s;
}

/* The string argument `i` as a malloc'd C string (NULL when it is not a string). */
static char *string_arg (const jerry_value_t args[], jerry_length_t count, jerry_length_t i)
{
  if (i >= count || !jerry_value_is_string (args[i])) return NULL;
  jerry_size_t size = jerry_get_utf8_string_size (args[i]);
  char *buf = malloc ((size_t) size + 1);
  if (buf == NULL) return NULL;
  jerry_string_to_utf8_char_buffer (args[i], (jerry_char_t *) buf, size);
  buf[size] = '\0';
  return buf;
}

static double number_arg (const jerry_value_t args[], jerry_length_t count, jerry_length_t i)
{
  return (i < count && jerry_value_is_number (args[i])) ? jerry_get_number_value (args[i]) : -1;
}

static stored_file_t *find_file (const char *name)
{
  for (int i = 0; i < MAX_FILES; i++)
    if (files[i].data != NULL && strcmp (files[i].name, name) == 0) return &files[i];
  return NULL;
}

#define HANDLER(fn) static jerry_value_t fn (const jerry_value_t f, const jerry_value_t t, \
                                             const jerry_value_t args[], const jerry_length_t count)
#define UNUSED_ARGS (void) f; (void) t; (void) args; (void) count

HANDLER (heap_allocated_handler) { UNUSED_ARGS; return jerry_create_number ((double) heap_stats ().allocated_bytes); }
HANDLER (heap_peak_handler) { UNUSED_ARGS; return jerry_create_number ((double) heap_stats ().peak_allocated_bytes); }
HANDLER (heap_reset_peak_handler) { UNUSED_ARGS; jmem_heap_stats_reset_peak (); return jerry_create_undefined (); }
HANDLER (gc_handler) { UNUSED_ARGS; jerry_gc (JERRY_GC_PRESSURE_HIGH); return jerry_create_undefined (); }
HANDLER (trace_length_handler) { UNUSED_ARGS; return jerry_create_number ((double) trace_len); }

HANDLER (trace_t_handler)
{
  UNUSED_ARGS;
  double i = number_arg (args, count, 0);
  return (i >= 0 && i < (double) trace_len) ? jerry_create_number (trace_t[(size_t) i]) : jerry_create_undefined ();
}

HANDLER (trace_bpm_handler)
{
  UNUSED_ARGS;
  double i = number_arg (args, count, 0);
  return (i >= 0 && i < (double) trace_len) ? jerry_create_number (trace_bpm[(size_t) i]) : jerry_create_undefined ();
}

HANDLER (fs_write_handler)
{
  UNUSED_ARGS;
  char *name = string_arg (args, count, 0);
  char *data = string_arg (args, count, 1);
  jerry_value_t result = jerry_create_boolean (false);
  if (name != NULL && data != NULL && strlen (name) < MAX_NAME)
  {
    stored_file_t *file = find_file (name);
    for (int i = 0; file == NULL && i < MAX_FILES; i++) if (files[i].data == NULL) file = &files[i];
    if (file != NULL)
    {
      free (file->data);
      strcpy (file->name, name);
      file->size = strlen (data);
      file->data = data;
      data = NULL;
      result = jerry_create_boolean (true);
    }
  }
  free (name);
  free (data);
  return result;
}

HANDLER (fs_read_handler)
{
  UNUSED_ARGS;
  char *name = string_arg (args, count, 0);
  stored_file_t *file = name ? find_file (name) : NULL;
  free (name);
  if (file == NULL) return jerry_create_undefined ();
  return jerry_create_string_sz_from_utf8 ((const jerry_char_t *) file->data, (jerry_size_t) file->size);
}

HANDLER (fs_exists_handler)
{
  UNUSED_ARGS;
  char *name = string_arg (args, count, 0);
  bool found = name != NULL && find_file (name) != NULL;
  free (name);
  return jerry_create_boolean (found);
}

HANDLER (fs_unlink_handler)
{
  UNUSED_ARGS;
  char *name = string_arg (args, count, 0);
  stored_file_t *file = name ? find_file (name) : NULL;
  free (name);
  if (file == NULL) return jerry_create_boolean (false);
  free (file->data);
  file->data = NULL;
  return jerry_create_boolean (true);
}

HANDLER (fs_rename_handler)
{
  UNUSED_ARGS;
  char *from = string_arg (args, count, 0);
  char *to = string_arg (args, count, 1);
  stored_file_t *file = from ? find_file (from) : NULL;
  bool ok = file != NULL && to != NULL && strlen (to) < MAX_NAME;
  if (ok)
  {
    stored_file_t *old = find_file (to);
    if (old != NULL && old != file) { free (old->data); old->data = NULL; }
    strcpy (file->name, to);
  }
  free (from);
  free (to);
  return jerry_create_boolean (ok);
}

HANDLER (fs_list_handler)
{
  UNUSED_ARGS;
  uint32_t n = 0;
  for (int i = 0; i < MAX_FILES; i++) if (files[i].data != NULL) n++;
  jerry_value_t array = jerry_create_array (n);
  uint32_t k = 0;
  for (int i = 0; i < MAX_FILES; i++)
  {
    if (files[i].data == NULL) continue;
    jerry_value_t name = jerry_create_string_from_utf8 ((const jerry_char_t *) files[i].name);
    jerry_release_value (jerry_set_property_by_index (array, k++, name));
    jerry_release_value (name);
  }
  return array;
}

static void register_native (const char *name, jerry_external_handler_t handler)
{
  jerry_release_value (jerryx_handler_register_global ((const jerry_char_t *) name, handler));
}

static char *read_whole_file (const char *path, size_t *size)
{
  FILE *fp = fopen (path, "rb");
  if (fp == NULL) return NULL;
  fseek (fp, 0, SEEK_END);
  long len = ftell (fp);
  fseek (fp, 0, SEEK_SET);
  char *buf = malloc ((size_t) len + 1);
  if (buf == NULL || fread (buf, 1, (size_t) len, fp) != (size_t) len) { fclose (fp); free (buf); return NULL; }
  fclose (fp);
  buf[len] = '\0';
  *size = (size_t) len;
  return buf;
}

static int load_trace (const char *path)
{
  size_t size;
  char *text = read_whole_file (path, &size);
  if (text == NULL) return 0;
  size_t lines = 1;
  for (size_t i = 0; i < size; i++) if (text[i] == '\n') lines++;
  trace_t = malloc (lines * sizeof (double));
  trace_bpm = malloc (lines * sizeof (double));
  char *p = text;
  double t, bpm;
  int used;
  while (sscanf (p, "%lf %lf%n", &t, &bpm, &used) == 2)
  {
    trace_t[trace_len] = t;
    trace_bpm[trace_len] = bpm;
    trace_len++;
    p += used;
  }
  free (text);
  return 1;
}

/* The message of an error value, printed on one line. */
static void print_uncaught (const char *script, jerry_value_t error)
{
  jerry_value_t value = jerry_get_value_from_error (error, false);
  jerry_value_t text = jerry_value_to_string (value);
  char buf[512] = "(no message)";
  if (!jerry_value_is_error (text))
  {
    jerry_size_t n = jerry_string_to_utf8_char_buffer (text, (jerry_char_t *) buf, sizeof (buf) - 1);
    buf[n] = '\0';
  }
  for (char *c = buf; *c; c++) if (*c == '\n') *c = ' ';
  printf ("@@uncaught %s %s\n", script, buf);
  jerry_release_value (text);
  jerry_release_value (value);
}

int main (int argc, char **argv)
{
  int first = 1;
  if (argc > 2 && strcmp (argv[1], "--trace") == 0)
  {
    if (!load_trace (argv[2])) { fprintf (stderr, "rg-jerry: cannot read the trace %s\n", argv[2]); return 2; }
    first = 3;
  }
  if (first >= argc) { fprintf (stderr, "usage: rg-jerry [--trace FILE] script.js...\n"); return 2; }

  jerry_init (JERRY_INIT_EMPTY);
  register_native ("print", jerryx_handler_print);
  register_native ("heapAllocated", heap_allocated_handler);
  register_native ("heapPeak", heap_peak_handler);
  register_native ("heapResetPeak", heap_reset_peak_handler);
  register_native ("gc", gc_handler);
  register_native ("traceLength", trace_length_handler);
  register_native ("traceT", trace_t_handler);
  register_native ("traceBpm", trace_bpm_handler);
  register_native ("fsWrite", fs_write_handler);
  register_native ("fsRead", fs_read_handler);
  register_native ("fsExists", fs_exists_handler);
  register_native ("fsUnlink", fs_unlink_handler);
  register_native ("fsRename", fs_rename_handler);
  register_native ("fsList", fs_list_handler);

  printf ("@@heap-size %zu\n", heap_stats ().size);
  int code = 0;
  for (int i = first; i < argc && code == 0; i++)
  {
    size_t size;
    char *source = read_whole_file (argv[i], &size);
    if (source == NULL) { fprintf (stderr, "rg-jerry: cannot read %s\n", argv[i]); code = 2; break; }
    const char *name = strrchr (argv[i], '/') ? strrchr (argv[i], '/') + 1 : argv[i];
    jmem_heap_stats_reset_peak ();
    jerry_value_t parsed = jerry_parse ((const jerry_char_t *) name, strlen (name), (const jerry_char_t *) source,
                                        size, JERRY_PARSE_NO_OPTS);
    free (source);
    jerry_heap_stats_t s = heap_stats ();
    printf ("@@parse %s %zu %zu\n", name, s.peak_allocated_bytes, s.allocated_bytes);
    if (jerry_value_is_error (parsed)) { print_uncaught (name, parsed); jerry_release_value (parsed); code = 1; break; }
    jmem_heap_stats_reset_peak ();
    jerry_value_t result = jerry_run (parsed);
    jerry_release_value (parsed);
    s = heap_stats ();
    printf ("@@run %s %zu %zu\n", name, s.peak_allocated_bytes, s.allocated_bytes);
    if (jerry_value_is_error (result)) { print_uncaught (name, result); code = 1; }
    jerry_release_value (result);
    fflush (stdout);
  }
  jerry_cleanup ();
  return code;
}
