/* The prose of the built-in lessons, for xgettext (po/POTFILES.in); never
 * compiled.  Written by tests/view/lesson-strings from the lessons:
 *   build/tests/view/lesson-strings --write data/lessons/lesson-strings.c data/lessons/0*.py
 */

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Names are references");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A name is a label on an object, and every object counts the references to it.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("You have written a little Python: names, lists, functions.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("In Python, `b = a` does not copy anything. A name is a **reference**: a\n"
   "label tied to an object that lives on its own. After the second line,\n"
   "`a` and `b` are two labels on one list, so a change made through `b` shows\n"
   "through `a`.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`is` asks whether two references reach the same object. What does\n"
   "`a is b` print?");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Every object keeps a **reference count**: how many references reach it.\n"
   "CPython frees the object the moment that count drops to zero.\n"
   "`sys.getrefcount(obj)` reports the count, and it always says one more\n"
   "than you might expect: while the call runs, its own argument is a\n"
   "reference too.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The list has two names, `a` and `b`. What does `sys.getrefcount(a)` print?");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A brand-new list with a single name shows the extra reference plainly:\n"
   "one for `c`, one for the argument.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Names are not the only references. A container holds references to its\n"
   "items, exactly as a name does: putting the list into `box` raises its\n"
   "count by one.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("What does `sys.getrefcount(a)` print now?");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A function's parameters are names as well. While `count_inside` runs,\n"
   "its parameter `x` is one more reference, and the call inside it adds its\n"
   "own argument.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Rebinding a name moves the label; the object stays where it is and loses\n"
   "one reference. `b` now labels `None`, and the list is down by one.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Give the list a new name, `d`, without building a new list: `d` must be\n"
   "the very object `a` labels.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`d` does not reach the same list as `a` yet.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Assignment binds a name to an object that already exists.");

