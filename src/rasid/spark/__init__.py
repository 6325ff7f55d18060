"""Spark engine for large corpora: the same pipeline, run once per partition.

See :mod:`rasid.spark.job` and docs/spark.md. PySpark is optional
(``pip install 'rasid[spark]'``); importing this package does not import it.
"""

from __future__ import annotations

from rasid.spark.job import SparkStats, read_jsonl_output, run_spark_extract, spark_available

__all__ = ["run_spark_extract", "SparkStats", "spark_available", "read_jsonl_output"]
