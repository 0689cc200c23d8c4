#!/usr/bin/env bash
# Rewrites Tests/Golden/expected/ from what `simulate` prints today, so that `git diff` shows
# every change of output (JSON, text, log, HTML report) a change of code made. Run it only when
# the change of output is deliberate, and say why in the commit.
set -euo pipefail
cd "$(dirname "$0")/.."
GOLDEN_UPDATE=1 swift test --filter GoldenOutputTests
git status --short Tests/Golden/expected
