"""The pipeline over a whole corpus: partitions on a local process pool or Dask, Parquet out.

`run_batch` plans the inputs into partitions, runs the ones not yet written, records each in a
manifest and then runs the corpus-wide reduce step; `read_document_rows` reads the output back
one document at a time, in the shape `rasid.store.rows.document_rows` gives.
"""

from rasid.batch.job import Summary, run_batch
from rasid.batch.parquet import read_document_rows, read_table

__all__ = ["Summary", "read_document_rows", "read_table", "run_batch"]
