"""Entry point for ``spark-submit``: the arguments of ``rasid spark-extract``.

    spark-submit [spark options] "$(python -c 'import rasid.spark.submit as m; print(m.__file__)')" \
        INPUT... -o OUTDIR --master submit [--format parquet]

``--master submit`` keeps the master that spark-submit configured.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import click

    from rasid.cli.spark import spark_extract

    try:
        spark_extract.main(args=argv if argv is not None else sys.argv[1:], prog_name="rasid-spark",
                           standalone_mode=False)
    except click.exceptions.Exit as e:
        return int(e.exit_code or 0)
    except click.ClickException as e:
        e.show()
        return e.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
