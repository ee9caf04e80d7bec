#!/usr/bin/env bash
# whosaid as an Apache Spark step (examples/spark): installs what is missing (Debian's Java 17,
# a venv in target/spark-venv with the pinned PySpark, pyarrow and pandas of
# tests/spark/requirements.txt), builds the CLI, then runs tests/spark/test_spark.py in one
# process (a local[2] session, then a local Spark Connect server): both paths (RDD.pipe,
# mapInArrow) give the CLI's own output on 2,000 generated articles with two bad lines, and a
# crashing binary fails the job. It ends with "spark: N passed, M failed"; exit 1 on a failure.
# WHOSAID_BIN=path tests that binary instead of building target/release/whosaid.
# Measured: 1.5 minutes on a fresh machine (venv 32 s, checks 41 s, plus the build); 40 s after.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_java
ensure_venv target/spark-venv tests/spark/requirements.txt

bin="${WHOSAID_BIN:-}"
if [ -z "$bin" ]; then
  say "cargo build --release (the CLI the Spark job runs)"
  cargo build --release --quiet
  bin=target/release/whosaid
fi

say "Spark checks in local[2] (tests/spark/test_spark.py)"
export SPARK_LOCAL_IP=127.0.0.1   # else Spark binds to the machine's outside address
export PYSPARK_PYTHON="$ROOT/target/spark-venv/bin/python"   # else the workers use the system's
export PYSPARK_DRIVER_PYTHON="$PYSPARK_PYTHON"
export PYTHONPATH="$ROOT/examples/spark"   # the workers import the job's functions from it
export PYTHONDONTWRITEBYTECODE=1           # no __pycache__ in the source folders
"$PYSPARK_PYTHON" tests/spark/test_spark.py --binary "$bin" --workdir target/spark-test
