/* reclaim-bytes.c: bytes (CPython's Objects/bytesobject.c): the
 * constructor, decode/hex/fromhex, str.encode, and what in, + and * do
 * with bytes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The methods bytes shares with str are in reclaim-str-methods.c, its
 * ASCII case, padding and predicates in reclaim-bytes-methods.c.
 *
 * A bytes object is an immutable atom like a str: an interned immediate
 * (reclaim-scalar.c) whose text is its repr, never a card on the canvas.
 * The codecs are those a lesson meets: UTF-8 (and utf-8-sig), ASCII,
 * Latin-1, and UTF-16 and UTF-32 (reclaim-codecs-wide.c), with the error
 * handlers strict, ignore, replace and backslashreplace (and
 * xmlcharrefreplace for encoding), and python3's messages.
 */
#include "reclaim-builtins-private.h"
#include "reclaim-bigint.h"

#include <string.h>

typedef enum {
  CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UTF8_SIG,
  CODEC_UTF16, CODEC_UTF16_LE, CODEC_UTF16_BE, CODEC_UTF32, CODEC_UTF32_LE, CODEC_UTF32_BE
} Codec;
typedef BuiltinsCodecErrors Errors;

static const char *const codec_names[] = {
  "utf-8", "ascii", "latin-1", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"
};

static gboolean
is_wide (Codec codec)
{
  return codec >= CODEC_UTF16;
}

/* The unit size and byte order of a UTF-16 or UTF-32 codec */
static guint
wide_size (Codec codec, int *order)
{
  static const int orders[] = { BUILTINS_ORDER_MARKED, BUILTINS_ORDER_LITTLE, BUILTINS_ORDER_BIG };
  *order = orders[(codec - CODEC_UTF16) % 3];
  return codec >= CODEC_UTF32 ? 4 : 2;
}

static const guint8 utf8_mark[] = { 0xef, 0xbb, 0xbf };

/* The codec a name stands for, as python3 normalises it ("UTF_8", "utf8",
 * "U16").  A codec python3 has and Reclaim lacks stops the script (the
 * check refuses one named by a literal); an unknown name raises
 * LookupError, as in python3. */
