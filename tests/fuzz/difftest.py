#!/usr/bin/env python3
"""Differential tester: random small scripts in the Reclaim subset, run by
python3 and by `reclaim-cli run`, compared.

    difftest.py --cli PATH [--count N] [--seed S] [--jobs J]
                [--keep DIR] [--tap] [--python PY]

Each script is made from a seeded random generator (script i of seed S is
always the same text), so that a difference can be reproduced with
`--seed S --count i+1 --keep DIR`.  A script agrees when stdout, the exit
status and the last line of stderr are the same.  A script Reclaim refuses
(exit status 2) is counted apart: the generator is meant to stay inside the
subset, so any refusal is a bug of the generator or of the check.

The scripts use what memory lessons use: arithmetic, strings, lists,
dicts, sets, functions with closures and defaults (positional-only and
keyword-only parameters too), classes with __del__,
cycles and gc.collect(), weakref.ref with callbacks, try/except, loops,
comprehensions, generators, classes based on list and dict, and the
operator, functools, itertools, contextlib, collections and pprint modules.

--tap prints one TAP result (for `meson test`): ok when every script
agreed; otherwise the seeds of the differing scripts.  Standard library
only.
"""

import argparse
import concurrent.futures
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 10


class Gen:
    """Builds one script, statement by statement, keeping track of the
    names that hold what, so that most statements make sense."""

    def __init__(self, rng):
        self.r = rng
        self.lines = []
        self.ints = []
        self.bigs = []
        self.lists = []
        self.dicts = []
        self.objs = []
        self.funcs = []
        self.counter = 0
        self.indent = ""

    def fresh(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def emit(self, line):
        self.lines.append(self.indent + line)

    # ---- expressions ----------------------------------------------------

    def int_atom(self):
        if self.ints and self.r.random() < 0.6:
            return self.r.choice(self.ints)
        return str(self.r.randint(-20, 99))

    def int_expr(self, depth=0):
        if depth > 1 or self.r.random() < 0.3:
            return self.int_atom()
        op = self.r.choice(["+", "-", "*", "//", "%", "<<", "&", "|", "^"])
        left, right = self.int_expr(depth + 1), self.int_expr(depth + 1)
        if op == "<<":
            right = str(self.r.randint(0, 5))
        return f"({left} {op} {right})"

    def any_expr(self):
        kind = self.r.randint(0, 9)
        if kind < 3:
            return self.int_expr()
        if kind == 3 and self.lists:
            return f"len({self.r.choice(self.lists)})"
        if kind == 4:
            return self.r.choice(["'ab'", "'x y z'", "''", "'Reclaim'", "str(%s)" % self.int_atom()])
        if kind == 5:
            return f"{self.int_atom()} / {self.r.choice(['2', '4', '3', '0.5'])}"
        if kind == 6 and self.dicts:
            return f"sorted({self.r.choice(self.dicts)}.items())"
        if kind == 7:
            return self.r.choice(["None", "True", "False", "(1, 'a')", "[1, [2]]", "{'k': 1}"])
        if kind == 8 and self.lists:
            return f"{self.r.choice(self.lists)}[{self.r.randint(-3, 3)}]"
        return self.int_atom()

    def big_operand(self, with_floats=False):
        """An int past 64 bits, or a small one, or (with_floats) a float."""
        kind = self.r.randint(0, 5 if with_floats else 4)
        if kind < 2 and self.bigs:
            return self.r.choice(self.bigs)
        if kind == 2:
            return f"{self.r.choice(['2', '3', '-5', '10', '-123456789'])} ** {self.r.randint(15, 120)}"
        if kind == 3:
            return self.r.choice(["9223372036854775807", "-9223372036854775808", "2 ** 64", "0x1" + "0" * 20])
        if kind == 5:
            return self.r.choice(["1.5", "-2.0", "1e20", "2.0 ** 70"])
        return self.int_atom()

    # ---- statements -----------------------------------------------------

    def stmt_bigint(self):
        name = self.fresh("b")
        self.emit(f"{name} = {self.big_operand()} * {self.big_operand()} - {self.big_operand()}")
        self.bigs.append(name)
        a, b = name, self.big_operand(with_floats=True)
        nonzero = f"({self.big_operand()} or 7)"
        shift = self.r.randint(0, 90)
        self.emit(self.r.choice([
            f"print({a} + {b}, {a} - {b}, {a} * {b})",
            f"print({a} // {nonzero}, {a} % {nonzero}, divmod({a}, {nonzero}))",
            f"print({a} / {nonzero}, {a} == {b}, {a} < {b}, {a} >= {b})",
            f"print(hash({a}), hash(-{a}), {a} >> {shift}, {a} << {shift}, -{a}, ~{a}, abs({a}))",
            f"print({a} & {self.big_operand()}, {a} | {self.big_operand()}, {a} ^ -1)",
            f"print(pow({a}, {self.r.randint(0, 40)}, {nonzero}))",
            f"print(hex({a}), bin({a})[:20], f'{{{a}:,}}', f'{{{a}:>40x}}', str({a})[:30], int(str({a})) == {a})",
            f"print({{{a}: 1, {a} + 0: 2}}, sorted({{{a} % 997, -({a} % 10 ** 9), {self.int_atom()}}}), round({a}, -3))",
            f"print(float({a}) if {a}.bit_length() < 1000 else 'too big', {a}.bit_length(), {a} ** 2 // ({a} or 1))",
        ]))


    def stmt_int(self):
        name = self.fresh("n")
        self.emit(f"{name} = {self.int_expr()} % 1000")
        self.ints.append(name)

    def stmt_print(self):
        items = ", ".join(self.any_expr() for _ in range(self.r.randint(1, 3)))
        self.emit(f"print({items})")

    def stmt_list(self):
        name = self.fresh("xs")
        items = ", ".join(self.int_atom() for _ in range(self.r.randint(0, 5)))
        self.emit(f"{name} = [{items}]")
        self.lists.append(name)

    def stmt_list_op(self):
        if not self.lists:
            return self.stmt_list()
        xs = self.r.choice(self.lists)
        op = self.r.choice([
            f"{xs}.append({self.int_atom()})",
            f"{xs}.extend([{self.int_atom()}, {self.int_atom()}])",
            f"{xs}.sort()",
            f"{xs}.reverse()",
            f"print({xs}.pop() if {xs} else 'empty')",
            f"print({xs}[1:3], {xs}[::-1], {xs}.count({self.int_atom()}))",
            f"print(sum({xs}), min({xs}, default=None), max({xs} + [0]))",
            f"print([v * 2 for v in {xs} if v % 2 == 0])",
            f"print({xs}.index({self.int_atom()}))",
            f"del {xs}[0]",
            f"print(len({xs}), sys.getsizeof({xs}))",
        ])
        self.emit(op)

    def stmt_dict(self):
        name = self.fresh("d")
        items = ", ".join(f"'{k}': {self.int_atom()}" for k in self.r.sample("abcdef", self.r.randint(0, 4)))
        self.emit(f"{name} = {{{items}}}")
        self.dicts.append(name)

    def stmt_dict_op(self):
        if not self.dicts:
            return self.stmt_dict()
        d = self.r.choice(self.dicts)
        key = repr(self.r.choice("abcdefg"))
        op = self.r.choice([
            f"{d}[{key}] = {self.int_atom()}",
            f"print({d}.get({key}), {d}.get({key}, -1), {key} in {d})",
            f"print({d}[{key}])",
            f"print({d}.pop({key}, None))",
            f"print(list({d}), list({d}.values()), len({d}))",
            f"print({{k: v for k, v in {d}.items() if v > 0}})",
            f"{d}.setdefault({key}, []) if False else {d}.update({{{key}: {self.int_atom()}}})",
            f"print(len({d}), sys.getsizeof({d}))",
        ])
        self.emit(op)

    def stmt_str(self):
        s = self.r.choice(["'hello world'", "'a,b,,c'", "'  pad  '", "'MiXeD'"])
        op = self.r.choice([
            f"print({s}.upper(), {s}.split(','), {s}.strip())",
            f"print('-'.join({s}.split()), {s}.replace('l', 'L'), {s}.find('o'))",
            f"print(f'{{{self.int_atom()}:>5}}|{{{s}!r}}|{{{self.int_atom()} / 3:.2f}}')",
            f"print({s}[1:4], {s}[-1], len({s}), {s} * 2)",
            f"print('%s=%d' % ({s}, {self.int_atom()}))",
            f"print(sorted(set({s})))",
        ])
        self.emit(op)

    def stmt_class(self):
        name = self.fresh("C")
        self.emit(f"class {name}:")
        self.emit(f"    def __init__(self, tag):")
        self.emit(f"        self.tag = tag")
        self.emit(f"        self.other = None")
        self.emit(f"    def __repr__(self):")
        self.emit(f"        return '{name}(' + str(self.tag) + ')'")
        if self.r.random() < 0.7:
            self.emit(f"    def __del__(self):")
            self.emit(f"        print('del', self)")
        obj = self.fresh("o")
        self.emit(f"{obj} = {name}({self.int_atom()})")
        self.objs.append(obj)

    def stmt_obj_op(self):
        if not self.objs:
            return self.stmt_class()
        o = self.r.choice(self.objs)
        kind = self.r.randint(0, 6)
        if kind == 0 and len(self.objs) > 1:
            other = self.r.choice(self.objs)
            self.emit(f"{o}.other = {other}")
        elif kind == 1:
            self.emit(f"{o}.other = {o}")
        elif kind == 2:
            self.emit(f"del {o}")
            self.objs.remove(o)
        elif kind == 3:
            self.emit("print('collected', gc.collect())")
        elif kind == 4:
            w = self.fresh("w")
            self.emit(f"{w} = weakref.ref({o}, lambda r: print('callback', r() is None))")
            self.emit(f"print({w}() is {o})")
        elif kind == 5:
            self.emit(f"print(sys.getrefcount({o}))")
        else:
            if self.lists:
                self.emit(f"{self.r.choice(self.lists)}.append({o})")
            else:
                self.emit(f"print({o}, {o}.tag)")

    def stmt_func(self):
        name = self.fresh("f")
        self.emit(f"def {name}(a, b={self.int_atom()}, *rest, **kw):")
        self.emit(f"    total = a + b + len(rest) + len(kw)")
        if self.r.random() < 0.5:
            self.emit(f"    def inner(x):")
            self.emit(f"        return x * total")
            self.emit(f"    return inner({self.int_atom()})")
        else:
            self.emit(f"    return total")
        self.funcs.append(name)

    def stmt_call(self):
        if not self.funcs:
            return self.stmt_func()
        f = self.r.choice(self.funcs)
        args = self.r.choice(["1", "2, 3", "1, 2, 3, 4", "a=5", "1, k=2", ""])
        self.emit(f"print({f}({args}))")

    def stmt_try(self):
        self.emit("try:")
        self.indent += "    "
        self.r.choice([self.stmt_print, self.stmt_list_op, self.stmt_dict_op, self.stmt_call])()
        self.emit(self.r.choice(["print(1 // 0)", "print({}['missing'])", "print([][3])", "int('x')",
                                 "print('fine')", "raise ValueError('v')"]))
        self.indent = self.indent[:-4]
        self.emit("except (ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, AttributeError) as e:")
        self.emit("    print(type(e).__name__, e)")
        if self.r.random() < 0.3:
            self.emit("finally:")
            self.emit("    print('finally')")

    def stmt_loop(self):
        var = self.fresh("i")
        self.emit(f"for {var} in range({self.r.randint(0, 4)}):")
        self.indent += "    "
        self.ints.append(var)
        self.r.choice([self.stmt_print, self.stmt_int, self.stmt_list_op])()
        if self.r.random() < 0.3:
            self.emit(f"if {var} > 1:")
            self.emit("    break")
        self.indent = self.indent[:-4]
        self.ints.remove(var)

    def stmt_generator(self):
        name = self.fresh("g")
        self.emit(f"def {name}(n):")
        self.emit(f"    for k in range(n):")
        self.emit(f"        yield k * k")
        self.emit(f"print(list({name}({self.r.randint(0, 5)})), sum({name}(4)), next({name}(3)))")

    def stmt_modules(self):
        xs = self.r.choice(self.lists) if self.lists else "[1, 2, 3]"
        self.emit(self.r.choice([
            f"print(functools.reduce(operator.add, {xs}, 0))",
            f"print(sorted([(v % 3, v) for v in {xs}], key=operator.itemgetter(0)))",
            f"print(list(map(functools.partial(operator.mul, 3), {xs})))",
            f"print(operator.getitem({xs}, 0) if {xs} else None, operator.contains({xs}, 1))",
            f"print(operator.methodcaller('count', 1)({xs}), operator.neg({self.int_atom()}))",
            f"print(functools.reduce(lambda a, b: a * b % 1000, {xs}, 1))",
            f"print(operator.attrgetter('real')({self.int_atom()}), operator.lt(1, {self.int_atom()}))",
            f"print(list(itertools.islice(itertools.cycle({xs} or [0]), {self.r.randint(0, 7)})))",
            f"print(list(itertools.accumulate({xs})), list(itertools.chain({xs}, 'ab')))",
            f"print(list(itertools.zip_longest({xs}, 'abc', fillvalue=0)))",
            f"print(list(itertools.combinations({xs}[:4], 2)), len(list(itertools.permutations({xs}[:4]))))",
            f"print(list(itertools.product('ab', repeat={self.r.randint(0, 2)})), "
            f"list(itertools.islice(itertools.count({self.int_atom()}, 3), 4)))",
            f"print(list(itertools.repeat({xs}, 2)), list(itertools.islice({xs}, 1, None, 2)))",
            f"print([(k, list(g)) for k, g in itertools.groupby(sorted({xs}), key=lambda v: v % 3)])",
            f"print([list(t) for t in itertools.tee({xs}, {self.r.randint(0, 3)})])",
            f"pprint.pprint({{'xs': {xs}, 'n': {self.int_atom()}, 'd': dict(a={xs})}}, width={self.r.randint(5, 40)})",
            f"print(pprint.pformat([{xs}] * {self.r.randint(1, 4)}, width={self.r.randint(8, 30)}, "
            f"compact={self.r.choice([True, False])}))",
        ]))

    def stmt_collections(self):
        xs = self.r.choice(self.lists) if self.lists else "[1, 2, 3]"
        d = self.fresh("dq")
        self.emit(f"{d} = collections.deque({xs}, maxlen={self.r.choice(['None', '0', '2', '5'])})")
        self.emit(self.r.choice([
            f"{d}.append({self.int_atom()}); {d}.appendleft({xs}); print({d}, len({d}), {d}.maxlen)",
            f"{d}.extend('abc'); {d}.rotate({self.int_atom()}); print({d}, list({d}), {d}.count(1))",
            f"{d}.extendleft({xs}); print({d}.pop() if {d} else None, {d}.popleft() if {d} else None, {d})",
            f"print({d} == collections.deque({xs}), 2 in {d}, {d}[0] if {d} else 'empty', bool({d}))",
            f"{d}.insert({self.int_atom()}, 'i') if len({d}) != {d}.maxlen else None; "
            f"print({d}, list(reversed({d})))",
            f"print({d} + collections.deque({xs}), {d} * {self.r.randint(-1, 3)}, "
            f"{self.r.randint(0, 2)} * {d})",
            f"{d} += {xs}; {d} *= {self.r.randint(0, 3)}; print({d}, len({d}))",
            f"print({d} < collections.deque({xs}), {d} >= collections.deque({xs}), "
            f"sorted([{d}, collections.deque({xs}), collections.deque()]))",
        ]))
        g = self.fresh("dd")
        self.emit(f"{g} = collections.defaultdict({self.r.choice(['list', 'int', 'None', 'str'])})")
        self.emit(f"for k in {xs}:")
        self.emit(f"    if {g}.default_factory is not None:")
        self.emit(f"        {g}[k % 3 if isinstance(k, int) else 0]")
        self.emit(f"print({g}, isinstance({g}, dict), len({g}), sorted({g}.items()) == sorted(dict({g}).items()))")
        # each named tuple class keeps its own name: a class let go is
        # garbage whose gc.collect() count differs (docs/python-subset.md)
        nt = self.fresh("P")
        self.emit(self.r.choice([
            f"print(collections.Counter(str({xs})).most_common(3), collections.Counter({xs}))",
            f"c = collections.Counter({xs}); c.update('aab'); c.subtract([1]); print(c, c.total(), c[99])",
            f"o = collections.OrderedDict.copy(collections.OrderedDict(zip('abc', {xs}))); "
            f"o.move_to_end('a'); print(o, o.popitem(last=False) if o else None, o == dict(o))",
            f"{nt} = collections.namedtuple('P', 'a b'); p = {nt}({self.int_atom()}, b={xs}); "
            f"print(p, p.a, p[1], p == tuple(p), p._replace(a=0), p._asdict())",
            f"c = collections.Counter({xs}); e = collections.Counter(str({xs})); "
            f"print(c + e, c - e, e - c, c | e, c & e, +c, -c)",
            f"c = collections.Counter({xs}); c -= collections.Counter([1, 1]); c |= {{2: 3}}; "
            f"c &= collections.Counter({xs}); c += {{0: -1}}; print(c)",
            f"print(collections.OrderedDict.fromkeys({xs}, {self.int_atom()}))",
            f"P = collections.namedtuple('P', ['a', 'a', 'def'], rename=True, defaults=[{self.int_atom()}]); "
            f"print(P(1, 2), P._make([1, 2, 3]), P._field_defaults, P._1, P.a)",
        ]))

    def stmt_container_subclass(self):
        name = self.fresh("Bag")
        base = self.r.choice(["list", "dict"])
        self.emit(f"class {name}({base}):")
        self.emit(f"    def __init__(self, tag, *args):")
        self.emit(f"        super().__init__(*args)")
        self.emit(f"        self.tag = tag")
        if base == "dict":
            self.emit(f"    def __missing__(self, key):")
            self.emit(f"        return key * 2")
        var = self.fresh("bag")
        xs = self.r.choice(self.lists) if self.lists else "[1, 2]"
        if base == "list":
            self.emit(f"{var} = {name}('t', {xs})")
            self.emit(f"{var}.append({var})")
            self.emit(f"print(len({var}), {var}[0] if len({var}) > 1 else None, {var}.tag, isinstance({var}, list))")
        else:
            self.emit(f"{var} = {name}('t', {{1: {xs}}})")
            self.emit(f"{var}['me'] = {var}")
            self.emit(f"print(len({var}), {var}[{self.int_atom()}], {var}.get(5), sorted(vars({var})))")
        self.emit(f"del {var}")
        self.emit(f"print(gc.collect())")

    def stmt_misc(self):
        a, b = self.int_atom(), self.int_atom()
        xs = self.r.choice(self.lists) if self.lists else "[3, 1, 2]"
        self.emit(self.r.choice([
            f"print(divmod({a}, 7), abs({b}), round({a} / 7, 2), {a} / 8, 0.1 + 0.2)",
            f"print(list(enumerate({xs}))[:3], list(zip({xs}, 'abc')))",
            f"print(sorted({xs}, key=lambda v: (-v if isinstance(v, int) else 0)), {a} < {b} <= 50)",
            f"print({{v % 4 for v in range({self.r.randint(0, 9)})}} | {{1, 2}}, {{1, 2, 3}} & {{2, 3, 4}})",
            f"print(any(v > 50 for v in {xs} if isinstance(v, int)), all([]), {a} if {b} else 'no')",
            f"print(str({a}).zfill(5), hex(abs({a})), bin(abs({b})), int('12') + {a}, float({a}))",
            f"print(list(range({a} % 5)), tuple({xs})[:2])",
            f"print(repr('it\\'s'), 'a' * 3, 'abc'.startswith('ab'), 'x'.join(['1', '2']))",
            f"print(max({a}, {b}), min({a}, {b}, 0), pow(2, {self.r.randint(0, 40)}), {a} ** 2)",
            # not id([1]) == id([1]): python3 gives the second list the first one's freed address
            f"print(isinstance({a}, bool), type({xs}).__name__, callable(print), {xs} is not None)",
            f"print(f'{{{a} / 3:.3f}} {{{b}:+d}} {{\"s\":^7}}|')",
            f"print(list(reversed({xs})), {xs} == sorted({xs}), {xs} is {xs})",
        ]))

    def stmt_inherit(self):
        base, sub = self.fresh("B"), self.fresh("S")
        self.emit(f"class {base}:")
        self.emit(f"    def __init__(self, v):")
        self.emit(f"        self.v = v")
        self.emit(f"    def show(self):")
        self.emit(f"        return 'base ' + str(self.v)")
        self.emit(f"    def __eq__(self, other):")
        self.emit(f"        return isinstance(other, {base}) and self.v == other.v")
        self.emit(f"    __hash__ = None")
        self.emit(f"class {sub}({base}):")
        self.emit(f"    def show(self):")
        self.emit(f"        return 'sub ' + super().show()")
        self.emit(f"print({sub}({self.int_atom()}).show(), {base}(1) == {sub}(1), {base}(1) != {base}(2))")
        self.emit(f"try:")
        self.emit(f"    print(hash({base}(1)))")
        self.emit(f"except TypeError as e:")
        self.emit(f"    print('TypeError', e)")

    def stmt_closure(self):
        name = self.fresh("counter")
        self.emit(f"def {name}():")
        self.emit(f"    count = 0")
        self.emit(f"    def step(by=1):")
        self.emit(f"        nonlocal count")
        self.emit(f"        count += by")
        self.emit(f"        return count")
        self.emit(f"    return step")
        c = self.fresh("c")
        self.emit(f"{c} = {name}()")
        self.emit(f"print({c}(), {c}({self.int_atom()}), {c}.__name__)")

    def stmt_unpack(self):
        xs = self.r.choice(self.lists) if self.lists else "[1, 2, 3]"
        first, rest, last = self.fresh("u"), self.fresh("rest"), self.fresh("u")
        source = self.r.choice([xs, f"({xs})[::-1]", f"range({self.r.randint(0, 4)})", "'abc'",
                                f"[*{xs}, {self.int_atom()}]", f"(*{xs}, *'xy')"])
        target = self.r.choice([f"{first}, *{rest}", f"*{rest}, {last}", f"{first}, *{rest}, {last}",
                                f"[{first}, *{rest}]", f"({first}, *{rest}), {last}"])
        if target.startswith("("):
            source = f"({source}, 0)"
        self.emit("try:")
        self.emit(f"    {target} = {source}")
        self.emit(f"    print({rest}, type({rest}).__name__)")
        self.emit("except (ValueError, TypeError) as e:")
        self.emit("    print(type(e).__name__, e)")
        self.emit(f"for {first}, *{rest} in [({self.int_atom()},), 'ab', [{self.int_atom()}, {xs}]]:")
        self.emit(f"    print({first}, {rest})")

    def stmt_dict_unpack(self):
        parts = []
        for _ in range(self.r.randint(1, 4)):
            if self.dicts and self.r.random() < 0.5:
                parts.append(f"**{self.r.choice(self.dicts)}")
            elif self.r.random() < 0.2:
                parts.append(self.r.choice(["**{}", "**dict(a=1)", "**{'b': 7}"]))
            else:
                parts.append(f"{repr(self.r.choice('abcdefg'))}: {self.int_atom()}")
        name = self.fresh("d")
        self.emit(f"{name} = {{{', '.join(parts)}}}")
        self.emit(f"print({name}, len({name}), sorted({{*{name}, 'z'}}))")
        self.dicts.append(name)

    def stmt_while(self):
        var = self.fresh("k")
        self.emit(f"{var} = {self.r.randint(0, 6)}")
        self.emit(f"while {var} > 0:")
        self.emit(f"    {var} -= {self.r.randint(1, 3)}")
        self.emit(f"    if {var} == 2:")
        self.emit(f"        continue")
        self.emit(f"    print('tick', {var})")
        self.emit(f"else:")
        self.emit(f"    print('done', {var})")

    def stmt_contextmanager(self):
        name = self.fresh("cm")
        self.emit("@contextlib.contextmanager")
        self.emit(f"def {name}(tag):")
        self.emit("    print('enter', tag)")
        self.emit("    try:")
        self.emit("        yield [tag]")
        if self.r.random() < 0.5:
            self.emit("    except ValueError as e:")
            self.emit("        print('swallowed', e)")
        self.emit("    finally:")
        self.emit("        print('exit', tag)")
        if self.r.random() < 0.3:
            self.emit("    yield 'again'")
        body = ["print(held)", "raise ValueError('in the block')", "print(1 // 0)"]
        if self.objs:
            body.append(f"held.append({self.r.choice(self.objs)})")
        if self.r.random() < 0.4:
            # the manager as a decorator: a fresh one for each call
            self.emit(f"@{name}({self.int_atom()})")
            self.emit(f"def {name}_user(held):")
            self.emit(f"    {self.r.choice(body)}")
            self.emit(f"    return {name}_user.__name__")
            self.emit("for held in range(2):")
            self.emit("    try:")
            self.emit(f"        print({name}_user(held), {name}.__wrapped__.__name__)")
            self.emit("    except (ValueError, ZeroDivisionError, RuntimeError, AttributeError) as e:")
            self.emit("        print('escaped', type(e).__name__, e)")
            return
        self.emit("try:")
        self.emit(f"    with {name}({self.int_atom()}) as held:")
        self.emit(f"        {self.r.choice(body)}")
        self.emit("except (ValueError, ZeroDivisionError, RuntimeError) as e:")
        self.emit("    print('escaped', type(e).__name__, e)")
        self.emit("del held")

    def stmt_ordering(self):
        name = self.fresh("Ord")
        root = self.r.choice(["__lt__", "__le__", "__gt__", "__ge__"])
        op = {"__lt__": "<", "__le__": "<=", "__gt__": ">", "__ge__": ">="}[root]
        self.emit("@functools.total_ordering")
        self.emit(f"class {name}:")
        self.emit("    def __init__(self, v):")
        self.emit("        self.v = v")
        self.emit("    def __eq__(self, other):")
        self.emit("        return self.v == other.v")
        self.emit(f"    def {root}(self, other):")
        self.emit(f"        if not isinstance(other, {name}):")
        self.emit("            return NotImplemented")
        self.emit(f"        return self.v {op} other.v")
        self.emit("    def __repr__(self):")
        self.emit(f"        return '{name}(%r)' % (self.v,)")
        a, b = self.int_atom(), self.int_atom()
        self.emit(f"x, y = {name}({a}), {name}({b})")
        self.emit(f"print(x < y, x <= y, x > y, x >= y, x == y, sorted([y, x, {name}(0)]))")
        self.emit(self.r.choice([
            f"print(max(x, y), min([y, x]), {name}.__gt__.__qualname__)",
            f"print(sorted([{a}, {b}, 0], key=functools.cmp_to_key(lambda p, q: q - p)))",
            f"print(x.__lt__(1) is NotImplemented, x.__ge__(x))",
        ]))
        if self.r.random() < 0.3:
            f = self.fresh("dflt")
            self.emit(f"def {f}(a, b=1):")
            self.emit("    return [a, b]")
            self.emit(f"{f}.__defaults__ = ({self.int_atom()}, {self.int_atom()})")
            self.emit(f"print({f}(), {f}.__defaults__)")
        self.emit("del x, y")

    def param_signature(self):
        """A random parameter list with positional-only (before /) and
        keyword-only (after * or *args) parameters: its text and the names
        a call may pass by keyword."""
        n_posonly, n_regular = self.r.randint(0, 2), self.r.randint(0, 2)
        positional = [f"p{i}" for i in range(n_posonly)] + [f"r{i}" for i in range(n_regular)]
        first_default = self.r.randint(0, len(positional))
        parts = [f"{name}={self.int_atom()}" if i >= first_default else name for i, name in enumerate(positional)]
        if n_posonly:
            parts.insert(n_posonly, "/")
        kwonly = [f"k{i}" for i in range(self.r.randint(0, 3))]
        star = self.r.choice(["*", "*args"]) if kwonly else self.r.choice(["", "*args"])
        if star:
            parts.append(star)
        parts += [f"{name}={self.int_atom()}" if self.r.random() < 0.5 else name for name in kwonly]
        has_kwargs = self.r.random() < 0.3
        if has_kwargs:
            parts.append("**kw")
        names = positional + kwonly + (["args"] if star == "*args" else []) + (["kw"] if has_kwargs else [])
        return ", ".join(parts), names

    def param_call_args(self, names):
        """Positional and keyword arguments that may or may not fit."""
        args = [self.int_atom() for _ in range(self.r.randint(0, 4))]
        keywords = self.r.sample(names + ["zz"], self.r.randint(0, min(3, len(names) + 1)))
        args += [f"{k}={self.int_atom()}" for k in keywords]
        return ", ".join(args)

    def stmt_params(self):
        """A def, lambda, method or forwarding decorator with positional-only
        and keyword-only parameters, called with arguments that fit or not
        (python3's TypeError messages are compared)."""
        sig, names = self.param_signature()
        result = "(" + ", ".join(names) + ",)" if names else "()"
        kind = self.r.choice(["def", "lambda", "method", "static", "wrapped"])
        f = self.fresh("pf")
        if kind == "lambda":
            self.emit(f"{f} = lambda {sig}: {result}")
        elif kind in ("method", "static"):
            cls = self.fresh("PC")
            self.emit(f"class {cls}:")
            if kind == "static":
                self.emit("    @staticmethod")
                self.emit(f"    def m({sig}):")
            else:
                self.emit(f"    def m(self{', ' if sig else ''}{sig}):")
            self.emit(f"        return {result}")
            self.emit(f"{f} = {cls}().m")
        else:
            if kind == "wrapped":
                self.emit("def forward(func):")
                self.emit("    @functools.wraps(func)")
                self.emit("    def wrapper(*args, **kwargs):")
                self.emit("        return func(*args, **kwargs)")
                self.emit("    return wrapper")
                self.emit("@forward")
            self.emit(f"def {f}({sig}):")
            self.emit(f"    return {result}")
        target = f"{f}.__wrapped__" if kind == "wrapped" else f"{f}.__func__" if kind == "method" else f
        if kind != "static" and self.r.random() < 0.3:
            self.emit(f"print({target}.__defaults__, {target}.__kwdefaults__)")
        if kind != "static" and self.r.random() < 0.2 and any(n.startswith("k") for n in names):
            self.emit(f"{target}.__kwdefaults__ = {{'k0': {self.int_atom()}}}")
        for _ in range(self.r.randint(1, 3)):
            self.emit("try:")
            self.emit(f"    print({f}({self.param_call_args(names)}))")
            self.emit("except TypeError as e:")
            self.emit("    print('TypeError:', e)")

    def stmt_lru_cache(self):
        name = self.fresh("cached")
        self.emit(f"@functools.lru_cache{self.r.choice(['', '(maxsize=2)', '(maxsize=None)', '(maxsize=0)'])}")
        self.emit(f"def {name}(n):")
        self.emit("    print('computing', n)")
        if self.objs and self.r.random() < 0.6:
            self.emit(f"    return type({self.r.choice(self.objs)})(n)")
        else:
            self.emit("    return [n, n * 2]")
        for _ in range(self.r.randint(1, 6)):
            self.emit(f"print({name}({self.r.randint(0, 3)}))")
        self.emit(f"print({name}.cache_info())")
        # cleared here: a bounded cache left to the exit's collection frees
        # its results in another order (docs/python-subset.md)
        self.emit(f"{name}.cache_clear()")
        if self.r.random() < 0.5:
            self.emit(f"del {name}")

    def slice_expr(self):
        """a[x:y:z] bounds, None or ints, the step never 0"""
        part = lambda: self.r.choice(["", "None", str(self.r.randint(-6, 6))])
        step = self.r.choice(["", "None", str(self.r.choice([-3, -2, -1, 1, 2, 3]))])
        return f"{part()}:{part()}" + (f":{step}" if self.r.random() < 0.6 else "")

    def stmt_slice(self):
        """slices of lists (assigned and deleted, with objects that report their
        death), slice objects, and a class's own __getitem__ given them"""
        if not self.lists:
            return self.stmt_list()
        xs = self.r.choice(self.lists)
        cut = self.slice_expr()
        values = self.r.choice(["[]", f"[{self.int_atom()}]", f"[{self.int_atom()}, {self.int_atom()}, 7]",
                                f"({self.int_atom()},)", "'ab'", f"range({self.r.randint(0, 4)})", xs])
        op = self.r.choice([
            f"{xs}[{cut}] = {values}",
            f"del {xs}[{cut}]",
            f"print({xs}[{cut}], {xs}[slice({cut.replace(':', ', ').strip(', ') or 'None'})])",
            f"print(slice({cut.replace(':', ', ').strip(', ') or 'None'}).indices(len({xs})))",
            f"print('abcdefg'[{cut}], b'abcdefg'[{cut}], tuple({xs})[{cut}], range(9)[{cut}])",
        ])
        # an extended slice of a different size, or an empty step: python3's ValueError, printed
        self.emit("try:")
        self.emit(f"    {op}")
        self.emit("except ValueError as e:")
        self.emit("    print('ValueError', e)")
        if self.objs and self.r.random() < 0.3:
            self.emit(f"{xs}[{self.slice_expr().split(':')[0]}:] = [{self.r.choice(self.objs)}]")
        if self.r.random() < 0.3:
            name = self.fresh("Seq")
            self.emit(f"class {name}:")
            self.emit("    def __getitem__(self, key):")
            self.emit("        print('getitem', key)")
            self.emit(f"        return {xs}[key]")
            self.emit(f"print({name}()[{cut}], {name}()[{self.slice_expr()}, 1] if False else 0)")

    def stmt_bytes(self):
        """bytes methods shared with str, the ASCII ones, % and the codecs"""
        words = self.r.sample(["ab", "Hello", " x ", "a,b", "\\t", "ZZ", "99", "é"], 3)
        raw = "".join(words)
        b = f"{raw!r}.encode({self.r.choice(['', repr('utf-8'), repr('utf-16'), repr('utf-32-be'), repr('latin-1')])})"
        op = self.r.choice([
            f"print({b}.split(), {b}.split(b','), {b}.rsplit(None, 1), {b}.strip(), {b}.lstrip(b' a'))",
            f"print({b}.find(b'a'), {b}.rfind(97), {b}.count(b'Z'), {b}.replace(b'a', b'--'), {b}.partition(b','))",
            f"print({b}.upper(), {b}.lower(), {b}.title(), {b}.swapcase(), {b}.isalpha(), {b}.isdigit())",
            f"print({b}.center(20, b'*'), {b}.zfill(12), {b}.startswith(b'H'), {b}.endswith((b'Z', b'b')))",
            f"print(b'-'.join([{b}, b'x']), {b}.hex(), {b}.decode('latin-1'), {b}.splitlines())",
            f"print(b'%s|%5d|%-4x|%r' % ({b}, {self.int_atom()}, {abs(self.r.randint(0, 99))}, {b}))",
            f"print({raw!r}.encode('utf-16').decode('utf-16'), {b}.decode('utf-8', 'replace'))",
        ])
        self.emit(op)

    def script(self, n_statements):
        self.emit("import gc")
        self.emit("import sys")
        self.emit("import weakref")
        self.emit("import operator")
        self.emit("import functools")
        self.emit("import itertools")
        self.emit("import contextlib")
        self.emit("import collections")
        self.emit("import pprint")
        makers = [self.stmt_int, self.stmt_bigint, self.stmt_print, self.stmt_list, self.stmt_list_op, self.stmt_dict,
                  self.stmt_dict_op, self.stmt_str, self.stmt_class, self.stmt_obj_op, self.stmt_obj_op,
                  self.stmt_func, self.stmt_call, self.stmt_try, self.stmt_loop, self.stmt_generator,
                  self.stmt_modules, self.stmt_misc, self.stmt_misc, self.stmt_inherit, self.stmt_closure,
                  self.stmt_while, self.stmt_contextmanager, self.stmt_lru_cache, self.stmt_collections,
                  self.stmt_unpack, self.stmt_dict_unpack, self.stmt_container_subclass, self.stmt_ordering,
                  self.stmt_slice, self.stmt_bytes, self.stmt_params]
        for _ in range(n_statements):
            self.r.choice(makers)()
        if self.r.random() < 0.1:
            self.emit(self.r.choice(["raise RuntimeError('at the end')", "print(undefined_name)",
                                     "assert 1 == 2, 'no'", "sys.exit(3)"]))
        self.emit("print('end')")
        return "\n".join(self.lines) + "\n"


def make_script(seed, index):
    rng = random.Random(f"{seed}:{index}")
    return Gen(rng).script(rng.randint(3, 25))


def clean_env():
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "0"}


