/* reclaim-scalar.c
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-scalar.h"
#include "reclaim-bigint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  guint8       type;    /* ScalarType */
  guint8       huge;    /* big, and too long for python3 to write in decimal */
  gint64       i;
  double       d;
  char        *s;       /* str and bytes: the text, which may hold NULs */
  gsize        len;
  mpz_t       *big;     /* int beyond 64 bits: its value (i then saturated) */
} Scalar;

/* Scalars by the interned number of their repr (reclaim_intern), or, for
 * floats, strs and ints up to 64 bits, by an anonymous number
 * (reclaim_intern_anonymous): the numbers are small and dense, so the
 * records sit in one array indexed by them, type 0 (SCALAR_NOT_SCALAR)
 * where a number has none.  The records are in the array itself, not
 * pointed to: finding a value's type or double is one read, and making a
 * float writes one record in place, with no malloc.  Floats, strs and
 * those ints live until a sweep finds nothing holds them
 * (reclaim-safe-point.c); the other records (bytes, ints past 64 bits) as
 * long as the process.  One script runs at a time and its generators run
 * in its thread (reclaim-coroutine.c), so that thread alone writes the
 * records and reads them without a lock; the lock is for the view's
 * thread, which asks for reprs while a script runs (scalar_record_repr). */
static Scalar    *records;
static gsize      n_records;
static GMutex     scalars_lock;
static gsize      bytes_held;

/* Floats, strs and ints are let go when nothing holds them (scalar_sweep).
 * A sweep is due when the records made since the last one are worth at
 * least SWEEP_MIN_BYTES, as much as the records it kept and as much as
 * what its marking read (scalar_sweep_postpone): so marking and sweeping
 * cost a bounded share of making the records.  The minimum is small on
 * purpose: a loop over floats then keeps the records, the table and the
 * numbers it cycles through in the processor's cache. */
#define SWEEP_MIN_BYTES (1u << 20)
static gsize      record_bytes;
static gsize      sweep_threshold = SWEEP_MIN_BYTES;

/* A loop over floats makes and lets go of millions of records: the
 * anonymous numbers a sweep let go are kept on this stack and handed out
 * again, last-in first-out as the engine would, without the engine's lock
 * each time (nor a call into GLib: a float is made in a few dozen
 * instructions). */
static ReclaimValue *spare_values;
static gsize         n_spare_values;
static gsize         spare_values_room;

#define TEXT_ID_OF(value) ((value) & ~(1u << 31))

static const Scalar *
lookup (ReclaimValue value)
{
  if (!reclaim_value_is_immediate (value) || reclaim_value_is_int (value))
    return NULL;
  guint q = TEXT_ID_OF (value);
  if (q >= n_records)
    return NULL;
  /* an acquire load: a view's thread that sees the type sees the record
   * whole (publish) */
  const Scalar *s = &records[q];
  return __atomic_load_n (&s->type, __ATOMIC_ACQUIRE) != SCALAR_NOT_SCALAR ? s : NULL;
}

/* The record of a value that has one. */
static Scalar *
record_of (ReclaimValue value)
{
  return &records[TEXT_ID_OF (value)];
}

/* What a record costs: itself, its text, and its share of the tables
 * (an entry and index slots: counted as 48 bytes, as the memory budget
 * always has). */
#define TABLE_BYTES_PER_RECORD 48

static gsize
record_size (const Scalar *s, gsize repr_len)
{
  gsize size = sizeof *s + repr_len + TABLE_BYTES_PER_RECORD;
  if (s->type == SCALAR_STR || s->type == SCALAR_BYTES)
    size += s->len;
  if (s->big)
    size += mpz_size (*s->big) * sizeof (mp_limb_t);
  return size;
}

/* Writes value's record: a copy of proto with its own text and big int;
 * size is what it costs. */
