"""`rasid serve`: the web UI and REST API over a store, on this machine unless told otherwise."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import click

from rasid.cli import messages
from rasid.io import DEFAULT_MAX_BYTES
from rasid.store import Store, StoreError, default_path


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url(host: str, port: int, token: str | None) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


@click.command("serve")
@click.option("--db", "db", metavar="PATH", default=None,
              help="The store file. Default: $RASID_DB, else ./rasid.db. A missing store is created empty.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but a loopback address needs --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 picks a free one.")
@click.option("--token", envvar="RASID_TOKEN", metavar="TOKEN",
              help="Require this token on every request (?token=…, a cookie, or 'Authorization: Bearer …'). "
                   "Default: $RASID_TOKEN.")
@click.option("--ingest", "ingest_paths", multiple=True, metavar="PATH",
              help="Ingest these articles into the store before serving (repeatable), as "
                   "`rasid ingest` does.")
@click.option("--max-upload-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest article the Analyze page and POST /api/analyze accept.")
@click.pass_context
def serve_command(ctx: click.Context, db: str | None, host: str, port: int, token: str | None,
                  ingest_paths: tuple[str, ...], max_upload_bytes: int) -> None:
    """Open the web UI and the REST API (OpenAPI at /docs) over the store.

    It listens on 127.0.0.1 only, unless --host says otherwise; then --token is required and
    every request must carry it. Pages and GET requests read the store through a read-only
    connection; only Analyze with "keep it" (POST /api/analyze?store=true) writes.

    \b
    Examples:
      rasid serve --ingest examples/            # store the examples, then open the UI
      rasid serve --db news.db --port 8080
      RASID_TOKEN=s3cret rasid serve --host 0.0.0.0
    """
    import uvicorn

    from rasid.web.app import create_app

    if not _is_loopback(host) and not token:
        raise click.UsageError(f"--host {host} opens the store to other machines; give --token TOKEN "
                               "(or set RASID_TOKEN) so that every request must carry it")
    path = Path(db or default_path())
    if not path.exists():
        messages.warning(str(path), "no store here; created an empty one")
    if ingest_paths:
        from rasid.cli.store import ingest_command

        try:
            ctx.invoke(ingest_command, paths=ingest_paths, db=str(path), source=None, published=None,
                       max_bytes=DEFAULT_MAX_BYTES, parquet=None)
        except SystemExit as exc:  # some articles failed (already reported): serve the rest
            if exc.code not in (0, 1, None):
                raise
    try:
        app = create_app(path, token=token, max_upload_bytes=max_upload_bytes)
        with Store(path, readonly=True) as store:
            articles = store.counts()["documents"]
    except (StoreError, ValueError) as exc:
        messages.error(str(path) if isinstance(exc, StoreError) else "--token", str(exc))
        sys.exit(1)

    class Server(uvicorn.Server):
        """Says where the UI is once the socket is listening (port 0 becomes the real port)."""

        async def startup(self, sockets: list | None = None) -> None:  # type: ignore[type-arg]
            await super().startup(sockets)
            if self.started:
                bound = self.servers[0].sockets[0].getsockname()[1] if self.servers else port
                click.echo(f"rasid: the UI is at {_url(host, bound, token)} ({articles} articles in {path}); "
                           "Ctrl-C stops it", err=False)

    server = Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    try:
        server.run()
    except KeyboardInterrupt:  # uvicorn has shut down cleanly and passes the Ctrl-C on
        click.echo("rasid: stopped")
    except SystemExit as exc:  # uvicorn could not start (it has logged why)
        messages.error(f"{host}:{port}", "could not listen there (a port in use? try --port 0)")
        sys.exit(exc.code if isinstance(exc.code, int) else 1)
