/* reclaim-builtins-private.h: what the files of the builtins share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reclaim-builtins-funcs.c    lang_builtin_functions_init, print, len, isinstance, getattr,
 *                             min, max, sum, sorted ...; the helpers below
 * reclaim-builtins-numbers.c  abs, round, divmod, pow, hash, chr, ord, bin ...; int and float methods
 * reclaim-builtins-types.c    what calling object, type, int, float, str, bool, list, tuple,
 *                             dict, set and range does
 * reclaim-builtins-iter.c     iter, next, enumerate, zip, map, filter, reversed
 * reclaim-builtins-methods.c  methods of list and tuple; list.sort; slices
 * reclaim-builtins-sort.c     list.sort, comparing as CPython does
 * reclaim-builtins-dict.c     methods of dict; dict views
 * reclaim-builtins-set.c      methods of set; the set operations
 * reclaim-str-methods.c       methods of str and bytes: split, join, strip, find, replace ...
 * reclaim-str-case.c          methods of str: case, padding, the is...() predicates
 * reclaim-bytes.c             bytes: constructor, decode, hex, fromhex; str.encode; in + * <
 * reclaim-bytes-methods.c     bytes: ASCII case, padding, the is...() predicates
 * reclaim-codecs-wide.c       the UTF-16 and UTF-32 codecs
 * reclaim-codec-names.c       python3's names of codecs, those Reclaim has and the others
 * reclaim-slice.c             slice objects
 * reclaim-format.c            format() and the format-spec mini-language
 * reclaim-format-string.c     str.format() and the % operator
 */
#pragma once

#include "reclaim-eval-private.h"

G_BEGIN_DECLS

#define BIG_INT_MESSAGE "not supported in Reclaim: integers beyond 64 bits"

void         builtins_numbers_init      (ReclaimInterp *interp);
void         builtins_bytes_init        (ReclaimInterp *interp);

/* The error handlers of the codecs (reclaim-bytes.c) */
typedef enum {
  ERRORS_STRICT, ERRORS_IGNORE, ERRORS_REPLACE, ERRORS_BACKSLASH, ERRORS_XMLCHARREF
} BuiltinsCodecErrors;
/* UTF-16 (size 2) and UTF-32 (size 4), reclaim-codecs-wide.c: in one byte
 * order, or behind a byte order mark (written little-endian). */
enum { BUILTINS_ORDER_LITTLE, BUILTINS_ORDER_BIG, BUILTINS_ORDER_MARKED };
/* reclaim-codec-names.c: python3's own name of a codec Reclaim has
 * ("utf_16_le" for "UTF-16LE"), or NULL; whether python3 has a text
 * codec of that name that Reclaim lacks; whether it names one of
 * python3's codecs that are no text encodings (base64, rot13 ...). */
const char  *builtins_codec_canonical   (const char *name);
gboolean     builtins_codec_lacking     (const char *name);
gboolean     builtins_codec_is_binary   (const char *name);
ReclaimValue builtins_encode_wide       (ReclaimInterp *interp, ReclaimValue str, const char *name, guint size,
                                         int order, BuiltinsCodecErrors errors);
ReclaimValue builtins_decode_wide       (ReclaimInterp *interp, const guint8 *data, gsize len, guint size,
                                         int order, BuiltinsCodecErrors errors);
void         builtins_slice_init        (ReclaimInterp *interp);

/* PySlice_Unpack + PySlice_AdjustIndices: the items start, start + step...
 * (length of them) that start:stop:step picks from len items. */
typedef struct {
  gint64 start, stop, step, length;
} BuiltinsSliceRange;
gboolean     builtins_slice_adjust      (ReclaimInterp *interp, ReclaimValue start, ReclaimValue stop,
                                         ReclaimValue step, gint64 len, BuiltinsSliceRange *out);
/* Whether a user class's method, a module type's slot, or a weak proxy's
 * referent's answers dunder: what takes a slice object as its key. */
gboolean     builtins_has_item_method   (ReclaimInterp *interp, ReclaimValue container, const char *dunder);
/* A list (of any class) that takes its slices as lists do: no dunder of its own. */
gboolean     builtins_list_sliced_by_parts (ReclaimInterp *interp, ReclaimValue v, const char *dunder);
/* list[start:stop:step] read, assigned or deleted as list does it,
 * whatever the list's class defines (list.__getitem__ and friends). */
ReclaimValue builtins_list_get_slice    (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start,
                                         ReclaimValue stop, ReclaimValue step);
int          builtins_list_store_slice  (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start,
                                         ReclaimValue stop, ReclaimValue step, ReclaimValue v);
int          builtins_list_delete_slice (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start,
                                         ReclaimValue stop, ReclaimValue step);