static void
publish (ReclaimValue value, const Scalar *proto, gsize size)
{
  guint q = TEXT_ID_OF (value);
  if (q >= n_records)
    {
      /* the view's thread reads the array under the lock: it moves only under it */
      g_mutex_lock (&scalars_lock);
      gsize n = MAX (q + 1, n_records * 2);
      records = g_renew (Scalar, records, n);
      memset (records + n_records, 0, (n - n_records) * sizeof (Scalar));
      n_records = n;
      g_mutex_unlock (&scalars_lock);
    }
  Scalar copy = *proto;
  copy.type = SCALAR_NOT_SCALAR;   /* until the record is whole, below */
  if (proto->type == SCALAR_STR || proto->type == SCALAR_BYTES)
    {
      /* not g_strndup: the text may hold NULs */
      copy.s = g_malloc (proto->len + 1);
      memcpy (copy.s, proto->s, proto->len);
      copy.s[proto->len] = '\0';
    }
  if (proto->big)
    {
      copy.big = g_new (mpz_t, 1);
      mpz_init_set (*copy.big, *proto->big);
    }
  records[q] = copy;
  bytes_held += size;
  /* a release store, last: a view's thread that sees the type sees the
   * record whole */
  __atomic_store_n (&records[q].type, proto->type, __ATOMIC_RELEASE);
}

static ReclaimValue
intern (const char *repr, const Scalar *proto)
{
  ReclaimValue value = reclaim_value_text (repr);
  if (lookup (value) == NULL)
    publish (value, proto, record_size (proto, strlen (repr)));
  return value;
}

/* The repr of a float or str, written when a view or repr() asks. */
static char *
scalar_record_repr (ReclaimValue value)
{
  g_mutex_lock (&scalars_lock);
  const Scalar *s = lookup (value);
  char *repr = NULL;
  if (s != NULL && s->type == SCALAR_FLOAT)
    repr = scalar_float_repr (s->d);
  else if (s != NULL && s->type == SCALAR_INT)
    repr = g_strdup_printf ("%" G_GINT64_FORMAT, s->i);
  else if (s != NULL)
    repr = scalar_str_repr (s->s, s->len);
  g_mutex_unlock (&scalars_lock);
  return repr;
}

/* ---- floats, ints and strs by their value ------------------------------- */

/* Floats by their bits, ints past the immediates (up to 64 bits) by their
 * value, strs by their text: equal values are one value, as when their
 * reprs were interned.
 *
 * A loop over floats looks a new value up on nearly every operation, and
 * each sweep lets go of nearly all the loop made since the last one, so
 * the tables are shaped for that, as CPython's dicts are.  The entries (a
 * key: a float's bits, an int's value, a str's hash; and the value) sit in
 * a dense array in the order they came, and a power-of-two array of 32-bit
 * positions in it is probed linearly from the key's hash.  That index is
 * small enough to stay in the processor's cache, a float or an int is
 * found without reading its record, and a sweep walks the entries alone,
 * with no free slots between them to test: it moves the marked ones to
 * the front, then clears the index and indexes them again (no entry is
 * deleted one by one, and the arrays do not shrink and grow back at each
 * sweep). */
typedef struct {
  guint64      key;
  ReclaimValue value;
} TableEntry;

typedef struct {
  ScalarType  type;       /* of the records in the table */
  TableEntry *entries;    /* n_entries of them, in the order they came; room for capacity / 2 */
  gsize       n_entries;
  guint32    *index;      /* capacity slots: 0 is free, else an entry's position + 1 */
  gsize       capacity;   /* a power of two, or 0 before the first value */
  guint       shift;      /* 64 - log2 (capacity): the hash's top bits pick the slot */
} ScalarTable;

static ScalarTable floats_by_bits = { .type = SCALAR_FLOAT };
static ScalarTable ints_by_value = { .type = SCALAR_INT };
static ScalarTable strs_by_text = { .type = SCALAR_STR };

/* At most half the slots are used: a probe for a value not there, the
 * common case in a loop, then stops after a slot or two. */
#define TABLE_MIN_CAPACITY 64

static gsize
table_capacity_for (gsize n_entries)
{
  gsize capacity = TABLE_MIN_CAPACITY;
  while (capacity / 2 < n_entries)
    capacity *= 2;
  return capacity;
}

/* Fibonacci hashing: the top bits of the key times 2^64 / golden ratio.
 * The xor first brings the key's high bits (a float's exponent) down, so
 * that every bit of the key moves the top bits of the product. */