def run(argv, cwd):
    try:
        p = subprocess.run(argv, cwd=cwd, env=clean_env(), stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return (b"", "timeout", None)
    err = p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")[-1]
    return (p.stdout, err, p.returncode)


def check_one(args, index):
    text = make_script(args.seed, index)
    with tempfile.TemporaryDirectory(prefix="reclaim-difftest-") as tmp:
        path = Path(tmp) / "script.py"
        path.write_text(text)
        expected = run([args.python, "script.py"], tmp)
        got = run([args.cli, "run", "script.py"], tmp)
    if got[2] == 2 and expected[2] != 2:
        verdict = "refused"
    elif expected == got:
        verdict = "agree"
    else:
        verdict = "differ"
    return index, verdict, text, expected, got


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="write the scripts that do not agree into this directory")
    ap.add_argument("--tap", action="store_true")
    args = ap.parse_args()
    args.cli = os.path.abspath(args.cli)
    version = subprocess.run([args.python, "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
                             capture_output=True, text=True).stdout.strip()
    if version != "True":
        # the reference is CPython 3.11: another version prints other things
        print("1..0 # SKIP python3 is not 3.11" if args.tap else "difftest: python3 is not 3.11")
        return 0 if args.tap else 1

    counts = {"agree": 0, "differ": 0, "refused": 0}
    bad = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for index, verdict, text, expected, got in pool.map(lambda i: check_one(args, i), range(args.count)):
            counts[verdict] += 1
            if verdict != "agree":
                bad.append(index)
                if args.keep:
                    keep = Path(args.keep)
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"{args.seed}-{index}.py").write_text(text)
                    (keep / f"{args.seed}-{index}.txt").write_text(
                        f"python3: status {expected[2]}, {expected[1]!r}\n{expected[0].decode('utf-8', 'replace')}"
                        f"\nreclaim: status {got[2]}, {got[1]!r}\n{got[0].decode('utf-8', 'replace')}")
    total = args.count
    summary = (f"{counts['agree']} of {total} agree ({100.0 * counts['agree'] / max(total, 1):.1f}%), "
               f"{counts['differ']} differ, {counts['refused']} refused; seed {args.seed}")
    if args.tap:
        print("1..1")
        print(f"{'ok' if not bad else 'not ok'} 1 - {summary}")
        if bad:
            print("# scripts that do not agree (index):", " ".join(map(str, bad[:50])))
    else:
        print(summary)
        if bad:
            print("not agreeing:", " ".join(map(str, bad[:50])))
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
