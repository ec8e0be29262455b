/* reclaim-format-string.c: str.format() and the % operator of str.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * str.format follows Objects/stringlib/unicode_format.h (MarkupIterator,
 * parse_field, get_field_object) and % follows PyUnicode_Format, with
 * their error messages and the order in which they are checked.
 */
#include "reclaim-builtins-private.h"
#include "reclaim-bigint.h"

#include <string.h>

/* ---- str.format ----------------------------------------------------------------- */

typedef enum { NUMBERING_INIT, NUMBERING_AUTO, NUMBERING_MANUAL } Numbering;

typedef struct {
  ReclaimInterp      *interp;
  guint               nargs;
  const ReclaimValue *args;
  guint               nkw;
  const char *const  *kwnames;
  Numbering           numbering;
  gint64              next_auto;
} FormatCall;

/* get_integer: a non-negative decimal number, -1 when the text is not one */
static gint64
decimal_index (ReclaimInterp *interp, const char *s, gsize len, gboolean *overflow)
{
  gint64 v = 0;
  *overflow = FALSE;
  if (len == 0)
    return -1;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      if (v > (G_MAXINT64 - 9) / 10)
        {
          lang_raise (interp, "ValueError", "Too many decimal digits in format string");
          *overflow = TRUE;
          return -1;
        }
      v = v * 10 + (s[i] - '0');
    }
  return v;
}

/* The object a field name's first part names: an argument by number or keyword. */
static ReclaimValue
field_first (FormatCall *call, const char *name, gsize len)
{
  ReclaimInterp *interp = call->interp;
  gboolean overflow;
  gint64 index = decimal_index (interp, name, len, &overflow);
  if (overflow)
    return LANG_ERROR;
  gboolean empty = len == 0, numeric = empty || index != -1;

  if (call->numbering == NUMBERING_INIT && numeric)
    call->numbering = empty ? NUMBERING_AUTO : NUMBERING_MANUAL;
  if (numeric && call->numbering == NUMBERING_MANUAL && empty)
    return lang_raise (interp, "ValueError",
                       "cannot switch from manual field specification to automatic field numbering");
  if (numeric && call->numbering == NUMBERING_AUTO && !empty)
    return lang_raise (interp, "ValueError",
                       "cannot switch from automatic field numbering to manual field specification");
  if (empty)
    index = call->next_auto++;

  if (index == -1)
    {
      for (guint i = 0; i < call->nkw; i++)
        if (strlen (call->kwnames[i]) == len && memcmp (call->kwnames[i], name, len) == 0)
          return lang_ref (interp, call->args[call->nargs + i]);
      return lang_raise_value (interp, "KeyError", scalar_str (name, len));
    }
  if (index >= call->nargs)
    return lang_raise (interp, "IndexError", "Replacement index %" G_GINT64_FORMAT " out of range for positional args tuple",
                       index);
  return lang_ref (interp, call->args[index]);
}

/* get_field_object with FieldNameIterator: "0.attr[key][1]" */
static ReclaimValue
field_object (FormatCall *call, const char *name, gsize len)
{
  ReclaimInterp *interp = call->interp;
  gsize first = 0;
  while (first < len && name[first] != '.' && name[first] != '[')
    first++;
  ReclaimValue obj = field_first (call, name, first);
  gsize pos = first;
  while (obj != LANG_ERROR && pos < len)
    {
      ReclaimValue next;
      if (name[pos] == '.')
        {
          gsize start = ++pos;
          while (pos < len && name[pos] != '.' && name[pos] != '[')
            pos++;
          if (pos == start)
            next = lang_raise (interp, "ValueError", "Empty attribute in format string");
          else
            {
              g_autofree char *attr = g_strndup (name + start, pos - start);
              next = lang_getattr (interp, obj, attr);
            }
        }
      else if (name[pos] == '[')
        {
          gsize start = ++pos;
          while (pos < len && name[pos] != ']')
            pos++;
          if (pos >= len)
            next = lang_raise (interp, "ValueError", "Missing ']' in format string");
          else if (pos == start)
            next = lang_raise (interp, "ValueError", "Empty attribute in format string");
          else
            {
              gboolean overflow;
              gint64 index = decimal_index (interp, name + start, pos - start, &overflow);
              pos++;
              if (overflow)
                next = LANG_ERROR;
              else
                next = lang_subscript (interp, obj, index >= 0 ? scalar_int (index)
                                                               : scalar_str (name + start, pos - 1 - start));
            }
        }
      else
        next = lang_raise (interp, "ValueError", "Only '.' or '[' may follow ']' in format field specifier");
      lang_decref (interp, obj);
      obj = next;
    }
  return obj;
}

