"""The ``rasid`` command line. One small module per command group; this file wires them."""

from __future__ import annotations

import sys

import click

from rasid import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasid")
def cli() -> None:
    """rasid (راصد): Arabic news to PLOVER political event data, with Arabic evidence."""


def _register() -> None:
    from rasid.cli import extract as _extract
    from rasid.cli import misc as _misc

    cli.add_command(_extract.extract)
    cli.add_command(_misc.ner)
    cli.add_command(_misc.eval_group)
    cli.add_command(_misc.train_group)
    from rasid.cli import store as _store

    for c in _store.COMMANDS:
        cli.add_command(c)
    from rasid.cli import serve as _serve
    from rasid.cli import spark as _spark
    from rasid.cli import watch as _watch

    for c in _serve.COMMANDS + _spark.COMMANDS + _watch.COMMANDS:
        cli.add_command(c)


_register()


def main(argv: list[str] | None = None) -> int:
    try:
        rv = cli.main(args=argv, prog_name="rasid", standalone_mode=False)
        return rv if isinstance(rv, int) else 0
    except click.exceptions.Exit as e:
        return int(e.exit_code or 0)
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except BrokenPipeError:  # `rasid extract ... | head`
        try:
            sys.stdout.close()
        except Exception:
            pass
        return 0
    except SystemExit as e:  # commands signal their status this way
        return int(e.code or 0) if not isinstance(e.code, str) else 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
