/* reclaim-coroutine.c: generators' bodies on stacks of their own, switched
 * in the one thread that runs the script.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A suspended coroutine is its stack (one mmap'd block) and the registers
 * saved on it (see "switching stacks"); nothing else runs meanwhile, so
 * the interpreter needs no locking.  swapcontext() is not used: it would
 * also save and restore the signal mask, two system calls per switch that
 * cost more than the rest of a yield.
 *
 * The stacks are small so that tens of thousands of paused generators fit
 * (python3 keeps as many).  They have no guard page: 40,000 of them would
 * need more memory mappings than Linux gives a process (65,530).  Instead
 * coroutine_stack_low() lets the interpreter's recursion guard see the end
 * coming, and coroutine_call_on_big_stack() moves a deep call off the small
 * stack.
 */
/* glibc's fortified longjmp refuses to jump to another stack */
#undef _FORTIFY_SOURCE

#include "reclaim-coroutine.h"

#include <errno.h>
#include <setjmp.h>
#include <sys/mman.h>
#include <ucontext.h>

#if defined(__SANITIZE_ADDRESS__)   /* gcc */
#define COROUTINE_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)   /* clang */
#define COROUTINE_UNDER_ASAN 1
#endif
#endif

#ifdef COROUTINE_UNDER_ASAN
#include <sanitizer/asan_interface.h>
/* AddressSanitizer's frames are several times larger */
#define STACK_SCALE 4
#else
#define STACK_SCALE 1
#endif

/* A generator's own stack: its body and the shallow calls it makes. */
#define SMALL_STACK_SIZE ((gsize) 64 * 1024 * STACK_SCALE)
/* What a call needs to start on the small stack; below this, deeper calls
 * go to a big stack (coroutine_call_on_big_stack). */
#define SMALL_STACK_MARGIN ((gsize) 24 * 1024 * STACK_SCALE)
/* Enough for the rest of the recursion limit (1000 Python calls). */
#define BIG_STACK_SIZE ((gsize) 4 * 1024 * 1024 * STACK_SCALE)