typedef struct {
  gsize    name_start, name_end;
  char     conversion;
  gsize    spec_start, spec_end;
  gboolean expand;      /* the spec holds nested {fields} */
} Field;

/* parse_field: *pos is just past the '{'; on success just past the '}' */
static gboolean
parse_field (ReclaimInterp *interp, const char *s, gsize len, gsize *pos, Field *f)
{
  char c = 0;
  gboolean terminated = FALSE;
  memset (f, 0, sizeof *f);
  f->name_start = *pos;
  while (*pos < len && !terminated)
    {
      c = s[(*pos)++];
      if (c == '{')
        {
          lang_raise (interp, "ValueError", "unexpected '{' in field name");
          return FALSE;
        }
      if (c == '[')
        while (*pos < len && s[*pos] != ']')
          (*pos)++;
      else
        terminated = c == '}' || c == ':' || c == '!';
    }
  f->name_end = terminated ? *pos - 1 : *pos;
  if (terminated && (c == '!' || c == ':'))
    {
      if (c == '!')
        {
          if (*pos >= len)
            {
              lang_raise (interp, "ValueError", "end of string while looking for conversion specifier");
              return FALSE;
            }
          f->conversion = s[(*pos)++];
          if (*pos < len)
            {
              c = s[(*pos)++];
              if (c == '}')
                return TRUE;
              if (c != ':')
                {
                  lang_raise (interp, "ValueError", "expected ':' after conversion specifier");
                  return FALSE;
                }
            }
        }
      f->spec_start = *pos;
      int count = 1;
      while (*pos < len)
        {
          c = s[(*pos)++];
          if (c == '{')
            {
              f->expand = TRUE;
              count++;
            }
          else if (c == '}' && --count == 0)
            {
              f->spec_end = *pos - 1;
              return TRUE;
            }
        }
      lang_raise (interp, "ValueError", "unmatched '{' in format spec");
      return FALSE;
    }
  if (!terminated || c != '}')
    {
      lang_raise (interp, "ValueError", "expected '}' before end of string");
      return FALSE;
    }
  return TRUE;
}

static ReclaimValue
convert_field (ReclaimInterp *interp, ReclaimValue obj, char conversion)
{
  char *text;
  switch (conversion)
    {
    case 'r': text = lang_repr (interp, obj); break;
    case 's': text = lang_str (interp, obj); break;
    case 'a': text = builtins_ascii (interp, obj); break;
    default:
      if (conversion > 32 && conversion < 127)
        return lang_raise (interp, "ValueError", "Unknown conversion specifier %c", conversion);
      return lang_raise (interp, "ValueError", "Unknown conversion specifier \\x%x", (guchar) conversion);
    }
  return builtins_str_take (text);
}

static gboolean build_string (FormatCall *call, const char *s, gsize len, int depth, GString *out);

static gboolean
output_field (FormatCall *call, const char *s, const Field *f, int depth, GString *out)
{
  ReclaimInterp *interp = call->interp;
  ReclaimValue obj = field_object (call, s + f->name_start, f->name_end - f->name_start);
  if (obj == LANG_ERROR)
    return FALSE;
  if (f->conversion)
    {
      ReclaimValue converted = convert_field (interp, obj, f->conversion);
      lang_decref (interp, obj);
      if (converted == LANG_ERROR)
        return FALSE;
      obj = converted;
    }
  ReclaimValue spec;
  if (f->expand)
    {
      GString *expanded = g_string_new (NULL);
      gboolean ok = build_string (call, s + f->spec_start, f->spec_end - f->spec_start, depth - 1, expanded);
      spec = ok ? scalar_str (expanded->str, expanded->len) : LANG_ERROR;
      g_string_free (expanded, TRUE);
      if (!ok)
        {
          lang_decref (interp, obj);
          return FALSE;
        }
    }
  else
    spec = scalar_str (s + f->spec_start, f->spec_end - f->spec_start);
  ReclaimValue r = lang_format_value (interp, obj, spec);
  lang_decref (interp, obj);
  if (r == LANG_ERROR)
    return FALSE;
  gsize len;
  const char *text = scalar_get_str (r, &len);
  g_string_append_len (out, text, len);
  return TRUE;
}