static gboolean
lookup_codec (ReclaimInterp *interp, ReclaimValue name, gboolean decoding, Codec *out)
{
  static const char *const canonical[] = {
    "utf_8", "ascii", "latin_1", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"
  };
  if (name == 0)
    {
      *out = CODEC_UTF8;
      return TRUE;
    }
  if (!builtins_is_str (name))
    {
      lang_raise (interp, "TypeError", "argument 'encoding' must be str, not %s", lang_type_name (interp, name));
      return FALSE;
    }
  const char *text = scalar_get_str (name, NULL), *codec = builtins_codec_canonical (text);
  for (guint i = 0; codec && i < G_N_ELEMENTS (canonical); i++)
    if (strcmp (codec, canonical[i]) == 0)
      {
        *out = (Codec) i;
        return TRUE;
      }
  if (builtins_codec_lacking (text))
    lang_stop_not_supported (interp, "the codec '%s'", text);
  else if (builtins_codec_is_binary (text))
    lang_raise (interp, "LookupError", "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                text, decoding ? "decode" : "encode");
  else
    lang_raise (interp, "LookupError", "unknown encoding: %s", text);
  return FALSE;
}

static gboolean
lookup_errors (ReclaimInterp *interp, ReclaimValue name, Errors *out)
{
  static const char *const names[] = { "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace" };
  if (name == 0)
    {
      *out = ERRORS_STRICT;
      return TRUE;
    }
  if (!builtins_is_str (name))
    {
      lang_raise (interp, "TypeError", "argument 'errors' must be str, not %s", lang_type_name (interp, name));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (scalar_get_str (name, NULL), names[i]) == 0)
      {
        *out = (Errors) i;
        return TRUE;
      }
  /* python3's others (the check refuses one named by a literal) */
  static const char *const lacking[] = { "surrogateescape", "surrogatepass", "namereplace", NULL };
  if (g_strv_contains (lacking, scalar_get_str (name, NULL)))
    lang_stop_not_supported (interp, "the error handler '%s'", scalar_get_str (name, NULL));
  else
    lang_raise (interp, "LookupError", "unknown error handler name '%s'", scalar_get_str (name, NULL));
  return FALSE;
}

/* ---- encoding ------------------------------------------------------------------- */

static void
append_escaped_char (GString *out, gunichar c, const char *prefix)
{
  if (c < 0x100)
    g_string_append_printf (out, "%sx%02x", prefix, c);
  else if (c < 0x10000)
    g_string_append_printf (out, "%su%04x", prefix, c);
  else
    g_string_append_printf (out, "%sU%08x", prefix, c);
}

static void
raise_encode_error (ReclaimInterp *interp, Codec codec, const gunichar *chars, glong start, glong end)
{
  const char *reason = codec == CODEC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
  if (end - start == 1)
    {
      g_autoptr (GString) ch = g_string_new (NULL);
      append_escaped_char (ch, chars[start], "\\");
      lang_raise (interp, "UnicodeEncodeError", "'%s' codec can't encode character '%s' in position %ld: %s",
                  codec_names[codec], ch->str, start, reason);
    }
  else
    lang_raise (interp, "UnicodeEncodeError", "'%s' codec can't encode characters in position %ld-%ld: %s",
                codec_names[codec], start, end - 1, reason);
}

/* str.encode for text of n characters. */
static ReclaimValue
encode_text (ReclaimInterp *interp, ReclaimValue str, Codec codec, Errors errors)
{
  gsize len;
  const char *utf8 = scalar_get_str (str, &len);
  if (!lang_memory_reserve (interp, len, LANG_STR_BYTE_COST))
    return LANG_ERROR;
  if (codec == CODEC_UTF8)
    return scalar_bytes ((const guint8 *) utf8, len);
  if (codec == CODEC_UTF8_SIG)
    {
      g_autofree guint8 *marked = g_malloc (len + 3);
      memcpy (marked, utf8_mark, 3);
      memcpy (marked + 3, utf8, len);
      return scalar_bytes (marked, len + 3);
    }
  if (is_wide (codec))
    {
      int order;
      guint size = wide_size (codec, &order);
      return builtins_encode_wide (interp, str, codec_names[codec], size, order, errors);
    }

  glong n;
  g_autofree gunichar *chars = builtins_str_ucs4 (str, &n);
  gunichar limit = codec == CODEC_ASCII ? 0x80 : 0x100;
  g_autoptr (GString) out = g_string_sized_new (len);
  for (glong i = 0; i < n; i++)
    {
      if (chars[i] < limit)
        {
          g_string_append_c (out, (char) chars[i]);
          continue;
        }
      glong end = i;
      while (end < n && chars[end] >= limit)
        end++;
      if (errors == ERRORS_STRICT)
        {
          raise_encode_error (interp, codec, chars, i, end);
          return LANG_ERROR;
        }
      for (; i < end; i++)
        if (errors == ERRORS_REPLACE)
          g_string_append_c (out, '?');
        else if (errors == ERRORS_BACKSLASH)
          append_escaped_char (out, chars[i], "\\");
        else if (errors == ERRORS_XMLCHARREF)
          g_string_append_printf (out, "&#%u;", chars[i]);
      i--;
    }
  return scalar_bytes ((const guint8 *) out->str, out->len);
}

/* ---- decoding ------------------------------------------------------------------- */

/* How many bytes at data[0..] form one bad UTF-8 sequence, and why: the
 * maximal invalid prefix, as CPython's decoder reports it; 0 when a valid
 * character starts there (its length then in *valid). */
static gsize
utf8_bad_length (const guint8 *data, gsize left, const char **reason, gsize *valid)
{
  guint8 lead = data[0];
  gsize need = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
               : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (need == 0)
    {
      *reason = "invalid start byte";
      return 1;
    }
  for (gsize i = 1; i < need; i++)
    {
      if (i >= left)
        {
          *reason = "unexpected end of data";
          return left;
        }
      guint8 lo = 0x80, hi = 0xbf, b = data[i];
      if (i == 1)
        {
          lo = lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80;
          hi = lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf;
        }
      if (b < lo || b > hi)
        {
          *reason = "invalid continuation byte";
          return i;
        }
    }
  *valid = need;
  return 0;
}

static void
raise_decode_error (ReclaimInterp *interp, Codec codec, const guint8 *data, gsize start, gsize end,
                    const char *reason)
{
  if (end - start == 1)
    lang_raise (interp, "UnicodeDecodeError", "'%s' codec can't decode byte 0x%02x in position %" G_GSIZE_FORMAT
                ": %s", codec_names[codec], data[start], start, reason);
  else
    lang_raise (interp, "UnicodeDecodeError", "'%s' codec can't decode bytes in position %" G_GSIZE_FORMAT
                "-%" G_GSIZE_FORMAT ": %s", codec_names[codec], start, end - 1, reason);
}

static ReclaimValue
decode_bytes (ReclaimInterp *interp, const guint8 *data, gsize len, Codec codec, Errors errors)
{
  if (is_wide (codec))
    {
      int order;
      guint size = wide_size (codec, &order);
      return builtins_decode_wide (interp, data, len, size, order, errors);
    }
  /* utf-8-sig drops a mark and is utf-8 after it, positions counted from there */
  if (codec == CODEC_UTF8_SIG)
    {
      gboolean marked = len >= 3 && memcmp (data, utf8_mark, 3) == 0;
      return decode_bytes (interp, data + (marked ? 3 : 0), len - (marked ? 3 : 0), CODEC_UTF8, errors);
    }
  if (!lang_memory_reserve (interp, len, 2 * LANG_STR_BYTE_COST))
    return LANG_ERROR;
  g_autoptr (GString) out = g_string_sized_new (len);
  gsize i = 0;
  while (i < len)
    {
      const char *reason = "ordinal not in range(128)";
      gsize valid = 1, bad = 0;
      if (codec == CODEC_UTF8)
        bad = utf8_bad_length (data + i, len - i, &reason, &valid);
      else if (codec == CODEC_ASCII && data[i] >= 0x80)
        bad = 1;
      if (bad == 0)
        {
          if (codec == CODEC_UTF8)
            g_string_append_len (out, (const char *) data + i, valid);
          else
            g_string_append_unichar (out, data[i]);
          i += valid;
          continue;
        }
      if (errors == ERRORS_STRICT || errors == ERRORS_XMLCHARREF)
        {
          if (errors == ERRORS_XMLCHARREF)
            return lang_raise (interp, "TypeError", "don't know how to handle UnicodeDecodeError in error callback");
          raise_decode_error (interp, codec, data, i, i + bad, reason);
          return LANG_ERROR;
        }
      if (errors == ERRORS_REPLACE)
        g_string_append (out, "\xef\xbf\xbd");
      for (gsize k = 0; errors == ERRORS_BACKSLASH && k < bad; k++)
        g_string_append_printf (out, "\\x%02x", data[i + k]);
      i += bad;
    }
  return scalar_str (out->str, out->len);
}

static ReclaimValue bytes_from_ints (ReclaimInterp *interp, ReclaimValue source);

/* ---- methods ---------------------------------------------------------------------- */

static ReclaimValue
codec_call (ReclaimInterp *interp, ReclaimValue self, const char *name, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "encoding", "errors", NULL };
  if (!builtins_only_keywords (interp, name, nkw, kwnames, allowed) ||
      !builtins_check (interp, name, ARGS_KEYWORDS, nargs + nkw, 0, 2, 0, FALSE))
    return LANG_ERROR;
  Codec codec;
  Errors errors;
  if (!lookup_codec (interp, lang_arg (nargs, args, nkw, kwnames, 0, "encoding"), !builtins_is_str (self), &codec) ||
      !lookup_errors (interp, lang_arg (nargs, args, nkw, kwnames, 1, "errors"), &errors))
    return LANG_ERROR;
  if (builtins_is_str (self))
    return encode_text (interp, self, codec, errors);
  gsize len;
  const guint8 *data = scalar_get_bytes (self, &len);
  return decode_bytes (interp, data, len, codec, errors);
}

