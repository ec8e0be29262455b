/* reclaim-check-attributes.c: attributes python3 has and Reclaim does not
 * model yet, refused before the script starts rather than failing with
 * an AttributeError after part of it ran.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-check-private.h"

#include <string.h>

/* module attributes: "module.name" */
static const char *const missing_module_attrs[] = {
  NULL
};

/* attributes of traceback and frame objects, whatever they are read on */
static const char *const missing_object_attrs[] = {
  "tb_lasti", "f_builtins", "f_lasti", "f_trace", "co_filename", "co_firstlineno", "co_varnames",
  "co_argcount", "co_consts", "co_names", "co_code", "co_flags", "co_qualname", "co_freevars", "co_cellvars",
  "co_posonlyargcount", "co_kwonlyargcount", "f_locals", "f_globals", NULL
};

/* attributes of function objects: Reclaim has no code object for a
 * function to hold (a frame's f_code is made for its co_name alone) */
static const char *const missing_function_attrs[] = {
  "__code__", NULL
};

/* the descriptor protocol and the class hooks, which Reclaim does not
 * call: defining or reading them is refused */
static const char *const missing_hooks[] = {
  "__get__", "__set__", "__delete__", "__set_name__", "__init_subclass__", "__class_getitem__",
  "__getattribute__", NULL
};

static gboolean
is_missing_module_attr (const char *module, const char *name)
{
  g_autofree char *dotted = g_strdup_printf ("%s.%s", module, name);
  return g_strv_contains (missing_module_attrs, dotted);
}

/* `sys.exc_info`, `tb.tb_frame` ...: the node refused and a format of
 * one %s for *name, or NULL.  A module is known by its own name (`import
 * sys`). */
const ReclaimNode *
check_missing_attribute (const ReclaimNode *attribute, const char **format, const char **name)
{
  const ReclaimNode *value = attribute->v.attribute.value;
  *name = attribute->v.attribute.attr;
  if (g_strv_contains (missing_hooks, *name))
    {
      *format = "the attribute '%s'";
      return attribute;
    }
  if (strcmp (*name, "__sizeof__") == 0)
    {
      *format = "the attribute '%s' (sys.getsizeof is supported)";
      return attribute;
    }
  if (g_strv_contains (missing_object_attrs, *name))
    {
      *format = "the attribute '%s' (traceback and frame objects)";
      return attribute;
    }
  if (g_strv_contains (missing_function_attrs, *name))
    {
      *format = "the attribute '%s' (a function's code object)";
      return attribute;
    }
  if (value->kind == RECLAIM_NODE_NAME && is_missing_module_attr (value->v.name.id, *name))
    {
      *format = value->v.name.id[0] == 's' ? "sys.%s" : "weakref.%s";
      return attribute;
    }
  return NULL;
}

/* `def __get__(self, obj, owner)` in a class body */
const ReclaimNode *
check_missing_hook (const ReclaimNode *class_def, const char **format, const char **name)
{
  for (guint i = 0; i < class_def->v.class_def.body.n; i++)
    {
      const ReclaimNode *stmt = class_def->v.class_def.body.items[i];
      if (stmt->kind == RECLAIM_NODE_FUNCTION_DEF && g_strv_contains (missing_hooks, stmt->v.function_def.name))
        {
          *name = stmt->v.function_def.name;
          *format = "defining %s in a class";
          return stmt;
        }
    }
  return NULL;
}

/* `from sys import exc_info` */
const ReclaimNode *
check_missing_import (const ReclaimNode *import_from, const char **format, const char **name)
{
  const char *module = import_from->v.import_from.module;
  for (guint i = 0; module && i < import_from->v.import_from.names.n; i++)
    {
      const ReclaimNode *alias = import_from->v.import_from.names.items[i];
      if (is_missing_module_attr (module, alias->v.alias.name))
        {
          *name = alias->v.alias.name;
          *format = module[0] == 's' ? "sys.%s" : "weakref.%s";
          return alias;
        }
    }
  return NULL;
}
