"""rasid: Arabic news in, conflict data out."""

import os

# rasid scales out by processes (one document at a time per core); a BLAS thread pool per process
# only fights the others for the cores and slowed the tagger fourfold on a busy machine.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from rasid.document import Document, from_json, to_json  # noqa: E402
from rasid.pipeline import analyze, analyze_document  # noqa: E402

__all__ = ["Document", "analyze", "analyze_document", "from_json", "to_json"]
__version__ = "0.1.0"