static ReclaimValue
str_encode (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return codec_call (interp, self, "encode", nargs, args, nkw, kwnames);
}

static ReclaimValue
bytes_decode (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  return codec_call (interp, self, "decode", nargs, args, nkw, kwnames);
}

static ReclaimValue
bytes_hex (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "hex", ARGS_CLINIC, nargs, 0, 1, nkw, FALSE))
    return LANG_ERROR;
  const char *sep = NULL;
  if (nargs == 1)
    {
      if (!builtins_is_str (args[0]) || builtins_str_len (args[0]) != 1)
        return lang_raise (interp, "ValueError", "sep must be length 1.");
      sep = scalar_get_str (args[0], NULL);
    }
  gsize len;
  const guint8 *data = scalar_get_bytes (self, &len);
  if (!lang_memory_reserve (interp, len, 3 * LANG_STR_BYTE_COST))
    return LANG_ERROR;
  g_autoptr (GString) out = g_string_sized_new (3 * len);
  for (gsize i = 0; i < len; i++)
    {
      if (sep && i > 0)
        g_string_append (out, sep);
      g_string_append_printf (out, "%02x", data[i]);
    }
  return scalar_str (out->str, out->len);
}

/* bytes.fromhex(string): called on the type, the text comes as the first
 * argument; on a bytes object, after it. */