/* build_string / MarkupIterator: literal text and fields in turn */
static gboolean
build_string (FormatCall *call, const char *s, gsize len, int depth, GString *out)
{
  ReclaimInterp *interp = call->interp;
  if (depth <= 0)
    {
      lang_raise (interp, "ValueError", "Max string recursion exceeded");
      return FALSE;
    }
  gsize pos = 0;
  while (pos < len)
    {
      gsize start = pos;
      char c = 0;
      gboolean markup = FALSE;
      while (pos < len && !markup)
        {
          c = s[pos++];
          markup = c == '{' || c == '}';
        }
      gboolean at_end = pos >= len;
      gsize literal_end = pos;
      if (markup)
        {
          if (c == '}' && (at_end || s[pos] != '}'))
            {
              lang_raise (interp, "ValueError", "Single '}' encountered in format string");
              return FALSE;
            }
          if (c == '{' && at_end)
            {
              lang_raise (interp, "ValueError", "Single '{' encountered in format string");
              return FALSE;
            }
          if (s[pos] == c)
            {
              pos++;            /* {{ or }}: the literal keeps one */
              markup = FALSE;
            }
          else
            literal_end--;
        }
      g_string_append_len (out, s + start, literal_end - start);
      if (!markup)
        continue;
      Field f;
      if (!parse_field (interp, s, len, &pos, &f) || !output_field (call, s, &f, depth, out))
        return FALSE;
    }
  return TRUE;
}

ReclaimValue
builtins_str_format (ReclaimInterp *interp, ReclaimValue fmt, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  FormatCall call = { interp, nargs, args, nkw, kwnames, NUMBERING_INIT, 0 };
  gsize len;
  const char *s = scalar_get_str (fmt, &len);
  GString *out = g_string_new (NULL);
  ReclaimValue r = build_string (&call, s, len, 2, out) ? scalar_str (out->str, out->len) : LANG_ERROR;
  g_string_free (out, TRUE);
  return r;
}

/* ---- the % operator ------------------------------------------------------------------ */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
  ReclaimInterp *interp;
  ReclaimValue   args;      /* what getnextarg hands out: the tuple, a single value, or a dict's value */
  ReclaimValue   owned;     /* args when it came from the dict (a new reference) */
  gint64         arglen, argidx;
  ReclaimValue   dict;
  gboolean       bytes;     /* bytes % args: the format's units are bytes */
} Percent;

static ReclaimValue
next_arg (Percent *p)
{
  if (p->argidx < p->arglen)
    {
      p->argidx++;
      return p->arglen < 0 ? p->args : lang_seq_item (p->interp, p->args, p->argidx - 1);
    }
  return lang_raise (p->interp, "TypeError", "not enough arguments for format string");
}

/* PyMapping_Check: dicts, lists, tuples, user classes with __getitem__ */
static gboolean
is_mapping (ReclaimInterp *interp, ReclaimValue v)
{
  return builtins_is_kind (interp, v, RECLAIM_KIND_DICT) || builtins_is_kind (interp, v, RECLAIM_KIND_LIST) ||
         builtins_is_kind (interp, v, RECLAIM_KIND_TUPLE) || builtins_user_method (interp, v, "__getitem__");
}

