"""Bytes to text for Arabic news files, which come as UTF-8, UTF-16 or legacy Windows-1256.

The decoded text is kept exactly as it was written (newlines included); only a byte-order
mark is dropped, since it is an encoding artefact and not part of the article.
"""

from __future__ import annotations

import codecs
import re

from rasid.errors import InputError

# Legacy Arabic code pages a page may declare; anything else that is not UTF-8 is guessed.
_ARABIC_CODECS = frozenset({"cp1256", "iso8859-6"})
# A declaration sits in the head of the document; looking further only invites false hits.
_DECLARATION_WINDOW = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Share of Arabic letters among the non-ASCII characters for a Windows-1256 guess to count.
# Arabic prose decoded right scores near 1; random high bytes score under 0.5 (60 of the
# 128 upper code points are Arabic), and Latin-1 text such as French scores near 0.
_MIN_ARABIC_SHARE = 0.7


def decode(data: bytes, where: str) -> str:
    """Decode a whole file; raise InputError naming `where` when it is binary or undecodable.

    Order: a UTF-16 or UTF-8 byte-order mark decides; then strict UTF-8; then a legacy Arabic
    charset the document declares (HTML meta charset, XML encoding); then Windows-1256 when
    the result reads as Arabic. UTF-8 goes before the declaration because pages re-saved
    as UTF-8 often keep their old declaration, while Arabic in Windows-1256 or ISO-8859-6
    is never valid UTF-8.
    """
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            # UTF-16 is full of NUL bytes by design, so the binary check runs on the text.
            text = _strict(data[len(bom):], codec, where)
            if "\x00" in text:
                raise _binary(where)
            return text
    if b"\x00" in data:
        raise _binary(where)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_codec(data)
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # mislabelled: guess as if nothing were declared
    text = data.decode("cp1256")  # every byte maps to a character, so this cannot fail
    if _reads_as_arabic(text):
        return text
    raise _undecodable(where)


def _strict(data: bytes, codec: str, where: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise _undecodable(where) from None


def _declared_codec(data: bytes) -> str | None:
    """The legacy Arabic codec the document declares for itself, if any."""
    match = _DECLARED_CHARSET.search(data[:_DECLARATION_WINDOW])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return codec if codec in _ARABIC_CODECS else None


def _reads_as_arabic(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 0x7F]
    arabic = sum(1 for c in non_ascii if "\u0600" <= c <= "\u06ff")
    return arabic > 0 and arabic >= _MIN_ARABIC_SHARE * len(non_ascii)


def _binary(where: str) -> InputError:
    return InputError(where, "binary content (NUL bytes), not text")


def _undecodable(where: str) -> InputError:
    return InputError(where, "cannot decode: not UTF-8, UTF-16 or Windows-1256")
