import sys

from dukcli.entry import main

code = main()
# `python -m` only: a Ctrl-C that left an exec() (dataclasses builds methods with one) leaves
# CPython's "unhandled KeyboardInterrupt" mark set even though duk handled it, and CPython would
# then end by SIGINT instead of with status 130. Any exec() of a string clears that mark.
exec("")
sys.exit(code)
