/* engine-test-util.h: a small Python-like world built on the engine API,
 * so tests can be written as the python3 experiments they reproduce.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-heap.h"

typedef struct _World World;

/* What a weakref callback or a __del__ does besides printing. */
typedef void (*WorldAction) (World *w, ReclaimId self, gpointer data);

typedef struct {
  ReclaimId  id;
  char      *name;
  GPtrArray *keys;         /* shared-key order of instance attributes */
  gboolean   has_del;
  WorldAction del_action;  /* runs after printing "__del__ NAME" */
  gpointer   del_data;
} WorldClass;

struct _World {
  ReclaimHeap *heap;
  ReclaimId    module;     /* root frame holding the globals */
  GString     *out;        /* what the scripts would print */
  GHashTable  *names;      /* object id -> name, for printing */
  GHashTable  *classes;    /* class id -> WorldClass */
  GHashTable  *lambdas;    /* function id -> WorldLambda */
  GPtrArray   *gc_info;    /* "start 1 0 0" lines from gc.callbacks */
};

World       *world_new            (void);
void         world_free           (World *w);

/* Prints a line into w->out, as print() would. */
void         world_print          (World *w, const char *fmt, ...) G_GNUC_PRINTF (2, 3);
/* Returns w->out and empties it. */
char        *world_take_output    (World *w);

/* Globals (module-level variables).  set steals value; get is borrowed. */
void         world_set            (World *w, const char *var, ReclaimValue value);
ReclaimValue world_get            (World *w, const char *var);
/* Returns a new reference to the variable's value (LOAD_NAME). */
ReclaimValue world_load           (World *w, const char *var);
void         world_del            (World *w, const char *var);

/* class NAME: ...  bound to a global of that name. */
WorldClass  *world_class          (World *w, const char *name, gboolean has_del);
/* NAME(name): an instance whose .name is `name`; new reference. */
ReclaimId    world_new_obj        (World *w, WorldClass *cls, const char *name);
/* obj.attr = value (steals value), following the class's shared-key order. */
void         world_setattr        (World *w, ReclaimId obj, const char *attr, ReclaimValue value);
ReclaimValue world_getattr        (World *w, ReclaimId obj, const char *attr);
void         world_delattr        (World *w, ReclaimId obj, const char *attr);

/* A function object that prints `text` when called as a weakref callback,
 * then runs action (may be NULL).  New reference. */
ReclaimId    world_lambda         (World *w, const char *text, WorldAction action, gpointer data);
/* weakref.ref(obj, lambda: print(text)) appended to the global list `refs`. */
void         world_watch          (World *w, ReclaimId obj, const char *text);

/* [] / () / {} with the given values (stolen). */
ReclaimId    world_list           (World *w, guint n, const ReclaimValue *items);
void         world_list_append    (World *w, ReclaimId list, ReclaimValue item);
ReclaimId    world_tuple          (World *w, guint n, const ReclaimValue *items);
ReclaimId    world_dict           (World *w);
void         world_dict_set       (World *w, ReclaimId dict, const char *key, ReclaimValue value);

/* gc.callbacks.append(...) that records "phase gen collected uncollectable". */
void         world_record_gc_callbacks (World *w);

/* Names of the collector's list, e.g. "link_3 link_2", for checking orders. */
char        *world_list_names     (World *w, ReclaimList list);
const char  *world_name           (World *w, ReclaimId obj);
