# list.sort() makes the comparisons CPython's timsort makes, in its order:
# natural runs, binary insertion, powersort merges, and galloping forwards
# and backwards.  Each __lt__ call is folded into a checksum.
class Key:
    calls = 0
    checksum = 0
    stop_at = 0

    def __init__(self, value, tag):
        self.value = value
        self.tag = tag

    def __lt__(self, other):
        Key.calls += 1
        Key.checksum = (Key.checksum * 31 + self.tag * 7 + other.tag) % 1000003
        if Key.calls == Key.stop_at:
            raise ValueError("comparison " + str(Key.calls))
        return self.value < other.value


def pseudo_random(n, modulus):
    x = 12345
    values = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        values.append(x % modulus)
    return values


def blocks(n, width):
    values = []
    i = 0
    while len(values) < n:
        if i % 2:
            values.extend(range(i * 7 + width, i * 7, -1))
        else:
            values.extend(range(i * 5, i * 5 + width))
        i += 1
    return values[:n]


def nearly_sorted(n):
    values = list(range(n))
    for i in range(0, n - 40, 97):
        values[i], values[i + 40] = values[i + 40], values[i]
    return values


def check(name, values, reverse=False, key=None, stop_at=0):
    Key.calls = 0
    Key.checksum = 0
    Key.stop_at = stop_at
    items = [Key(v, i) for i, v in enumerate(values)]
    try:
        if key is None:
            items.sort(reverse=reverse)
        else:
            items.sort(key=key, reverse=reverse)
    except ValueError as error:
        print(name, "stopped:", error)
    order = [item.tag for item in items]
    print(name, len(values), Key.calls, Key.checksum, order[:6],
          sum(i * tag for i, tag in enumerate(order)) % 1000003)


check("tiny", [3, 1, 2])
check("insertion", pseudo_random(60, 1000))
check("random", pseudo_random(1500, 1000000))
check("duplicates", pseudo_random(700, 3))
check("blocks", blocks(1200, 150))
check("short blocks", blocks(900, 9))
check("nearly sorted", nearly_sorted(1000))
check("descending", list(range(500, 0, -1)))
check("reverse", pseudo_random(800, 50), reverse=True)
check("key", pseudo_random(600, 1000), key=lambda k: Key(-k.value, k.tag))
check("stopped in a merge", pseudo_random(1000, 1000), stop_at=5000)
check("stopped in a gallop", blocks(1200, 150), stop_at=1500)