static gsize
table_slot (const ScalarTable *table, guint64 key)
{
  return (gsize) (((key ^ (key >> 32)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> table->shift);
}

/* The slot of the index that holds the entry of the value key stands for,
 * or the free slot where it goes.  Two strs with one hash are told apart
 * by their text. */
static gsize
table_probe (const ScalarTable *table, guint64 key, const Scalar *proto)
{
  gsize mask = table->capacity - 1;
  for (gsize i = table_slot (table, key);; i = (i + 1) & mask)
    {
      guint32 position = table->index[i];
      if (position == 0)
        return i;
      const TableEntry *entry = &table->entries[position - 1];
      if (entry->key == key)
        {
          const Scalar *s = table->type == SCALAR_STR ? record_of (entry->value) : NULL;
          if (s == NULL || (s->len == proto->len && memcmp (s->s, proto->s, proto->len) == 0))
            return i;
        }
    }
}

/* Gives the index capacity slots (and the entries room for half as many)
 * and indexes every entry again. */
static void
table_reindex (ScalarTable *table, gsize capacity)
{
  if (capacity != table->capacity)
    {
      g_free (table->index);
      table->index = g_new (guint32, capacity);
      table->entries = g_renew (TableEntry, table->entries, capacity / 2);
      table->capacity = capacity;
      table->shift = 64 - g_bit_nth_msf (capacity, -1);
    }
  memset (table->index, 0, capacity * sizeof *table->index);
  gsize mask = capacity - 1;
  for (gsize position = 0; position < table->n_entries; position++)
    {
      gsize i = table_slot (table, table->entries[position].key);
      while (table->index[i] != 0)
        i = (i + 1) & mask;
      table->index[i] = position + 1;
    }
}

/* A float, str or int: found by its key, else made as a new anonymous
 * immediate whose repr is written only when asked for. */
static ReclaimValue
intern_record (ScalarTable *table, guint64 key, const Scalar *proto)
{
  if (G_UNLIKELY (table->n_entries + 1 > table->capacity / 2))
    {
      if (table->capacity == 0)
        reclaim_value_set_repr_func (scalar_record_repr);
      table_reindex (table, table_capacity_for (table->n_entries + 1));
    }
  gsize slot = table_probe (table, key, proto);
  if (table->index[slot] != 0)
    return table->entries[table->index[slot] - 1].value;

  gsize size = record_size (proto, 0);
  record_bytes += size;
  ReclaimValue value = n_spare_values > 0 ? spare_values[--n_spare_values] : reclaim_value_anonymous ();
  publish (value, proto, size);
  table->entries[table->n_entries] = (TableEntry) { .key = key, .value = value };
  table->index[slot] = ++table->n_entries;
  return value;
}

/* Every NaN is one key (they all read "nan"); 0.0 and -0.0 are two. */
static guint64
float_key (double d)
{
  guint64 bits;
  if (isnan (d))
    d = NAN;
  memcpy (&bits, &d, sizeof bits);
  return bits;
}

static guint64
hash_step (guint64 h, guint64 word)
{
  h = (h ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return h ^ (h >> 29);
}

/* A str's key: its text hashed eight bytes at a time (a str may be
 * megabytes long).  A long text goes through four lanes at once: one
 * chain of multiplies waits for each step's result, about 5 cycles per 8
 * bytes, and `s += t` in a loop hashes every new str whole. */
static guint64
str_key (const char *text, gsize len)
{
  guint64 h = len, word;
  gsize i = 0;
  if (len >= 4 * sizeof word)
    {
      guint64 a = h, b = ~h, c = h ^ G_GUINT64_CONSTANT (0x9e3779b97f4a7c15), d = ~c, w[4];
      for (; i + sizeof w <= len; i += sizeof w)
        {
          memcpy (w, text + i, sizeof w);
          a = hash_step (a, w[0]);
          b = hash_step (b, w[1]);
          c = hash_step (c, w[2]);
          d = hash_step (d, w[3]);
        }
      h = hash_step (hash_step (hash_step (a, b), c), d);
    }
  for (; i + sizeof word <= len; i += sizeof word)
    {
      memcpy (&word, text + i, sizeof word);
      h = hash_step (h, word);
    }
  word = 0;
  if (i < len)
    memcpy (&word, text + i, len - i);
  return hash_step (h, word);
}

/* ---- letting go of floats, strs and ints -------------------------------- */

gboolean
scalar_sweep_due (void)
{
  return record_bytes >= sweep_threshold;
}

void
scalar_sweep_postpone (gsize marking_bytes)
{
  sweep_threshold = record_bytes + MAX (MAX (SWEEP_MIN_BYTES, record_bytes), marking_bytes);
}

/* A bit per number of scalars: found held by the running sweep.  Beside
 * the records, not in them: a sweep tests its entries' values in this
 * small array, and clears it in one go. */
static guint64 *marks;
static gsize    n_mark_words;

static gboolean
is_marked (ReclaimValue value)
{
  guint q = TEXT_ID_OF (value);
  return q / 64 < n_mark_words && (marks[q / 64] >> (q % 64) & 1);
}

void
scalar_mark (ReclaimValue value)
{
  if (lookup (value) == NULL)
    return;
  guint q = TEXT_ID_OF (value);
  if (q / 64 >= n_mark_words)
    {
      gsize n = n_records / 64 + 1;
      marks = g_renew (guint64, marks, n);
      memset (marks + n_mark_words, 0, (n - n_mark_words) * sizeof *marks);
      n_mark_words = n;
    }
  marks[q / 64] |= G_GUINT64_CONSTANT (1) << (q % 64);
}

/* Frees the record of a value nothing holds and hands its number to the
 * spare stack; a float's or an int's record is only written. */
static void
let_go (const ScalarTable *table, ReclaimValue value)
{
  Scalar *s = record_of (value);
  gsize size = sizeof *s + TABLE_BYTES_PER_RECORD;
  if (table->type == SCALAR_STR)
    {
      size += s->len;
      g_free (s->s);
    }
  s->type = SCALAR_NOT_SCALAR;
  if (n_spare_values == spare_values_room)
    {
      spare_values_room = MAX (1024, 2 * spare_values_room);
      spare_values = g_renew (ReclaimValue, spare_values, spare_values_room);
    }
  spare_values[n_spare_values++] = value;
  bytes_held -= size;
  record_bytes -= size;
}

static void
table_sweep (ScalarTable *table)
{
  gsize n_before = table->n_entries, n_kept = 0;

  for (gsize position = 0; position < n_before; position++)
    {
      const TableEntry entry = table->entries[position];
      if (is_marked (entry.value))
        table->entries[n_kept++] = entry;
      else
        let_go (table, entry.value);
    }
  table->n_entries = n_kept;
  /* room for as many as before: about what the table will hold by the
   * next sweep */
  if (table->capacity > 0)
    table_reindex (table, table_capacity_for (n_before));
}

void
scalar_sweep (gsize marking_bytes)
{
  /* under the lock: a view's thread may be writing a repr */
  g_mutex_lock (&scalars_lock);
  table_sweep (&floats_by_bits);
  table_sweep (&strs_by_text);
  table_sweep (&ints_by_value);
  g_mutex_unlock (&scalars_lock);
  if (marks != NULL)
    memset (marks, 0, n_mark_words * sizeof *marks);
  scalar_sweep_postpone (marking_bytes);
}

ScalarType
scalar_type (ReclaimValue value)
{
  if (reclaim_value_is_int (value))
    return SCALAR_INT;
  const Scalar *s = lookup (value);
  return s ? s->type : SCALAR_NOT_SCALAR;
}

const char *
scalar_type_name (ScalarType type)
{
  static const char *names[] = { "object", "NoneType", "bool", "int", "float", "str", "bytes" };
  return names[type];
}

/* None, False and True are made on nearly every line (every comparison,
 * every call that returns nothing): their interned values never change,
 * so they are looked up once, not under the intern lock each time. */
static ReclaimValue
intern_once (ReclaimValue *cache, const char *repr, const Scalar *proto)
{
  ReclaimValue value = (ReclaimValue) g_atomic_int_get ((gint *) cache);
  if (G_UNLIKELY (value == 0))
    {
      value = intern (repr, proto);
      g_atomic_int_set ((gint *) cache, (gint) value);
    }
  return value;
}

ReclaimValue
scalar_none (void)
{
  static const Scalar none = { .type = SCALAR_NONE };
  static ReclaimValue cached;
  return intern_once (&cached, "None", &none);
}

ReclaimValue
scalar_bool (gboolean b)
{
  static const Scalar false_proto = { .type = SCALAR_BOOL, .i = 0 }, true_proto = { .type = SCALAR_BOOL, .i = 1 };
  static ReclaimValue cached[2];
  return b ? intern_once (&cached[1], "True", &true_proto) : intern_once (&cached[0], "False", &false_proto);
}

ReclaimValue
scalar_int (gint64 n)
{
  if (n >= -(1 << 29) && n < (1 << 29))
    return reclaim_value_int ((gint32) n);
  Scalar s = { .type = SCALAR_INT, .i = n };
  return intern_record (&ints_by_value, (guint64) n, &s);
}

/* An int past 64 bits is interned under its decimal repr while python3
 * would write one (sys.int_info.default_max_str_digits); past that, under
 * its hexadecimal literal, which is cheap to make and reads back as the
 * same number. */
static char *
big_int_key (const mpz_t z)
{
  if (mpz_sizeinbase (z, 10) <= SCALAR_INT_MAX_STR_DIGITS + 1)
    {
      char *decimal = mpz_get_str (NULL, 10, z);
      if (strlen (decimal) - (decimal[0] == '-') <= SCALAR_INT_MAX_STR_DIGITS)
        {
          char *key = g_strdup (decimal);
          free (decimal);
          return key;
        }
      free (decimal);
    }
  char *hex = mpz_get_str (NULL, 16, z);
  char *key = hex[0] == '-' ? g_strconcat ("-0x", hex + 1, NULL) : g_strconcat ("0x", hex, NULL);
  free (hex);
  return key;
}

ReclaimValue
scalar_int_from_mpz (const mpz_t z)
{
  if (mpz_fits_slong_p (z))
    return scalar_int (mpz_get_si (z));
  g_autofree char *key = big_int_key (z);
  mpz_t copy;
  mpz_init_set (copy, z);
  Scalar s = { .type = SCALAR_INT, .i = mpz_sgn (z) < 0 ? G_MININT64 : G_MAXINT64 };
  s.big = &copy;
  s.huge = key[0] != '-' ? key[1] == 'x' : key[2] == 'x';
  ReclaimValue value = intern (key, &s);
  mpz_clear (copy);
  return value;
}

gboolean
scalar_int_is_big (ReclaimValue value)
{
  if (reclaim_value_is_int (value))
    return FALSE;
  const Scalar *s = lookup (value);
  return s && s->big;
}

gboolean
scalar_int_is_huge (ReclaimValue value)
{
  if (reclaim_value_is_int (value))
    return FALSE;
  const Scalar *s = lookup (value);
  return s && s->huge;
}

void
scalar_get_mpz (ReclaimValue value, mpz_t out)
{
  const Scalar *s = lookup (value);
  if (s && s->big)
    mpz_set (out, *s->big);
  else
    mpz_set_si (out, scalar_get_int (value));
}

ReclaimValue
scalar_int_of (ReclaimValue value)
{
  return scalar_type (value) == SCALAR_BOOL ? scalar_int (scalar_get_int (value)) : value;
}

ReclaimValue
scalar_float (double d)
{
  Scalar s = { .type = SCALAR_FLOAT, .d = d };
  return intern_record (&floats_by_bits, float_key (d), &s);
}

ReclaimValue
scalar_str (const char *utf8, gssize len)
{
  if (len < 0)
    len = strlen (utf8);
  Scalar s = { .type = SCALAR_STR, .s = (char *) utf8, .len = len };
  return intern_record (&strs_by_text, str_key (utf8, len), &s);
}

ReclaimValue
scalar_bytes (const guint8 *data, gsize len)
{
  if (data == NULL)
    data = (const guint8 *) "";   /* b'': memchr and memcpy want a pointer */
  g_autofree char *repr = reclaim_bytes_repr (data, len);
  Scalar s = { .type = SCALAR_BYTES, .s = (char *) data, .len = len };
  return intern (repr, &s);
}

const guint8 *
scalar_get_bytes (ReclaimValue value, gsize *len)
{
  const Scalar *s = lookup (value);
  if (G_UNLIKELY (s == NULL || s->type != SCALAR_BYTES))
    {
      if (len)
        *len = 0;
      g_return_val_if_reached ((const guint8 *) "");
    }
  if (len)
    *len = s->len;
  return (const guint8 *) s->s;
}

gboolean
scalar_get_bool (ReclaimValue value)
{
  return scalar_get_int (value) != 0;
}

gint64
scalar_get_int (ReclaimValue value)
{
  if (reclaim_value_is_int (value))
    return reclaim_value_get_int (value);
  const Scalar *s = lookup (value);
  g_return_val_if_fail (s && (s->type == SCALAR_INT || s->type == SCALAR_BOOL), 0);
  return s->i;
}

double
scalar_get_float (ReclaimValue value)
{
  const Scalar *s = lookup (value);
  g_return_val_if_fail (s && s->type == SCALAR_FLOAT, 0);
  return s->d;
}

const char *
scalar_get_str (ReclaimValue value, gsize *len)
{
  const Scalar *s = lookup (value);
  if (G_UNLIKELY (s == NULL || s->type != SCALAR_STR))
    {
      if (len)
        *len = 0;
      g_return_val_if_reached ("");
    }
  if (len)
    *len = s->len;
  return s->s;
}

gsize
scalar_bytes_held (void)
{
  return bytes_held;
}

gsize
scalar_str_length (ReclaimValue value)
{
  gsize len;
  const char *s = scalar_get_str (value, &len);
  return g_utf8_strlen (s, len);
}

/* Python's str.__repr__: single quotes unless the text has a single quote
 * and no double quote; \t \n \r \\ escaped; other non-printable characters
 * as \xhh, \uhhhh or \Uhhhhhhhh. */
char *
scalar_str_repr (const char *utf8, gsize len)
{
  gboolean has_single = memchr (utf8, '\'', len) != NULL;
  gboolean has_double = memchr (utf8, '"', len) != NULL;
  char quote = has_single && !has_double ? '"' : '\'';
  GString *out = g_string_sized_new (len + 2);
  const char *p = utf8, *end = utf8 + len;

  g_string_append_c (out, quote);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* cannot happen for text the lexer accepted; be safe */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      const char *next = g_utf8_next_char (p);
      if (c == (gunichar) quote || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c < 0x7f)
        g_string_append_c (out, (char) c);
      else if (!reclaim_unichar_is_printable (c))
        {
          if (c <= 0xff)
            g_string_append_printf (out, "\\x%02x", c);
          else if (c <= 0xffff)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_printf (out, "\\U%08x", c);
        }
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  g_string_append_c (out, quote);
  return g_string_free (out, FALSE);
}

/* float.__repr__: the shortest digits that read back as the same double,
 * in fixed notation when the exponent is in [-4, 16), else scientific
 * with at least two exponent digits. */
char *
scalar_float_repr (double d)
{
  if (isnan (d))
    return g_strdup ("nan");
  if (isinf (d))
    return g_strdup (d > 0 ? "inf" : "-inf");

  char digits[40];
  int precision;
  for (precision = 1; precision <= 17; precision++)
    {
      g_snprintf (digits, sizeof digits, "%.*e", precision - 1, d);
      if (g_ascii_strtod (digits, NULL) == d)
        break;
    }
  /* digits is now like "-1.2345e+17": split mantissa and exponent */
  char *e = strchr (digits, 'e');
  int exponent = atoi (e + 1);
  *e = '\0';
  GString *mantissa = g_string_new (NULL);
  gboolean negative = digits[0] == '-';
  for (char *p = digits + negative; *p; p++)
    if (*p != '.')
      g_string_append_c (mantissa, *p);

  GString *out = g_string_new (negative ? "-" : "");
  if (exponent >= -4 && exponent < 16)
    {
      if (exponent < 0)
        {
          g_string_append (out, "0.");
          for (int i = 0; i < -exponent - 1; i++)
            g_string_append_c (out, '0');
          g_string_append (out, mantissa->str);
        }
      else
        {
          int int_digits = exponent + 1;
          for (int i = 0; i < int_digits; i++)
            g_string_append_c (out, i < (int) mantissa->len ? mantissa->str[i] : '0');
          g_string_append_c (out, '.');
          if ((int) mantissa->len > int_digits)
            g_string_append (out, mantissa->str + int_digits);
          else
            g_string_append_c (out, '0');
        }
    }
  else
    {
      g_string_append_c (out, mantissa->str[0]);
      if (mantissa->len > 1)
        g_string_append_printf (out, ".%s", mantissa->str + 1);
      g_string_append_printf (out, "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
    }
  g_string_free (mantissa, TRUE);
  return g_string_free (out, FALSE);
}

char *
scalar_repr (ReclaimValue value)
{
  return reclaim_value_dup_repr (value);
}

char *
scalar_to_str (ReclaimValue value)
{
  if (scalar_type (value) == SCALAR_STR)
    {
      gsize len;
      const char *s = scalar_get_str (value, &len);
      return g_strndup (s, len);
    }
  return scalar_repr (value);
}

gint64
scalar_floor_div (gint64 a, gint64 b)
{
  gint64 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

gint64
scalar_floor_mod (gint64 a, gint64 b)
{
  gint64 m = a % b;
  if (m != 0 && ((m < 0) != (b < 0)))
    m += b;
  return m;
}
