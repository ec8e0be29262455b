# Every builtin exception class of CPython 3.11 (but the exception
# groups), under its base; OSError(errno, strerror) picks the subclass
# for the errno; IOError and EnvironmentError are OSError.
names = [
    "BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception",
    "StopIteration", "StopAsyncIteration", "ArithmeticError", "FloatingPointError",
    "OverflowError", "ZeroDivisionError", "AssertionError", "AttributeError", "BufferError",
    "EOFError", "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError",
    "MemoryError", "NameError", "UnboundLocalError", "OSError", "BlockingIOError",
    "ChildProcessError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
    "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
    "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
    "ProcessLookupError", "TimeoutError", "ReferenceError", "RuntimeError",
    "NotImplementedError", "RecursionError", "SyntaxError", "IndentationError", "TabError",
    "SystemError", "TypeError", "ValueError", "UnicodeError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeTranslateError", "Warning", "BytesWarning",
    "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
    "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning",
    "UnicodeWarning", "UserWarning",
]
classes = [BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception,
           StopIteration, StopAsyncIteration, ArithmeticError, FloatingPointError,
           OverflowError, ZeroDivisionError, AssertionError, AttributeError, BufferError,
           EOFError, ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError,
           MemoryError, NameError, UnboundLocalError, OSError, BlockingIOError,
           ChildProcessError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
           ConnectionRefusedError, ConnectionResetError, FileExistsError, FileNotFoundError,
           InterruptedError, IsADirectoryError, NotADirectoryError, PermissionError,
           ProcessLookupError, TimeoutError, ReferenceError, RuntimeError,
           NotImplementedError, RecursionError, SyntaxError, IndentationError, TabError,
           SystemError, TypeError, ValueError, UnicodeError, UnicodeDecodeError,
           UnicodeEncodeError, UnicodeTranslateError, Warning, BytesWarning,
           DeprecationWarning, EncodingWarning, FutureWarning, ImportWarning,
           PendingDeprecationWarning, ResourceWarning, RuntimeWarning, SyntaxWarning,
           UnicodeWarning, UserWarning]
for name, cls in zip(names, classes):
    print(name == cls.__name__, " > ".join(c.__name__ for c in cls.__mro__))
print(IOError is OSError, EnvironmentError is OSError)

for number in (1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 108, 110, 111, 114, 115, 99):
    e = OSError(number, "message")
    print(number, type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
print(repr(FileNotFoundError(13, "m")), str(OSError("plain")), OSError("plain").errno)
print(OSError(1, 2, 3, 4, 5, 6).errno, OSError(1, 2, 3, 4, 5, 6))
try:
    raise ConnectionResetError(104, "reset by peer")
except ConnectionError as e:
    print("caught", type(e).__name__, e)
try:
    raise EOFError
except Exception as e:
    print("caught", repr(e), isinstance(e, OSError))
try:
    raise TimeoutError("slow")
except OSError as e:
    print("caught", repr(e), e.errno)
