"""rasid: Arabic news in, conflict data out."""

from rasid.document import Document, from_json, to_json
from rasid.pipeline import analyze, analyze_document

__all__ = ["Document", "analyze", "analyze_document", "from_json", "to_json"]
__version__ = "0.1.0"