static guint8 *
stack_alloc (gsize size)
{
  void *p = mmap (NULL, size, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

static void
stack_free (guint8 *stack, gsize size)
{
  if (stack == NULL)
    return;
#ifdef COROUTINE_UNDER_ASAN
  /* The redzones of frames still on the stack (the last switch's, at
   * least) stay in AddressSanitizer's shadow after munmap; a later mmap
   * at the same address (another thread's, say) would read as a stack
   * overflow. */
  ASAN_UNPOISON_MEMORY_REGION (stack, size);
#endif
  munmap (stack, size);
}

/* ---- switching stacks ----------------------------------------------------
 * A context is where a side that waits goes on when switched to.  Every
 * item a generator yields takes two switches, so on x86-64 a switch is
 * done by hand: it pushes the registers a call must keep (rbx, rbp,
 * r12-r15) on the stack it leaves, keeps that stack's pointer, takes the
 * other's and pops them from there: a dozen instructions.  A round trip
 * by _setjmp and glibc's _longjmp (which also unwinds thread cancellation
 * handlers) took 30 ns here, by hand 17 ns.  It goes back by an indirect
 * jump, not a ret: the processor guesses where a ret goes from the calls
 * made on this side, so a ret into the other stack was always guessed
 * wrong, while a jump's few targets are learnt (gen_pipeline: 6% less
 * time).  Elsewhere, and where a
 * shadow stack (CET) would refuse a return to another stack, _setjmp and
 * _longjmp switch, and makecontext() builds a new stack's first frame. */

typedef void (*ContextEntry) (gpointer arg);

#if defined(__x86_64__) && defined(__ELF__) && !defined(__CET__)
#define SWITCH_BY_HAND 1
#endif

#ifdef SWITCH_BY_HAND

typedef struct {
  void *sp;   /* below it: the saved registers and the address to return to */
} Context;

G_GNUC_INTERNAL void coroutine_switch_stacks (void **save_sp, void *sp);
G_GNUC_INTERNAL void coroutine_first_frame (void);

/* The call frame information lets debuggers and profilers walk a
 * coroutine's stack; a new stack's walk ends at coroutine_first_frame. */
__asm__ (
  ".pushsection .text\n"
  ".p2align 4\n"
  ".globl coroutine_switch_stacks\n"
  ".hidden coroutine_switch_stacks\n"
  ".type coroutine_switch_stacks, @function\n"
  "coroutine_switch_stacks:\n"
  "  .cfi_startproc\n"
  "  pushq %rbp\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %rbp, 0\n"
  "  pushq %rbx\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %rbx, 0\n"
  "  pushq %r12\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %r12, 0\n"
  "  pushq %r13\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %r13, 0\n"
  "  pushq %r14\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %r14, 0\n"
  "  pushq %r15\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %r15, 0\n"
  "  movq %rsp, (%rdi)\n"
  "  movq %rsi, %rsp\n"   /* the other stack holds the same layout */
  "  popq %r15\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %r15\n"
  "  popq %r14\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %r14\n"
  "  popq %r13\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %r13\n"
  "  popq %r12\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %r12\n"
  "  popq %rbx\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %rbx\n"
  "  popq %rbp\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %rbp\n"
  "  popq %rcx\n  .cfi_adjust_cfa_offset -8\n  .cfi_register %rip, %rcx\n"
  "  jmpq *%rcx\n"
  "  .cfi_endproc\n"
  ".size coroutine_switch_stacks, .-coroutine_switch_stacks\n"
  /* a new stack's first switch returns here, with r12 and r13 as
   * context_start() left them: entry (arg), which never returns */
  ".p2align 4\n"
  ".globl coroutine_first_frame\n"
  ".hidden coroutine_first_frame\n"
  ".type coroutine_first_frame, @function\n"
  "coroutine_first_frame:\n"
  "  .cfi_startproc\n"
  "  .cfi_undefined %rip\n"
  "  movq %r12, %rdi\n"
  "  callq *%r13\n"
  "  ud2\n"
  "  .cfi_endproc\n"
  ".size coroutine_first_frame, .-coroutine_first_frame\n"
  ".popsection\n");

/* Saves where the code runs now in *save and goes on where *target was
 * saved. */
static inline void
context_switch (Context *save, Context *target)
{
  coroutine_switch_stacks (&save->sp, target->sp);
}

/* The first switch onto a new stack: entry (arg) starts there. */
static void
context_start (Context *save, guint8 *stack, gsize size, ContextEntry entry, gpointer arg)
{
  /* what coroutine_switch_stacks pops: r15, r14, r13, r12, rbx, rbp (0
   * ends a walk by frame pointers), then the address it returns to; the
   * stack is 16-byte aligned there, as a call wants it */
  guintptr *frame = (guintptr *) (((guintptr) (stack + size)) & ~(guintptr) 15) - 7;
  frame[0] = frame[1] = 0;
  frame[2] = (guintptr) entry;   /* r13 */
  frame[3] = (guintptr) arg;     /* r12 */
  frame[4] = frame[5] = 0;
  frame[6] = (guintptr) coroutine_first_frame;
  coroutine_switch_stacks (&save->sp, frame);
}

/* Leaves a stack that is done with for good. */
static void
context_jump (Context *target)
{
  void *abandoned;
  coroutine_switch_stacks (&abandoned, target->sp);
}

#else /* !SWITCH_BY_HAND */

typedef struct {
  jmp_buf regs;
} Context;

/* Kept apart so that no caller's locals live across _setjmp's second
 * return. */
static G_GNUC_NO_INLINE void
context_switch (Context *save, Context *target)
{
  if (_setjmp (save->regs) == 0)
    _longjmp (target->regs, 1);
}

typedef struct {
  ContextEntry entry;
  gpointer     arg;
} ContextStart;

/* makecontext passes int arguments only: the pointer goes in two halves */
static void
context_entry (unsigned int high, unsigned int low)
{
  const ContextStart *start = (const ContextStart *) (((guintptr) high << 32) | (guintptr) low);
  start->entry (start->arg);
}

/* Not inlined, so that neither getcontext's nor _setjmp's second return
 * can clobber the caller's locals. */
static G_GNUC_NO_INLINE void
context_start (Context *save, guint8 *stack, gsize size, ContextEntry entry, gpointer arg)
{
  /* read by context_entry before anything switches back here */
  ContextStart start = { entry, arg };
  ucontext_t context;
  getcontext (&context);
  context.uc_stack.ss_sp = stack;
  context.uc_stack.ss_size = size;
  context.uc_link = NULL;
  guintptr bits = (guintptr) &start;
  makecontext (&context, (void (*) (void)) context_entry, 2,
               (unsigned int) (bits >> 32), (unsigned int) (bits & 0xffffffffu));
  if (_setjmp (save->regs) == 0)
    setcontext (&context);
}

static void
context_jump (Context *target)
{
  _longjmp (target->regs, 1);
}

#endif /* SWITCH_BY_HAND */

/* ---- switching, told to AddressSanitizer ------------------------------ */

#ifdef COROUTINE_UNDER_ASAN
#define SWITCH_START(save, bottom, size) __sanitizer_start_switch_fiber ((save), (bottom), (size))
#define SWITCH_FINISH(save, bottom, size) __sanitizer_finish_switch_fiber ((save), (bottom), (size))
#else
#define SWITCH_START(save, bottom, size) ((void) 0)
#define SWITCH_FINISH(save, bottom, size) ((void) 0)
#endif

/* ---- coroutines --------------------------------------------------------- */

struct _Coroutine {
  CoroutineBody body;
  const guint8 *resumer_floor;    /* coroutine_stack_floor of the resumer */
  const void   *resumer_on;       /* running_on of the resumer */
  gsize         resumer_on_size;
  const guint8 *own_floor;        /* coroutine_stack_floor where it waits: its
                                   * own stack's, or NULL on a big stack */
  gpointer      data;
  Context       context;          /* where the coroutine goes on when resumed */
  Context       resumer;          /* where the resumer goes on when it suspends */
  Coroutine    *resumed_from;     /* the coroutine that resumed this one, if any */
  guint8       *stack;
  gsize         stack_size;
  gboolean      started;
  gboolean      finished;
  gboolean      went_deep;        /* its stack reached the floor since it last waited */
  const void   *waits_on;         /* the stack it waits on (its own or a big one) */
  gsize         waits_on_size;
#ifdef COROUTINE_UNDER_ASAN
  void         *fake_stack;       /* ASan's bookkeeping for the side that waits */
  void         *resumer_fake_stack;
  const void   *resumer_bottom;
  gsize         resumer_size;
#endif
};

/* The coroutine running now in this thread, or NULL for the thread's own
 * stack.  Scripts of different interpreters may run on different threads. */
static _Thread_local Coroutine *current;
/* see reclaim-coroutine.h */
_Thread_local const guint8 *coroutine_stack_floor;
/* The coroutine stack (small or big) the code runs on, or NULL. */
static _Thread_local const void *running_on;
static _Thread_local gsize running_on_size;

static void
leave_coroutine (Coroutine *co)
{
  co->own_floor = coroutine_stack_floor;
  co->waits_on = running_on;
  co->waits_on_size = running_on_size;
  current = co->resumed_from;
  coroutine_stack_floor = co->resumer_floor;
  running_on = co->resumer_on;
  running_on_size = co->resumer_on_size;
}

static void
enter_coroutine (Coroutine *co)
{
  co->resumed_from = current;
  co->resumer_floor = coroutine_stack_floor;
  co->resumer_on = running_on;
  co->resumer_on_size = running_on_size;
  current = co;
  coroutine_stack_floor = co->own_floor;
  running_on = co->waits_on;
  running_on_size = co->waits_on_size;
}

static void
trampoline (gpointer data)
{
  Coroutine *co = data;

  SWITCH_FINISH (NULL, &co->resumer_bottom, &co->resumer_size);
  co->body (co, co->data);
  co->finished = TRUE;
  leave_coroutine (co);
  /* NULL: this stack is done with, ASan may forget it */
  SWITCH_START (NULL, co->resumer_bottom, co->resumer_size);
  context_jump (&co->resumer);
}

Coroutine *
coroutine_new (CoroutineBody body, gpointer data)
{
  Coroutine *co = g_new0 (Coroutine, 1);
  co->body = body;
  co->data = data;
  return co;
}

static gboolean
start (Coroutine *co, GError **error)
{
  co->stack_size = SMALL_STACK_SIZE;
  co->stack = stack_alloc (co->stack_size);
  if (co->stack == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "cannot map a stack: %s", g_strerror (errno));
      return FALSE;
    }
  co->own_floor = co->stack + SMALL_STACK_MARGIN;
  co->waits_on = co->stack;
  co->waits_on_size = co->stack_size;
  co->started = TRUE;
  return TRUE;
}

CoroutineState
coroutine_resume (Coroutine *co, GError **error)
{
  g_return_val_if_fail (!co->finished, COROUTINE_FINISHED);

  gboolean first = !co->started;
  if (first && !start (co, error))
    return COROUTINE_NOT_STARTED;

  enter_coroutine (co);
  SWITCH_START (&co->resumer_fake_stack, co->waits_on, co->waits_on_size);
  if (first)
    context_start (&co->resumer, co->stack, co->stack_size, trampoline, co);
  else
    context_switch (&co->resumer, &co->context);
  SWITCH_FINISH (co->resumer_fake_stack, NULL, NULL);

  if (!co->finished)
    return COROUTINE_SUSPENDED;
  stack_free (co->stack, co->stack_size);
  co->stack = NULL;
  return COROUTINE_FINISHED;
}

/* The pages a deep call touched below where the coroutine waits hold
 * nothing any more: give them back, or 40,000 paused generators would keep
 * 40,000 small stacks whole. */
static void
release_unused_stack (Coroutine *co)
{
  guint8 here;
  const guintptr page = 4096;
  /* a page of room below this frame, for the switch itself */
  guintptr end = ((guintptr) &here - page) & ~(page - 1);
  guintptr start = (guintptr) co->stack;
  if (end > start && end < start + co->stack_size)
    madvise (co->stack, end - start, MADV_DONTNEED);
  co->went_deep = FALSE;
}

void
coroutine_suspend (Coroutine *co)
{
  g_return_if_fail (current == co);

  if (co->went_deep)
    release_unused_stack (co);

  leave_coroutine (co);
  SWITCH_START (&co->fake_stack, co->resumer_bottom, co->resumer_size);
  context_switch (&co->context, &co->resumer);
  SWITCH_FINISH (co->fake_stack, &co->resumer_bottom, &co->resumer_size);
}

/* ---- calls moved to a big stack ----------------------------------------- */

typedef struct {
  CoroutineCall call;
  gpointer      data;
  Context       caller;
#ifdef COROUTINE_UNDER_ASAN
  const void   *caller_bottom;
  gsize         caller_size;
#endif
} BigCall;

static void
big_call_trampoline (gpointer data)
{
  BigCall *bc = data;

  SWITCH_FINISH (NULL, &bc->caller_bottom, &bc->caller_size);
  bc->call (bc->data);
  SWITCH_START (NULL, bc->caller_bottom, bc->caller_size);
  context_jump (&bc->caller);
}

/* One big stack kept for the next deep call: a loop in a generator may
 * make many. */
static _Thread_local guint8 *spare_big_stack;

gboolean
coroutine_call_on_big_stack (CoroutineCall call, gpointer data, GError **error)
{
  guint8 *stack = spare_big_stack ? spare_big_stack : stack_alloc (BIG_STACK_SIZE);
  spare_big_stack = NULL;
  if (stack == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "cannot map a stack: %s", g_strerror (errno));
      return FALSE;
    }
  BigCall bc = { .call = call, .data = data };

  /* A generator may pause inside the call and be resumed from elsewhere:
   * the call goes on, and returns here, when it comes back. */
  const guint8 *floor = coroutine_stack_floor;
  const void *on = running_on;
  gsize on_size = running_on_size;
  if (current != NULL && floor == current->stack + SMALL_STACK_MARGIN)
    current->went_deep = TRUE;
  coroutine_stack_floor = NULL;
  running_on = stack;
  running_on_size = BIG_STACK_SIZE;
#ifdef COROUTINE_UNDER_ASAN
  void *fake_stack = NULL;
#endif
  SWITCH_START (&fake_stack, stack, BIG_STACK_SIZE);
  context_start (&bc.caller, stack, BIG_STACK_SIZE, big_call_trampoline, &bc);
  SWITCH_FINISH (fake_stack, NULL, NULL);
  coroutine_stack_floor = floor;
  running_on = on;
  running_on_size = on_size;

  if (spare_big_stack == NULL)
    spare_big_stack = stack;
  else
    stack_free (stack, BIG_STACK_SIZE);
  return TRUE;
}

gboolean
coroutine_started (Coroutine *co)
{
  return co->started;
}

void
coroutine_free (Coroutine *co)
{
  if (co == NULL)
    return;
  g_return_if_fail (!co->started || co->finished);
  stack_free (co->stack, co->stack_size);
  g_free (co);
}
