#!/usr/bin/env bash
# Lints every workflow and action definition with actionlint and zizmor (offline). Both must report nothing.
#
# Tools are installed on first use into a cache outside the repository and reused afterwards:
#   actionlint: built from the Go module proxy (needs `go`), pinned to ACTIONLINT_VERSION
#   zizmor:     from PyPI into a virtualenv (needs python3), pinned to ZIZMOR_VERSION
# MESH_SECURE_TOOLS overrides the cache directory (default ~/.cache/mesh-secure/tools).
# shellcheck (run by actionlint on every `run:` script) is used when it is on PATH, as on GitHub's runners.
set -euo pipefail

ACTIONLINT_VERSION=1.7.12
ZIZMOR_VERSION=1.33.1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${MESH_SECURE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/mesh-secure/tools}"
actionlint="$tools/actionlint-$ACTIONLINT_VERSION/actionlint"
zizmor_venv="$tools/zizmor-$ZIZMOR_VERSION"
zizmor="$zizmor_venv/bin/zizmor"

if [ ! -x "$actionlint" ]; then
  echo "Installing actionlint $ACTIONLINT_VERSION into $tools (go install, once)"
  mkdir -p "$(dirname "$actionlint")"
  GOBIN="$(dirname "$actionlint")" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@v$ACTIONLINT_VERSION"
fi
if [ ! -x "$zizmor" ]; then
  echo "Installing zizmor $ZIZMOR_VERSION into $zizmor_venv (pip, once)"
  rm -rf "$zizmor_venv"
  python3 -m venv "$zizmor_venv"
  "$zizmor_venv/bin/pip" install --quiet --disable-pip-version-check "zizmor==$ZIZMOR_VERSION"
fi

cd "$root"
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml workflows/*.yml workflows/*.yaml)
actions=(actions/*/action.yml .github/actions/*/action.yml)

if ! command -v shellcheck > /dev/null; then
  echo "note: shellcheck is not on PATH, so actionlint cannot check the run: scripts (GitHub's runners have it)"
fi

status=0
echo "actionlint $ACTIONLINT_VERSION: ${#workflows[@]} workflow files"
"$actionlint" -no-color "${workflows[@]}" || status=1

# --offline: no GitHub API (no token, no network); online-only audits are skipped.
echo "zizmor $ZIZMOR_VERSION (offline): ${#workflows[@]} workflow files, ${#actions[@]} action definitions"
"$zizmor" --offline --no-progress --config .github/zizmor.yml --min-severity=informational \
  "${workflows[@]}" "${actions[@]}" || status=1

if [ "$status" -ne 0 ]; then
  echo "Workflow lint failed (see above)." >&2
else
  echo "Workflow lint: actionlint and zizmor report nothing."
fi
exit "$status"