static void
pad_output (GString *out, int flags, gint64 width, const char *sign, const char *prefix, const char *body,
            gssize body_len, gboolean numeric)
{
  if (body_len < 0)
    body_len = strlen (body);
  gint64 len = strlen (sign) + strlen (prefix);
  for (const char *p = body; p < body + body_len; p = g_utf8_next_char (p))
    len++;
  gint64 pad = MAX (0, width - len);
  gboolean zeros = numeric && (flags & F_ZERO) && !(flags & F_LJUST);
  if (!(flags & F_LJUST) && !zeros)
    for (gint64 i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, sign);
  g_string_append (out, prefix);
  if (zeros)
    for (gint64 i = 0; i < pad; i++)
      g_string_append_c (out, '0');
  g_string_append_len (out, body, body_len);
  if (flags & F_LJUST)
    for (gint64 i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

static const char *
sign_of (gboolean negative, int flags)
{
  return negative ? "-" : (flags & F_SIGN) ? "+" : (flags & F_BLANK) ? " " : "";
}

/* %d %i %u %o %x %X: the int v stands for, or the CPython complaint */
static gboolean
percent_integer (ReclaimInterp *interp, ReclaimValue v, gunichar type, ReclaimValue *out)
{
  gboolean hex_or_oct = type == 'o' || type == 'x' || type == 'X';
  if (builtins_is_int (v))
    {
      *out = v;
      return TRUE;
    }
  if (scalar_type (v) == SCALAR_FLOAT && !hex_or_oct)
    {
      *out = builtins_float_to_int (interp, scalar_get_float (v));
      return *out != LANG_ERROR;
    }
  const char *method = hex_or_oct ? "__index__" : builtins_user_method (interp, v, "__int__") ? "__int__" : "__index__";
  ReclaimValue m = builtins_user_method (interp, v, method);
  if (m)
    {
      ReclaimValue r = builtins_call_special (interp, m, v, 0, NULL);
      if (r == LANG_ERROR)
        return FALSE;
      gboolean ok = builtins_is_int (r);
      if (ok)
        *out = r;
      else
        lang_raise (interp, "TypeError", "%s returned non-int (type %s)", method, lang_type_name (interp, r));
      lang_decref (interp, r);
      return ok;
    }
  lang_raise (interp, "TypeError", "%%%c format: %s is required, not %s", (char) type,
              hex_or_oct ? "an integer" : "a real number", lang_type_name (interp, v));
  return FALSE;
}

static gboolean
percent_float (ReclaimInterp *interp, ReclaimValue v, double *out)
{
  if (scalar_type (v) == SCALAR_FLOAT)
    {
      *out = scalar_get_float (v);
      return TRUE;
    }
  if (builtins_is_int (v))
    return builtins_number_to_double (interp, v, out);
  ReclaimValue m = builtins_user_method (interp, v, "__float__");
  if (m)
    {
      ReclaimValue r = builtins_call_special (interp, m, v, 0, NULL);
      if (r == LANG_ERROR)
        return FALSE;
      gboolean ok = scalar_type (r) == SCALAR_FLOAT;
      if (ok)
        *out = scalar_get_float (r);
      else
        lang_raise (interp, "TypeError", "%s.__float__ returned non-float (type %s)", lang_type_name (interp, v),
                    lang_type_name (interp, r));
      lang_decref (interp, r);
      return ok;
    }
  gint64 n;
  if (builtins_user_method (interp, v, "__index__"))
    {
      if (!builtins_index (interp, v, &n))
        return FALSE;
      *out = (double) n;
      return TRUE;
    }
  lang_raise (interp, "TypeError", "must be real number, not %s", lang_type_name (interp, v));
  return FALSE;
}

/* One conversion of type `type` applied to v. */
static gboolean
percent_convert (ReclaimInterp *interp, GString *out, ReclaimValue v, gunichar type, int flags, gint64 width,
                 gint64 prec, glong type_index)
{
  switch (type)
    {
    case 's': case 'r': case 'a':
      {
        gsize len = 0;
        char *text;
        if (type == 's' && builtins_is_str (v))
          {
            const char *s = scalar_get_str (v, &len);
            text = g_memdup2 (s, len + 1);
          }
        else
          {
            text = type == 's' ? lang_str (interp, v) : type == 'r' ? lang_repr (interp, v)
                                                                   : builtins_ascii (interp, v);
            if (text == NULL)
              return FALSE;
            len = strlen (text);
          }
        if (prec >= 0)
          {
            /* keep at most prec characters */
            const char *p = text;
            for (gint64 i = 0; i < prec && p < text + len; i++)
              p = g_utf8_next_char (p);
            len = MIN (len, (gsize) (p - text));
          }
        pad_output (out, flags, width, "", "", text, len, FALSE);
        g_free (text);
        return TRUE;
      }
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      {
        ReclaimValue i;
        if (!percent_integer (interp, v, type, &i))
          return FALSE;
        int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
        gint64 n = scalar_get_int (i);
        g_autofree char *digits = scalar_int_is_big (i) ? bigint_digits (interp, i, base, type == 'X')
                                                        : builtins_unsigned_digits (n < 0 ? -(guint64) n : (guint64) n,
                                                                                    base, type == 'X');
        if (digits == NULL)
          return FALSE;
        GString *body = g_string_new (NULL);
        for (gint64 i = strlen (digits); i < prec; i++)
          g_string_append_c (body, '0');
        g_string_append (body, digits);
        const char *prefix = !(flags & F_ALT) || base == 10 ? "" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
        pad_output (out, flags, width, sign_of (n < 0, flags), prefix, body->str, body->len, TRUE);
        g_string_free (body, TRUE);
        return TRUE;
      }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      {
        double d;
        if (!percent_float (interp, v, &d))
          return FALSE;
        char *text = builtins_double_text (d, type, prec < 0 ? 6 : prec, (flags & F_ALT) != 0, FALSE);
        gboolean negative = text[0] == '-';
        pad_output (out, flags, width, sign_of (negative, flags), "", text + negative, -1, TRUE);
        g_free (text);
        return TRUE;
      }
    case 'c':
      {
        char buf[8] = { 0 };
        gsize len = 0;
        if (builtins_is_str (v) && builtins_str_len (v) == 1)
          {
            const char *text = scalar_get_str (v, &len);
            memcpy (buf, text, MIN (len, sizeof buf - 1));
          }
        else if (builtins_is_int (v) || builtins_user_method (interp, v, "__index__"))
          {
            gint64 c;
            if (!builtins_index (interp, v, &c))
              return FALSE;
            if (c < 0 || c > 0x10ffff)
              {
                lang_raise (interp, "OverflowError", "%%c arg not in range(0x110000)");
                return FALSE;
              }
            len = g_unichar_to_utf8 ((gunichar) c, buf);
          }
        else
          {
            lang_raise (interp, "TypeError", "%%c requires int or char");
            return FALSE;
          }
        pad_output (out, flags, width, "", "", buf, len, FALSE);
        return TRUE;
      }
    default:
      lang_raise (interp, "ValueError", "unsupported format character '%c' (0x%x) at index %ld",
                  type >= 32 && type <= 126 ? (char) type : '?', type, type_index);
      return FALSE;
    }
}

/* A width or precision: digits, or '*' taking an int argument. */
static gboolean
percent_number (Percent *p, const gunichar *c, glong n, glong *pos, gint64 *out, gboolean *from_star)
{
  *from_star = FALSE;
  if (*pos < n && c[*pos] == '*')
    {
      (*pos)++;
      *from_star = TRUE;
      ReclaimValue v = next_arg (p);
      if (v == LANG_ERROR)
        return FALSE;
      if (!builtins_is_int (v))
        {
          lang_raise (p->interp, "TypeError", "* wants int");
          return FALSE;
        }
      *out = scalar_get_int (v);
      return TRUE;
    }
  while (*pos < n && c[*pos] >= '0' && c[*pos] <= '9')
    {
      if (*out > (G_MAXINT32 - 9) / 10)
        {
          lang_raise (p->interp, "ValueError", "width too big");
          return FALSE;
        }
      *out = MAX (*out, 0) * 10 + (c[(*pos)++] - '0');
    }
  return TRUE;
}

/* One %... after the '%' at *pos - 1 (unicode_format_arg). */
static gboolean
percent_one (Percent *p, const gunichar *c, glong n, glong *pos, GString *out)
{
  ReclaimInterp *interp = p->interp;
  if (*pos < n && c[*pos] == '%')
    {
      (*pos)++;
      g_string_append_c (out, '%');
      return TRUE;
    }
  if (*pos < n && c[*pos] == '(')
    {
      if (p->dict == 0)
        {
          lang_raise (interp, "TypeError", "format requires a mapping");
          return FALSE;
        }
      glong start = ++(*pos);
      int depth = 1;
      while (*pos < n && depth > 0)
        {
          depth += c[*pos] == '(' ? 1 : c[*pos] == ')' ? -1 : 0;
          (*pos)++;
        }
      if (depth > 0)
        {
          lang_raise (interp, "ValueError", "incomplete format key");
          return FALSE;
        }
      glong klen = *pos - 1 - start;
      char *key = p->bytes ? g_new (char, klen + 1) : g_ucs4_to_utf8 (c + start, klen, NULL, &klen, NULL);
      for (glong k = 0; p->bytes && k < klen; k++)
        key[k] = (char) c[start + k];
      ReclaimValue value = lang_subscript (interp, p->dict, p->bytes ? scalar_bytes ((const guint8 *) key, klen)
                                                                     : scalar_str (key, klen));
      g_free (key);
      if (value == LANG_ERROR)
        return FALSE;
      lang_decref (interp, p->owned);
      p->owned = p->args = value;
      p->arglen = -1;
      p->argidx = -2;
    }
  int flags = 0;
  for (gboolean more = TRUE; more && *pos < n; )
    {
      switch (c[*pos])
        {
        case '-': flags |= F_LJUST; break;
        case '+': flags |= F_SIGN; break;
        case ' ': flags |= F_BLANK; break;
        case '#': flags |= F_ALT; break;
        case '0': flags |= F_ZERO; break;
        default: more = FALSE; continue;
        }
      (*pos)++;
    }
  gint64 width = -1, prec = -1;
  gboolean star;
  if (!percent_number (p, c, n, pos, &width, &star))
    return FALSE;
  if (star && width < 0)
    {
      flags |= F_LJUST;
      width = -width;
    }
  if (!builtins_check_size (interp, width))
    return FALSE;
  if (*pos < n && c[*pos] == '.')
    {
      (*pos)++;
      prec = 0;
      if (!percent_number (p, c, n, pos, &prec, &star))
        return FALSE;
      if (prec < 0)
        prec = 0;
      if (!builtins_check_size (interp, prec))
        return FALSE;
    }
  if (*pos < n && (c[*pos] == 'h' || c[*pos] == 'l' || c[*pos] == 'L'))
    (*pos)++;
  if (*pos >= n)
    {
      lang_raise (interp, "ValueError", "incomplete format");
      return FALSE;
    }
  gunichar type = c[(*pos)++];
  ReclaimValue v = next_arg (p);
  if (v == LANG_ERROR)
    return FALSE;
  if (p->bytes)
    {
      int done = builtins_bytes_percent_convert (interp, out, v, type, (flags & F_LJUST) != 0, width, prec);
      if (done != 0)
        return done > 0;
    }
  return percent_convert (interp, out, v, type, flags, width, prec, *pos - 1);
}

/* The units of a str (code points) or of bytes (bytes) */
static gunichar *
format_units (ReclaimValue fmt, gboolean bytes, glong *n)
{
  if (!bytes)
    return builtins_str_ucs4 (fmt, n);
  gsize len;
  const guint8 *data = scalar_get_bytes (fmt, &len);
  gunichar *c = g_new (gunichar, len + 1);
  for (gsize i = 0; i < len; i++)
    c[i] = data[i];
  *n = (glong) len;
  return c;
}

static ReclaimValue format_percent (ReclaimInterp *interp, ReclaimValue fmt, ReclaimValue args, gboolean bytes);

ReclaimValue
lang_string_format_percent (ReclaimInterp *interp, ReclaimValue fmt, ReclaimValue args)
{
  return format_percent (interp, fmt, args, FALSE);
}

ReclaimValue
lang_bytes_format_percent (ReclaimInterp *interp, ReclaimValue fmt, ReclaimValue args)
{
  return format_percent (interp, fmt, args, TRUE);
}

static ReclaimValue
format_percent (ReclaimInterp *interp, ReclaimValue fmt, ReclaimValue args, gboolean bytes)
{
  Percent p = { interp, args, 0, -1, -2, 0, bytes };
  if (builtins_is_kind (interp, args, RECLAIM_KIND_TUPLE))
    {
      p.arglen = lang_seq_length (interp, args);
      p.argidx = 0;
    }
  else if (!builtins_is_str (args) && is_mapping (interp, args))
    p.dict = args;

  glong n, pos = 0;
  gunichar *c = format_units (fmt, bytes, &n);
  GString *out = g_string_new (NULL);
  gboolean ok = TRUE;
  while (ok && pos < n)
    {
      if (c[pos] != '%')
        {
          char buf[8];
          if (bytes)
            g_string_append_c (out, (char) c[pos++]);
          else
            g_string_append_len (out, buf, g_unichar_to_utf8 (c[pos++], buf));
          continue;
        }
      pos++;
      ok = percent_one (&p, c, n, &pos, out);
    }
  if (ok && p.argidx < p.arglen && p.dict == 0)
    {
      lang_raise (interp, "TypeError", "not all arguments converted during %s formatting", bytes ? "bytes" : "string");
      ok = FALSE;
    }
  lang_decref (interp, p.owned);
  ReclaimValue r = !ok ? LANG_ERROR : bytes ? scalar_bytes ((const guint8 *) out->str, out->len)
                                            : scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  g_free (c);
  return r;
}
