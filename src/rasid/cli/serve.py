"""``rasid serve``: the analyst's workbench (REST API + offline dashboard) over a store."""

from __future__ import annotations

import click

__all__ = ["COMMANDS", "serve"]


@click.command()
@click.option("--db", "db", default=None, help="store URL (duckdb:///PATH or postgresql://...); default $RASID_DB")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="RASID_TOKEN", default=None,
              help="token that write requests (corrections) must send; default $RASID_TOKEN (none: writes open)")
@click.option("--read-token", envvar="RASID_READ_TOKEN", default=None,
              help="token that every API read must send too; default $RASID_READ_TOKEN (none: reads open)")
@click.option("--max-body", type=int, default=None, help="largest request body in bytes (default 1 MiB)")
def serve(db: str | None, host: str, port: int, token: str | None, read_token: str | None,
          max_body: int | None) -> None:
    """Serve the REST API (/api, OpenAPI at /openapi.json) and the dashboard (/)."""
    try:
        import uvicorn

        from rasid.api.app import create_app
    except ImportError as e:  # pragma: no cover - optional dependency
        raise click.ClickException(f"rasid serve needs FastAPI and uvicorn ({e}): pip install 'rasid[serve]'") from e
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        click.echo("warning: listening beyond localhost with no --token: anyone can write corrections", err=True)
    app = create_app(db, token=token or "", read_token=read_token, max_body_bytes=max_body)
    click.echo(f"rasid workbench on http://{host}:{port}/  (API schema: /openapi.json)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = [serve]
