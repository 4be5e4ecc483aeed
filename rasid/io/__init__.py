"""Readers: turn files, directories and stdin into Documents, one module per format.

`iter_inputs` expands the paths a user gives; `read_path` reads one of them with the reader
its extension (or, failing that, its content) calls for. Bad input never raises: it comes
back as an InputError to report, next to the Documents that could be read.
"""

from rasid.io.dispatch import DEFAULT_MAX_BYTES, iter_inputs, read_path

__all__ = ["DEFAULT_MAX_BYTES", "iter_inputs", "read_path"]
