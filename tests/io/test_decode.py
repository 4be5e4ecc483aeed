"""Encodings Arabic news files come in, and the inputs that are not text at all."""

import codecs

import pytest

from rasid.errors import InputError
from rasid.io.decode import decode
from tests.io.samples import ARTICLE, PARA1, TITLE

CRLF_ARTICLE = ARTICLE.replace("\n", "\r\n")


def test_utf8_is_kept_exactly() -> None:
    assert decode(CRLF_ARTICLE.encode("utf-8"), "a.txt") == CRLF_ARTICLE


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "a.txt") == ARTICLE


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    # Full of NUL bytes, and still text.
    data = bom + CRLF_ARTICLE.encode(codec)
    assert b"\x00" in data
    assert decode(data, "a.txt") == CRLF_ARTICLE


def test_windows_1256_is_recognised_as_arabic() -> None:
    assert decode(CRLF_ARTICLE.encode("cp1256"), "a.txt") == CRLF_ARTICLE


@pytest.mark.parametrize("declaration", [
    '<meta charset="iso-8859-6">',
    '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">',
])
def test_declared_iso_8859_6_is_honoured(declaration: str) -> None:
    page = f"<html><head>{declaration}</head><body><p>{PARA1}</p></body></html>"
    assert decode(page.encode("iso8859_6"), "a.html") == page


def test_declared_windows_1256_in_an_xml_declaration() -> None:
    feed = f'<?xml version="1.0" encoding="windows-1256"?><rss><title>{TITLE}</title></rss>'
    assert decode(feed.encode("cp1256"), "a.xml") == feed


def test_utf8_wins_over_a_stale_declaration() -> None:
    page = f'<meta charset="windows-1256"><p>{PARA1}</p>'
    assert decode(page.encode("utf-8"), "a.html") == page


def test_latin1_text_is_undecodable() -> None:
    with pytest.raises(InputError) as caught:
        decode("Le café est très chaud à Genève".encode("latin-1"), "fr.txt")
    assert caught.value.where == "fr.txt"
    assert caught.value.problem == "cannot decode: not UTF-8, UTF-16 or Windows-1256"


def test_truncated_utf16_is_undecodable() -> None:
    with pytest.raises(InputError, match="cannot decode"):
        decode(codecs.BOM_UTF16_LE + TITLE.encode("utf-16-le")[:-1], "a.txt")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    codecs.BOM_UTF16_LE + "نص\x00ثنائي".encode("utf-16-le"),
])
def test_nul_bytes_mean_binary(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "image.txt")
    assert str(caught.value) == "image.txt: binary content (NUL bytes), not text"
