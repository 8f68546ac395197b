#!/usr/bin/env bash
# Fails when any C++ file differs from what clang-format (with .clang-format) makes of it.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r file; do
  if ! diff -q <(clang-format "$file") "$file" >/dev/null; then
    echo "not formatted: $file (run clang-format -i $file)"
    status=1
  fi
done < <(git ls-files '*.cpp' '*.hpp')
[ $status -eq 0 ] && echo "format: ok"
exit $status