static ReclaimValue
bytes_fromhex (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  ReclaimValue text = builtins_is_str (self) && nargs == 0 ? self : nargs == 1 ? args[0] : 0;
  if (text == 0 || nkw > 0)
    return lang_raise (interp, "TypeError", "fromhex() takes exactly one argument (%u given)", nargs + nkw);
  if (!builtins_is_str (text))
    return lang_raise (interp, "TypeError", "fromhex() argument must be str, not %s", lang_type_name (interp, text));
  gsize len;
  const char *s = scalar_get_str (text, &len);
  g_autoptr (GByteArray) out = g_byte_array_new ();
  for (gsize i = 0; i < len;)
    {
      if (g_ascii_isspace (s[i]))
        {
          i++;
          continue;
        }
      if (i + 1 >= len || !g_ascii_isxdigit (s[i]) || !g_ascii_isxdigit (s[i + 1]))
        {
          gsize at = g_ascii_isxdigit (s[i]) ? i + 1 : i;
          return lang_raise (interp, "ValueError", "non-hexadecimal number found in fromhex() arg at position %"
                             G_GSIZE_FORMAT, g_utf8_pointer_to_offset (s, s + at));
        }
      guint8 byte = (guint8) (g_ascii_xdigit_value (s[i]) * 16 + g_ascii_xdigit_value (s[i + 1]));
      g_byte_array_append (out, &byte, 1);
      i += 2;
    }
  return scalar_bytes (out->data, out->len);
}

const LangMethodDef builtins_bytes_methods[] = {
  { "decode", bytes_decode },
  { "hex", bytes_hex },
  { "fromhex", bytes_fromhex },
  { NULL }
};

const LangMethodDef builtins_str_bytes_methods[] = {
  { "encode", str_encode },
  { NULL }
};

/* ---- the constructor -------------------------------------------------------------- */

/* bytes(iterable of ints in range(256)) */
static ReclaimValue
bytes_from_ints (ReclaimInterp *interp, ReclaimValue source)
{
  GPtrArray *items = lang_sequence_to_array (interp, source);
  if (items == NULL)
    return LANG_ERROR;
  g_autoptr (GByteArray) out = g_byte_array_sized_new (items->len);
  gboolean failed = FALSE;
  for (guint i = 0; i < items->len && !failed; i++)
    {
      gint64 n = 0;
      failed = !builtins_index (interp, GPOINTER_TO_UINT (items->pdata[i]), &n);
      if (!failed && (n < 0 || n > 255))
        {
          lang_raise (interp, "ValueError", "bytes must be in range(0, 256)");
          failed = TRUE;
        }
      guint8 byte = (guint8) n;
      if (!failed)
        g_byte_array_append (out, &byte, 1);
    }
  for (guint i = 0; i < items->len; i++)
    lang_decref (interp, GPOINTER_TO_UINT (items->pdata[i]));
  g_ptr_array_unref (items);
  return failed ? LANG_ERROR : scalar_bytes (out->data, out->len);
}

