"""The safety rules: the token, escaping of article text, and the headers every answer carries."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from rasid.cli.serve import serve_command
from rasid.web.app import create_app
from tests.web.conftest import SCRIPT, WebStore

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def guarded(web_store: WebStore) -> TestClient:
    return TestClient(create_app(web_store.path, token=TOKEN))


@pytest.mark.parametrize("url", ["/", "/api/documents", "/static/rasid.css", "/docs",
                                 "/openapi.json"])
def test_without_a_token_every_request_is_401(guarded: TestClient, url: str) -> None:
    response = guarded.get(url)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_wrong_token_is_403(guarded: TestClient) -> None:
    assert guarded.get("/api/documents", headers={"Authorization": "Bearer nope"}).status_code == 403
    assert guarded.get("/api/documents", params={"token": "nope"}).status_code == 403
    wrong = guarded.post("/api/analyze", data={"text": "نص"}, headers={"X-Rasid-Token": "x"})
    assert wrong.status_code == 403
    body = guarded.get("/api/documents", headers={"Authorization": "Bearer nope"}).json()
    assert body == {"error": "wrong token", "status": 403}


def test_the_token_by_header_or_url_then_cookie(web_store: WebStore) -> None:
    client = TestClient(create_app(web_store.path, token=TOKEN))
    assert client.get("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/api/documents", headers={"X-Rasid-Token": TOKEN}).status_code == 200
    first = client.get("/", params={"token": TOKEN})
    assert first.status_code == 200 and "HttpOnly" in first.headers["set-cookie"]
    assert client.get("/actors").status_code == 200          # the cookie carries it from here on


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200), ("evil.example", 403),
    ("evil.example:8000", 403), ("127.0.0.1.evil.example", 403), ("127.evil.example:80", 403)])
def test_without_a_token_only_localhost_is_answered(client: TestClient, host: str, status: int) -> None:
    assert client.get("/api/documents", headers={"host": host}).status_code == status


def test_with_a_token_any_host_name_is_answered(guarded: TestClient) -> None:
    response = guarded.get("/api/documents", headers={"host": "rasid.example", "X-Rasid-Token": TOKEN})
    assert response.status_code == 200


def test_a_token_with_unsafe_characters_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        create_app(tmp_path / "x.db", token="a b; c")


def test_serve_refuses_an_open_host_without_a_token(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve_command, ["--host", "0.0.0.0", "--db", str(tmp_path / "x.db")],
                                env={"RASID_TOKEN": ""})
    assert result.exit_code == 2 and "--token" in result.output


def test_serve_help_has_an_example() -> None:
    result = CliRunner().invoke(serve_command, ["--help"])
    assert result.exit_code == 0 and "rasid serve --ingest examples/" in result.output


class _Scripts(HTMLParser):
    """Counts <script> elements and collects their src attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.sources.append(dict(attrs).get("src"))


@pytest.mark.parametrize("page", ["/", "/documents/{mali}", "/search?q=مالي"])
def test_script_in_an_article_shows_as_text(client: TestClient, web_store: WebStore, page: str) -> None:
    html = client.get(page.format(mali=web_store.ids["نشرة الساحل"])).text
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html
    parser = _Scripts()
    parser.feed(html)
    assert all(src and src.startswith("/static/") for src in parser.sources)   # only our own files


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_pages_load_nothing_from_elsewhere(client: TestClient, web_store: WebStore) -> None:
    for page in ("/", "/graph", "/analyze", "/docs", f"/documents/{web_store.ids['نشرة الساحل']}"):
        html = client.get(page).text
        assert not re.search(r"""(src|href)=["'](https?:)?//""", html), page
