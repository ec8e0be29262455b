# pprint.PrettyPrinter is outside the subset (pprint, pformat, pp and saferepr are in it).
import pprint
printer = pprint.PrettyPrinter(width=20)
printer.pprint([1, 2, 3])