static ReclaimValue
bytes_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "source", "encoding", "errors", NULL };
  if (!builtins_only_keywords (interp, "bytes", nkw, kwnames, allowed) ||
      !builtins_check (interp, "bytes", ARGS_KEYWORDS, nargs + nkw, 0, 3, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue source = lang_arg (nargs, args, nkw, kwnames, 0, "source");
  ReclaimValue encoding = lang_arg (nargs, args, nkw, kwnames, 1, "encoding");
  ReclaimValue errors = lang_arg (nargs, args, nkw, kwnames, 2, "errors");
  if (source == 0)
    return encoding || errors ? lang_raise (interp, "TypeError", "encoding or errors without sequence argument")
                              : scalar_bytes (NULL, 0);
  if (builtins_is_str (source))
    {
      Codec codec;
      Errors handler;
      if (encoding == 0)
        return lang_raise (interp, "TypeError", "string argument without an encoding");
      if (!lookup_codec (interp, encoding, FALSE, &codec) || !lookup_errors (interp, errors, &handler))
        return LANG_ERROR;
      return encode_text (interp, source, codec, handler);
    }
  if (encoding || errors)
    return lang_raise (interp, "TypeError", encoding ? "encoding without a string argument"
                                                     : "errors without a string argument");
  if (scalar_type (source) == SCALAR_BYTES)
    return source;
  if (builtins_is_int (source))
    {
      gint64 n;
      if (!builtins_index (interp, source, &n))
        return LANG_ERROR;
      if (n < 0)
        return lang_raise (interp, "ValueError", "negative count");
      if (!lang_memory_reserve (interp, n, LANG_STR_BYTE_COST))
        return LANG_ERROR;
      g_autofree guint8 *zeros = g_malloc0 (n + 1);
      return scalar_bytes (zeros, n);
    }
  if (scalar_type (source) == SCALAR_FLOAT || scalar_type (source) == SCALAR_NONE)
    return lang_raise (interp, "TypeError", "cannot convert '%s' object to bytes", lang_type_name (interp, source));
  return bytes_from_ints (interp, source);
}

/* ---- int.to_bytes and int.from_bytes ---------------------------------------------- */

/* byteorder and signed, the arguments both take after their first */
static gboolean
byte_order_args (ReclaimInterp *interp, ReclaimValue order, ReclaimValue is_signed, gboolean *little,
                 gboolean *signed_out)
{
  if (order && !builtins_is_str (order))
    {
      lang_raise (interp, "TypeError", "argument 'byteorder' must be str, not %s", lang_type_name (interp, order));
      return FALSE;
    }
  const char *name = order ? scalar_get_str (order, NULL) : "big";
  if (strcmp (name, "big") != 0 && strcmp (name, "little") != 0)
    {
      lang_raise (interp, "ValueError", "byteorder must be either 'little' or 'big'");
      return FALSE;
    }
  *little = name[0] == 'l';
  int truth = is_signed ? lang_truth (interp, is_signed) : 0;
  *signed_out = truth == 1;
  return truth >= 0;
}

/* z in length bytes, two's complement when is_signed: FALSE when it
 * does not fit.  z becomes the unsigned number those bytes hold. */
static gboolean
to_unsigned_bytes (mpz_t z, gint64 length, gboolean is_signed)
{
  gsize bits = mpz_sgn (z) == 0 ? 0 : mpz_sizeinbase (z, 2);
  /* -2**(8 length - 1) <= z < 2**(8 length - 1), or 0 <= z < 2**(8 length) */
  gboolean fits = !is_signed ? bits <= (guint64) 8 * length
                  : length > 0 && (bits < (guint64) 8 * length ||
                                   (mpz_sgn (z) < 0 && mpz_scan1 (z, 0) == bits - 1 && bits == (guint64) 8 * length));
  if (fits && mpz_sgn (z) < 0)
    {
      mpz_t power;
      mpz_init (power);
      mpz_ui_pow_ui (power, 2, 8 * length);
      mpz_add (z, z, power);
      mpz_clear (power);
    }
  return fits || (length == 0 && bits == 0);
}

static ReclaimValue
int_to_bytes (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "length", "byteorder", "signed", NULL };
  if (!builtins_only_keywords (interp, "to_bytes", nkw, kwnames, allowed) ||
      !builtins_check (interp, "to_bytes", ARGS_KEYWORDS, nargs, 0, 2, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue length_arg = lang_arg (nargs, args, nkw, kwnames, 0, "length");
  gint64 length = 1;
  gboolean little, is_signed;
  if ((length_arg && !builtins_index (interp, length_arg, &length)) ||
      !byte_order_args (interp, lang_arg (nargs, args, nkw, kwnames, 1, "byteorder"),
                        lang_kwarg (nargs, args, nkw, kwnames, "signed"), &little, &is_signed))
    return LANG_ERROR;
  if (length < 0)
    return lang_raise (interp, "ValueError", "length argument must be non-negative");
  gboolean negative = bigint_compare (self, scalar_int (0)) < 0;
  if (negative && !is_signed)
    return lang_raise (interp, "OverflowError", "can't convert negative int to unsigned");
  if (!lang_memory_reserve (interp, length, LANG_STR_BYTE_COST))
    return LANG_ERROR;
  mpz_t z;
  mpz_init (z);
  scalar_get_mpz (self, z);
  ReclaimValue r = LANG_ERROR;
  if (!to_unsigned_bytes (z, length, is_signed))
    lang_raise (interp, "OverflowError", "int too big to convert");
  else
    {
      g_autofree guint8 *out = g_malloc0 (length + 1);
      gsize count = (mpz_sizeinbase (z, 2) + 7) / 8;
      if (mpz_sgn (z) != 0)
        mpz_export (out + (little ? 0 : length - count), NULL, little ? -1 : 1, 1, 0, 0, z);
      r = scalar_bytes (out, length);
    }
  mpz_clear (z);
  return r;
}

static ReclaimValue
int_from_bytes (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "bytes", "byteorder", "signed", NULL };
  if (!builtins_only_keywords (interp, "from_bytes", nkw, kwnames, allowed) ||
      !builtins_check (interp, "from_bytes", ARGS_KEYWORDS, nargs, 1, 2, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue source = args[0];
  gboolean little, is_signed;
  if (!byte_order_args (interp, lang_arg (nargs, args, nkw, kwnames, 1, "byteorder"),
                        lang_kwarg (nargs, args, nkw, kwnames, "signed"), &little, &is_signed))
    return LANG_ERROR;
  if (scalar_type (source) != SCALAR_BYTES)
    {
      if (builtins_is_str (source))
        return lang_raise (interp, "TypeError", "cannot convert 'str' object to bytes");
      source = bytes_from_ints (interp, source);
      if (source == LANG_ERROR)
        return LANG_ERROR;
    }
  gsize len;
  const guint8 *data = scalar_get_bytes (source, &len);
  mpz_t z;
  mpz_init (z);
  mpz_import (z, len, little ? -1 : 1, 1, 0, 0, data);
  if (is_signed && len > 0 && (data[little ? len - 1 : 0] & 0x80))
    {
      mpz_t power;
      mpz_init (power);
      mpz_ui_pow_ui (power, 2, 8 * len);
      mpz_sub (z, z, power);
      mpz_clear (power);
    }
  ReclaimValue r = scalar_int_from_mpz (z);
  mpz_clear (z);
  return r;
}

static const LangMethodDef int_bytes_methods[] = {
  { "to_bytes", int_to_bytes },
  { "from_bytes", int_from_bytes },
  { NULL }
};

void
builtins_bytes_init (ReclaimInterp *interp)
{
  lang_class_add_methods (lang_builtin_class (interp, "int"), int_bytes_methods);
  LangClass *bytes = lang_builtin_class (interp, "bytes");
  bytes->construct = bytes_construct;
  lang_class_add_methods (bytes, builtins_bytes_methods);
  lang_class_add_methods (bytes, builtins_text_methods);
  lang_class_add_methods (bytes, builtins_bytes_case_methods);
  lang_class_add_methods (lang_builtin_class (interp, "str"), builtins_str_bytes_methods);
}

/* ---- operators -------------------------------------------------------------------- */

/* str(bytes, encoding, errors) */
ReclaimValue
lang_bytes_decode (ReclaimInterp *interp, ReclaimValue bytes, ReclaimValue encoding, ReclaimValue errors)
{
  Codec codec;
  Errors handler;
  if (scalar_type (bytes) != SCALAR_BYTES)
    return lang_raise (interp, "TypeError", builtins_is_str (bytes) ? "decoding str is not supported"
                       : "decoding to str: need a bytes-like object, %s found", lang_type_name (interp, bytes));
  if (!lookup_codec (interp, encoding, TRUE, &codec) || !lookup_errors (interp, errors, &handler))
    return LANG_ERROR;
  gsize len;
  const guint8 *data = scalar_get_bytes (bytes, &len);
  return decode_bytes (interp, data, len, codec, handler);
}

int
lang_bytes_contains (ReclaimInterp *interp, ReclaimValue container, ReclaimValue v)
{
  gsize len, sub_len;
  const guint8 *data = scalar_get_bytes (container, &len);
  if (scalar_type (v) == SCALAR_BYTES)
    {
      const guint8 *sub = scalar_get_bytes (v, &sub_len);
      if (sub_len == 0)
        return 1;
      for (gsize i = 0; i + sub_len <= len; i++)
        if (memcmp (data + i, sub, sub_len) == 0)
          return 1;
      return 0;
    }
  if (!builtins_is_int (v))
    {
      lang_raise (interp, "TypeError", "a bytes-like object is required, not '%s'", lang_type_name (interp, v));
      return -1;
    }
  gint64 n = scalar_get_int (v);
  if (n < 0 || n > 255)
    {
      lang_raise (interp, "ValueError", "byte must be in range(0, 256)");
      return -1;
    }
  return memchr (data, (int) n, len) != NULL;
}

ReclaimValue
lang_bytes_concat (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (scalar_type (b) != SCALAR_BYTES)
    return lang_raise (interp, "TypeError", "can't concat %s to bytes", lang_type_name (interp, b));
  gsize la, lb;
  const guint8 *x = scalar_get_bytes (a, &la), *y = scalar_get_bytes (b, &lb);
  if (!lang_memory_reserve (interp, (guint64) la + lb, LANG_STR_BYTE_COST))
    return LANG_ERROR;
  g_autofree guint8 *joined = g_malloc (la + lb + 1);
  memcpy (joined, x, la);
  memcpy (joined + la, y, lb);
  return scalar_bytes (joined, la + lb);
}

ReclaimValue
lang_bytes_repeat (ReclaimInterp *interp, ReclaimValue v, gint64 times)
{
  gsize len;
  const guint8 *data = scalar_get_bytes (v, &len);
  guint64 total;
  if (len == 0 || times <= 0)
    return scalar_bytes (NULL, 0);
  if (!g_uint64_checked_mul (&total, len, times) || total > G_MAXSSIZE)
    return lang_raise (interp, "OverflowError", "repeated bytes are too long");
  if (!lang_memory_reserve (interp, total, LANG_STR_BYTE_COST))
    return LANG_ERROR;
  g_autofree guint8 *out = g_malloc (total + 1);
  for (guint64 done = 0; done < total; done += len)
    memcpy (out + done, data, len);
  return scalar_bytes (out, total);
}

int
lang_bytes_compare (ReclaimValue a, ReclaimValue b)
{
  gsize la, lb;
  const guint8 *x = scalar_get_bytes (a, &la), *y = scalar_get_bytes (b, &lb);
  int c = memcmp (x, y, MIN (la, lb));
  return c != 0 ? (c < 0 ? -1 : 1) : la < lb ? -1 : la > lb;
}