/* Translators: lesson 01-names-are-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** a name, a list slot or a parameter is a reference to an\n"
   "object. Assignment adds a reference, rebinding moves one, and\n"
   "`sys.getrefcount` counts them all, plus its own argument.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("When the count reaches zero");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("CPython frees an object the moment its last reference goes, and the frees cascade.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Lesson 1: names are references.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("To watch objects die, give a class a `__del__` method. CPython calls it\n"
   "just before it frees an instance. This one writes the node's name into the\n"
   "list `freed`, so the script can print what has gone and when.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`a` is the only reference to its node. What does `freed` hold right\n"
   "after `del a`?");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("There was no waiting and no collector run: the reference count reached\n"
   "zero inside `del`, and CPython freed the object on the spot. Most\n"
   "objects in a Python program die this way.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("But `del` removes a **name**, not an object. When another reference still\n"
   "reaches the object, nothing is freed.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`x` and `y` label one node. What does this cell print?");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Freeing an object drops the references it held, and that can bring other\n"
   "counts to zero: the frees **cascade**. Here three nodes form a chain,\n"
   "and only `head` reaches it.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("In which order are the three nodes freed by `del head`?");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`head` goes first: its `__del__` runs, then CPython clears its\n"
   "attributes, which drops the last reference to `middle`, and so on down\n"
   "the chain. One `del` freed three objects.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Rebinding a name drops a reference in the same way as `del`, and so does\n"
   "returning from a function, whose local names go with its frame.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The node `keep` labels has a second name, `alias`. Free it with `del`\n"
   "alone, so that `\"kept\"` appears in `freed`.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The node \"kept\" is still alive: some name still reaches it.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`del` can remove several names at once: `del p, q`.");

/* Translators: lesson 02-when-the-count-reaches-zero.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** an object dies when its reference count reaches zero, right\n"
   "then, and its death drops the references it held. `del`, rebinding and\n"
   "returning from a function all remove references; none of them destroys\n"
   "an object that something else still reaches.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Circular references");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Objects that reach each other keep their counts above zero, and del alone never frees them.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Lessons 1 and 2: reference counts, and frees on reaching zero.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Reference counting has a blind spot. To see it without interference, we\n"
   "first switch off CPython's automatic cycle collection with\n"
   "`gc.disable()`; lesson 8 shows when it runs on its own.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Two nodes that refer to each other form a **cycle**.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Node `a` is reached by the name `a` and by `b.partner`. What does\n"
   "`sys.getrefcount(a)` print?");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Now delete both names. What does `freed` hold afterwards?");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Nothing was freed. Each node still holds a reference to the other, so\n"
   "neither count reaches zero. No name in the program reaches them any more:\n"
   "they are **garbage**, but reference counting cannot tell. This is a leak.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`gc.get_objects()` lists the objects the collector tracks, and the two\n"
   "nodes are still among them.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A leak like this grows each time the code that makes it runs. A loop\n"
   "that builds a hundred pairs and drops them leaves a hundred pairs behind.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The cycle collector exists for exactly this case. `gc.collect()` returns\n"
   "how many unreachable objects it found. What does it return here?");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("It found all 202 nodes, ran their `__del__` methods and freed them. A\n"
   "cycle needs no second object either: a list that contains itself is a\n"
   "cycle of one.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The nodes `x` and `y` refer to each other. Free both without calling\n"
   "`gc.collect()`: break the cycle first, then remove the names.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("x and y are not both freed yet: a reference still keeps one alive.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Set one partner attribute to `None` before `del`.");

/* Translators: lesson 03-circular-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** objects in a cycle keep each other's counts above zero, so\n"
   "`del` of every name leaves them alive. Either break the cycle yourself,\n"
   "or let the cycle collector find it. The next lesson shows how it does.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("How the cycle detector finds garbage");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Phase by phase through one collection: gc_refs, subtract_refs and the move to unreachable.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Lesson 3: circular references.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("This is the example CPython's developer guide uses to explain its cycle\n"
   "collector. A first `gc.collect()` clears whatever start-up left behind\n"
   "and moves every surviving object to the oldest generation, so that the\n"
   "links made next are alone in the youngest one, generation 0.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Three links form a ring, and the name `A` still reaches it. A fourth\n"
   "link refers only to itself, and no name reaches it. Both structures are\n"
   "cycles; only the second is garbage.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`gc.collect(0)` collects generation 0 only. The collector cannot know\n"
   "which references come from outside a group of objects, because C code\n"
   "holds references it never declares. So it counts the ones from inside\n"
   "instead. First, **update_refs** copies each object's reference count\n"
   "into a scratch field, `gc_refs`, shown on each card.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("How many objects will this collection find unreachable?");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**subtract_refs** visits every object of the generation and, for each\n"
   "reference it holds to another object of the generation, takes one off\n"
   "that object's `gc_refs`. What is left counts references from outside:\n"
   "`link_1` keeps the one from `A`, which lives in the module's namespace,\n"
   "an older object. The other links have nothing left.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("An object with `gc_refs` above zero is certainly reachable.\n"
   "**move_unreachable** starts from those and follows their references:\n"
   "from `link_1` it reaches `link_2`, then `link_3`, and keeps them. What it\n"
   "never reaches, `link_4`, ends in the *unreachable* list.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`Link` has no `__del__` and no weak reference points at `link_4`, so the\n"
   "phases between have nothing to do. **delete_garbage** clears the\n"
   "references of each unreachable object. That drops `link_4`'s count to\n"
   "zero, and ordinary reference counting frees it.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("How many links are still alive after that collection?");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The survivors moved up to generation 1: they proved they live for a\n"
   "while, so young collections stop looking at them (lesson 8).");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Make the ring of three links garbage, so that after a full collection\n"
   "no link is left alive.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Links are still alive after a collection: a name still reaches the ring.");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Which name still reaches `link_1`?");

/* Translators: lesson 04-how-the-cycle-detector-works.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** the collector subtracts the references found inside a\n"
   "generation from each object's count. Whatever keeps a positive count is\n"
   "reached from outside; whatever those reach survives; the rest is garbage\n"
   "and is cleared. No list of roots is ever needed.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Weak references");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A reference that does not keep its object alive: weakref.ref, callbacks and a cache that empties itself.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Lessons 1 and 2: reference counts, and frees on reaching zero.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Sometimes you want to reach an object without keeping it alive: a cache,\n"
   "a registry of listeners, a back-pointer from child to parent. A **weak\n"
   "reference** does that. Call it to get the object back, while it lives.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The image has one name and one weak reference. What does\n"
   "`sys.getrefcount(img)` print?");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The weak reference did not count. Delete the name: what does calling\n"
   "`r()` return then?");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The image was freed the moment its count reached zero, and CPython\n"
   "cleared every weak reference to it. A weak reference can also carry a\n"
   "**callback**, which CPython calls with the dead weak reference as the\n"
   "object goes.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A `WeakValueDictionary` holds its values through weak references, and an\n"
   "entry disappears when its value dies. That makes a cache that never keeps\n"
   "an image alive on its own: `load` returns the cached image while someone\n"
   "still uses it, and loads it again otherwise.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Both users of the image let go of it. How many entries does the cache\n"
   "hold now?");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Make sure `\"bird.png\"` stays in the cache, without changing how the cache\n"
   "holds its values.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The cache has no \"bird.png\": nothing holds the image strongly, so its entry went.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("An entry lives as long as a strong reference to its value does.");

/* Translators: lesson 05-weak-references.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** a weak reference reaches an object without counting, so it\n"
   "never keeps it alive. When the object dies, its weak references return\n"
   "`None`, their callbacks run, and weak containers drop its entries.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Finalizers and resources");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Release files and connections with with; know what __del__, weakref.finalize and resurrection do.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Lessons 2, 3 and 5: frees, cycles and weak references.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Memory is not the only thing a program must give back: files, sockets\n"
   "and locks must be released too, and promptly. The reliable tool is\n"
   "`with`: the context manager's `__exit__` runs when the block ends, the\n"
   "normal way or through an exception. This `Resource` writes what happens\n"
   "into `log`.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Now the block raises. In what order do the three entries arrive?");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`__del__` is a **finalizer**: CPython calls it just before an object is\n"
   "freed. For an object whose count reaches zero, that is immediate. For\n"
   "objects in a cycle, it is whenever the cycle collector gets to them: its\n"
   "*finalize_garbage* phase calls every `__del__` in the garbage before\n"
   "anything is cleared.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Inside `__del__` the object is still whole, and the method may even store\n"
   "`self` somewhere that lives on. The object is then **resurrected**:\n"
   "CPython looks at the count again when `__del__` returns, sees a new\n"
   "reference and frees nothing. (In a collection, the *check_garbage* step\n"
   "does the same for a whole cycle.)");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`saved.clear()` drops the last reference again. What does the cell print?");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("CPython runs an object's `__del__` **once** at most (PEP 442), so the\n"
   "second death was silent. Resurrection is legal but confusing; code that\n"
   "needs a clean-up action is better served by `weakref.finalize`. It calls\n"
   "a function when the object dies, or at exit at the latest, at most once,\n"
   "and it needs no method on the object. Pass it what to release, never the\n"
   "object itself, or the finalizer would keep it alive.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`holder` owns the temporary file `tmp-1`. Arrange for `tmp-1` to be\n"
   "released when `holder` dies, then let it die.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The Holder object is still alive: a name still reaches it.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Nothing has released tmp-1 yet: register a finalizer before the object goes.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`weakref.finalize(obj, function, argument)`, then `del` the name.");

/* Translators: lesson 06-finalizers-and-resources.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** release resources with `with`, at a point you choose. Use\n"
   "`weakref.finalize` for clean-up tied to an object's death. `__del__`\n"
   "runs once, when the count reaches zero or when the collector finds the\n"
   "object's cycle; it can resurrect the object, but should not.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Generators versus lists");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A list holds every item at once; a generator makes one at a time, and its paused frame keeps its locals alive.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Lesson 2, and generators with yield.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`Record` counts its live instances, and remembers the highest count it\n"
   "ever saw: its **peak**. A list comprehension builds every record before\n"
   "the loop looks at the first one, so all of them are alive together.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A generator function makes its items on demand: each `next()` runs its\n"
   "body up to the following `yield`, then **suspends** it, keeping the frame\n"
   "(its local names and where it stopped) for the next call.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The same sum, with records made by a generator. What peak does `Record`\n"
   "reach this time?");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Two, not one: the loop's name `r` still holds the previous record while\n"
   "the generator makes the next. The memory a generator needs does not grow\n"
   "with the number of items.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The paused frame has a cost of its own, though: everything its local\n"
   "names reach stays alive while the generator is suspended, even objects\n"
   "the rest of the body will never use again.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`header` is a local of the suspended frame. How many records are alive?");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Closing the generator, or dropping its last reference, ends the frame,\n"
   "and its locals go with it. Running it to the end does the same.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The generator `pending` is suspended and keeps a record alive. Free that\n"
   "record without running the generator to its end.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A record is still alive: the suspended frame still holds its local `header`.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A generator has a method that ends it where it stands; dropping the name works too.");

/* Translators: lesson 07-generators-versus-lists.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** prefer generators for long sequences you read once: they\n"
   "hold one item at a time. But a suspended generator keeps its whole frame\n"
   "alive, so close it, or let it go, once you are done with it.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Generations and automatic collection");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("When the cycle collector runs by itself, why survivors are looked at less often, and what gc.freeze does.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Lessons 3 and 4: cycles and the cycle detector.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Nobody calls `gc.collect()` in most programs, yet cycles get freed. The\n"
   "collector runs by itself, driven by counts. Objects it tracks live in\n"
   "three **generations**; new ones start in generation 0. When the number\n"
   "of allocations minus deallocations since the last collection exceeds the\n"
   "first **threshold**, generation 0 is collected. The other two thresholds\n"
   "count collections of the generation below.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("To watch it happen, this cell lowers the first threshold to 10 and puts\n"
   "a function in `gc.callbacks`, which CPython calls as each collection\n"
   "starts and stops. The loop then allocates sixty nodes.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The loop set off several collections by itself. Which generation did\n"
   "each of them collect, in order?");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Each collection started when the count went past 10. Once generation 0\n"
   "had been collected more than 3 times, the next collection took\n"
   "generation 1, and generation 0 with it: collecting a generation always\n"
   "includes the younger ones.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("An object that survives a collection moves to the next generation; this\n"
   "is **promotion**. The idea is that most objects die young, so the old\n"
   "ones need to be looked at less often. A young collection never looks\n"
   "at older objects, not even at an old cycle that has become garbage.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The cycle survived `collect(0)` because `a` reached it, and moved to\n"
   "generation 1. Now delete `a`. What does `gc.collect(0)` return?");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The garbage cycle sits in generation 1 until a collection of that\n"
   "generation, or an older one, comes along.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A server that forks worker processes shares its memory with them until\n"
   "a page is written to. A collection writes to every object it examines,\n"
   "so `gc.freeze()` moves all tracked objects to a **permanent generation**\n"
   "that collections skip. Frozen garbage stays, too.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The frozen cycle that `w` watches is garbage. Have it freed.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The cycle is still alive: frozen objects are never examined by a collection.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("`gc.unfreeze()` puts frozen objects back in the oldest generation.");

/* Translators: lesson 08-generations-and-automatic-collection.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** the collector runs when allocations outpace deallocations\n"
   "by a threshold, young generation first. Survivors are promoted and looked\n"
   "at less often. `gc.freeze()` takes everything out of its sight, until\n"
   "`gc.unfreeze()`.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Finding a leak");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Notice objects that should be gone, ask gc.get_referrers why they are alive, and see what a collection frees with DEBUG_SAVEALL.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Lessons 1 to 8.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A leak in Python is rarely lost memory: it is an object that something\n"
   "still reaches, often by accident. Here each `Window` registers its\n"
   "`on_click` method with a shared `button`. The loop makes three windows\n"
   "and keeps none of them.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("All three windows are still alive. Is this a cycle the collector will\n"
   "free? What does the cell print: the number `gc.collect()` found, then the\n"
   "windows alive?");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The collector frees only what nothing reaches, and something reaches\n"
   "these windows. To find out what, ask `gc.get_referrers(obj)`: it returns\n"
   "the tracked objects that refer to `obj`. Following referrers upwards, one\n"
   "level at a time, answers **why is this alive?**");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("A **bound method** like `self.on_click` holds its instance. What refers\n"
   "to that method?");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("One more level up, the list belongs to the button, and the global name\n"
   "`button` keeps the button alive. The chain is: name `button`, the\n"
   "`Button`, its `handlers` list, a bound method, the window.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The opposite question, *what does a collection free?*, has a tool too.\n"
   "With `gc.DEBUG_SAVEALL` set, the collector puts what it would free into\n"
   "the list `gc.garbage` instead, where you can look at it. A class that\n"
   "stores one of its own bound methods on itself makes a cycle each time\n"
   "it is used.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Fix the window leak: make the three windows collectable, and keep the\n"
   "button.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Windows are still alive after a collection: follow the referrers from a window upwards.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("Keep the button: other code still uses it.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("The button's `handlers` list is where the chain can be cut.");

/* Translators: lesson 09-finding-a-leak.py, Markdown: keep `code`, **strong** and *emphasis* marks as they are. */
N_("**In short:** when objects outlive their use, count them, then walk\n"
   "`gc.get_referrers` upwards until you reach a name you recognise. Cut the\n"
   "chain there, or hold that link through a weak reference. `DEBUG_SAVEALL`\n"
   "shows what the collector finds, cycle by cycle.");
