#!/usr/bin/env bash
# Regenerates ui/src/lib/bindings/*.ts from the Rust domain types (ts-rs).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf ui/src/lib/bindings core/bindings
cargo test -q -p afterword-core --lib export_bindings >/dev/null
echo "==> TypeScript types written to ui/src/lib/bindings"
