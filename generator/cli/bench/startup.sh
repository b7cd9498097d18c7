#!/usr/bin/env bash
# How long the command line takes, JVM start included: ./irqtopo --version against ./irqtopo verify on a
# small scenario, and the same verify through the bare jar without the launcher's settings, in one
# hyperfine run (Debian package hyperfine). Run from the repository root after one ./irqtopo call has
# built the jar and its class-data archive. Arguments after the scenario go to hyperfine: hyperfine
# prints means, and --export-json FILE records each command's median as well.
set -euo pipefail
scenario="${1:-samples/src/main/irqtopo/ims-in-guest.irqtopo}"
shift || true
./irqtopo --version >/dev/null
hyperfine -N --warmup 3 --runs "${RUNS:-20}" "$@" \
    "./irqtopo --version" \
    "./irqtopo verify $scenario" \
    "java -jar generator/cli/target/irqtopo.jar verify $scenario"