/* reclaim-bytes.c: in, +, * and comparison for bytes a */
int          lang_bytes_contains        (ReclaimInterp *interp, ReclaimValue a, ReclaimValue v);
ReclaimValue lang_bytes_concat          (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
ReclaimValue lang_bytes_repeat          (ReclaimInterp *interp, ReclaimValue a, gint64 times);
int          lang_bytes_compare         (ReclaimValue a, ReclaimValue b);
ReclaimValue lang_bytes_decode          (ReclaimInterp *interp, ReclaimValue bytes, ReclaimValue encoding,
                                         ReclaimValue errors);
void         builtins_constructors_init (ReclaimInterp *interp);
void         builtins_iterators_init    (ReclaimInterp *interp);

extern const LangMethodDef builtins_list_methods[];
extern const LangMethodDef builtins_tuple_methods[];
extern const LangMethodDef builtins_dict_methods[];
extern const LangMethodDef builtins_set_methods[];
extern const LangMethodDef builtins_int_methods[];
extern const LangMethodDef builtins_float_methods[];
extern const LangMethodDef builtins_str_methods[];
extern const LangMethodDef builtins_str_case_methods[];
extern const LangMethodDef builtins_text_methods[];   /* of str and bytes */
extern const LangMethodDef builtins_bytes_case_methods[];
/* One conversion of bytes % args that differs from str's: %s %b %r %a %c.
 * 1 when done, -1 with an exception, 0 for the conversions str's code does. */
int          builtins_bytes_percent_convert (ReclaimInterp *interp, GString *out, ReclaimValue v, gunichar type,
                                             gboolean left_justify, gint64 width, gint64 prec);
ReclaimValue builtins_text_expandtabs   (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                         const ReclaimValue *args, guint nkw, const char *const *kwnames);
/* reclaim-str-translate.c */
ReclaimValue builtins_str_maketrans     (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                         const ReclaimValue *args, guint nkw, const char *const *kwnames);
ReclaimValue builtins_str_translate     (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                         const ReclaimValue *args, guint nkw, const char *const *kwnames);

/* ---- arguments ----------------------------------------------------------- */

/* CPython's ways of complaining about argument counts, which differ with
 * how the C function parses them. */
typedef enum {
  ARGS_METH_O,        /* "list.append() takes exactly one argument (0 given)" */
  ARGS_CLINIC,        /* "pop expected at most 1 argument, got 2" */
  ARGS_KEYWORDS,      /* "split() takes at most 2 arguments (3 given)" */
} ArgsStyle;

/* Checks nargs against min..max; name is "list.append" for the messages
 * that give the qualified name.  Keywords are refused unless allow_kw. */
gboolean     builtins_check (ReclaimInterp *interp, const char *name, ArgsStyle style, guint nargs,
                             guint min, guint max, guint nkw, gboolean allow_kw);
/* Refuses keywords other than the names given (NULL-terminated). */
gboolean     builtins_only_keywords (ReclaimInterp *interp, const char *func, guint nkw,
                                     const char *const *kwnames, const char *const *allowed);
/* operator.index(v): ints and bools, or __index__ of a user class. */
gboolean     builtins_index (ReclaimInterp *interp, ReclaimValue v, gint64 *out);
/* float(v) of an int or a float: an int too big for a double is
 * OverflowError, as python3 says. */
gboolean     builtins_number_to_double (ReclaimInterp *interp, ReclaimValue v, double *out);
/* A start/end pair for str.find and friends: None is "not given". */
gboolean     builtins_slice_index (ReclaimInterp *interp, ReclaimValue v, gint64 *out);

/* str and bytes isupper ('u'), islower ('l') and istitle ('t'), one
 * character at a time: a step is given whether the character is upper (or
 * title) case and whether lower case, and returns FALSE once the answer
 * is False; after the last, the answer is cased. */
typedef struct {
  char     which;
  gboolean cased;
  gboolean previous_cased;
} BuiltinsCaseScan;
gboolean     builtins_case_scan_step (BuiltinsCaseScan *scan, gboolean upper, gboolean lower);

/* int or bool; inline, as the operators ask it of every operand */
static inline gboolean
builtins_is_int (ReclaimValue v)
{
  ScalarType t = scalar_type (v);
  return t == SCALAR_INT || t == SCALAR_BOOL;
}

/* int, bool or float */
static inline gboolean
builtins_is_number (ReclaimValue v)
{
  return builtins_is_int (v) || scalar_type (v) == SCALAR_FLOAT;
}
gboolean     builtins_is_str (ReclaimValue v);
/* Length in code points, and the code points, of a str; embedded NULs count. */
glong        builtins_str_len (ReclaimValue s);
gunichar    *builtins_str_ucs4 (ReclaimValue s, glong *n);
gboolean     builtins_is_kind (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind);
/* The user class of v when it defines name, else 0 (borrowed). */
ReclaimValue builtins_user_method (ReclaimInterp *interp, ReclaimValue v, const char *name);

/* Calls a user class's special method with v as self (nargs < 3). */
ReclaimValue builtins_call_special (ReclaimInterp *interp, ReclaimValue method, ReclaimValue v, guint nargs,
                                    const ReclaimValue *args);
/* int(float): OverflowError for infinities, ValueError for NaN. */
ReclaimValue builtins_float_to_int (ReclaimInterp *interp, double d);

/* PyObject_LengthHint: a user class's __len__ is called before a list or
 * tuple is filled (only its side effects matter here); -1 on error. */
int          builtins_length_hint (ReclaimInterp *interp, ReclaimValue iterable);
/* lang_next for the loops of the builtins: a long loop in C counts
 * against the script's step budget like one written in Python. */
int          builtins_next (ReclaimInterp *interp, ReclaimValue iterator, ReclaimValue *item);
/* MemoryError for a str or padding too long to build; FALSE then. */
gboolean     builtins_check_size (ReclaimInterp *interp, gint64 chars);

/* ---- containers ---------------------------------------------------------- */

/* list.extend(): lists and tuples are copied, anything else iterated. */
int          builtins_list_extend (ReclaimInterp *interp, ReclaimValue list, ReclaimValue iterable);
/* PySequence_List: a new list of the items. */
ReclaimValue builtins_sequence_list (ReclaimInterp *interp, ReclaimValue iterable);
/* CPython's timsort of keys[0..n), moving values along (NULL: the keys
 * are the values).  -1 when a comparison raised (the arrays then hold a
 * permutation of what they held). */
int          builtins_timsort (ReclaimInterp *interp, ReclaimValue *keys, ReclaimValue *values, gssize n);
/* list.sort(key, reverse); key may be 0 or None. */
int          builtins_list_sort (ReclaimInterp *interp, ReclaimValue list, ReclaimValue key, gboolean reverse);
/* dict.update(other): a dict, something with keys(), or pairs. */
int          builtins_dict_update (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue other);
/* set.update(): sets and dicts without an iterator, as set_update_internal. */
int          builtins_set_update (ReclaimInterp *interp, ReclaimValue set, ReclaimValue iterable);
/* The set operations, for the methods and for the evaluator's | & - ^ on sets. */
ReclaimValue lang_set_union       (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other);
/* s |= t, s &= t, s -= t, s ^= t (op is the operator's character): s itself */
ReclaimValue lang_set_inplace     (ReclaimInterp *interp, char op, ReclaimValue set, ReclaimValue other);
ReclaimValue lang_set_intersection (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other);
ReclaimValue lang_set_difference  (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other);
ReclaimValue lang_set_symmetric_difference (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other);
/* set.clear(): the lookup table emptied, then the items dropped. */
void         builtins_set_clear   (ReclaimInterp *interp, ReclaimValue set);

/* repr of dict_keys / dict_values / dict_items: "dict_keys(['a', 'b'])".
 * Newly allocated, or NULL with an exception set. */
char        *lang_dict_view_repr  (ReclaimInterp *interp, ReclaimValue view);

/* ---- numbers and text ---------------------------------------------------- */

/* hash(v) as CPython 3.11 computes it (str hashes as under PYTHONHASHSEED=0). */
gboolean     builtins_hash (ReclaimInterp *interp, ReclaimValue v, gint64 *out);
/* str.format(*args, **kwargs) */
ReclaimValue builtins_str_format (ReclaimInterp *interp, ReclaimValue fmt, guint nargs, const ReclaimValue *args,
                                  guint nkw, const char *const *kwnames);
/* The fake address CPython would print, shared with id(). */
gint64       builtins_object_address (ReclaimValue v);
/* ascii(): repr with non-ASCII characters escaped. */
char        *builtins_ascii (ReclaimInterp *interp, ReclaimValue v);
/* A str value of text, which it frees; NULL (an exception is set) gives LANG_ERROR. */
ReclaimValue builtins_str_take (char *text);
/* PyObject_Str: a str is returned as it is (not a new reference), anything
 * else goes through str(). */
ReclaimValue builtins_str_of (ReclaimInterp *interp, ReclaimValue v);
/* float(str): Python's grammar (underscores, inf, nan); FALSE with ValueError set. */
gboolean     builtins_parse_float (ReclaimInterp *interp, ReclaimValue str, double *out);
/* The digits of u in base 2, 8, 10 or 16. */
char        *builtins_unsigned_digits (guint64 u, int base, gboolean upper);
/* PyOS_double_to_string: type e E f F g G, or 'r' for repr; add_dot_0
 * makes "1" into "1.0". */
char        *builtins_double_text (double d, gunichar type, gint64 precision, gboolean alternate,
                                   gboolean add_dot_0);
/* Python's whitespace (str.isspace) */
gboolean     builtins_unichar_isspace (gunichar c);

G_END_DECLS
