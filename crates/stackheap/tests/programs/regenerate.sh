#!/usr/bin/env bash
# Recreates the expected results of the differential corpus from real rustc: for each
# NAME.rs here (or only the NAMEs given as arguments), compiles a debug build with
# `rustc --edition 2021`, runs it and writes NAME.stdout (exact stdout), and when the
# exit status is not 0, NAME.status (the status) and NAME.stderr-panic (LINE:COL of the
# panic on the first line, the panic message on the second).
#
# Usage: crates/stackheap/tests/programs/regenerate.sh [NAME ...]
set -euo pipefail

cd "$(dirname "$0")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if [ "$#" -gt 0 ]; then
    names=("$@")
else
    names=()
    for f in *.rs; do
        names+=("${f%.rs}")
    done
fi

failed=0
for name in "${names[@]}"; do
    name="${name%.rs}"
    src="$name.rs"
    if [ ! -f "$src" ]; then
        echo "regenerate: no such program: $src" >&2
        failed=1
        continue
    fi
    # Compile from this directory so panic locations read `NAME.rs:LINE:COL`.
    if ! rustc --edition 2021 -o "$tmp/$name" "$src" 2>"$tmp/$name.compile"; then
        echo "regenerate: $src does not compile:" >&2
        cat "$tmp/$name.compile" >&2
        failed=1
        continue
    fi
    status=0
    RUST_BACKTRACE=0 "$tmp/$name" >"$name.stdout" 2>"$tmp/$name.stderr" </dev/null || status=$?
    rm -f "$name.status" "$name.stderr-panic"
    if [ "$status" -ne 0 ]; then
        echo "$status" >"$name.status"
        # The panic line looks like `thread 'main' (1234) panicked at NAME.rs:LINE:COL:`
        # (older rustc omits the thread id); the message is the line after it.
        loc_line="$(grep -n "panicked at $src:" "$tmp/$name.stderr" | head -n 1 || true)"
        if [ -z "$loc_line" ]; then
            echo "regenerate: $src exited with $status but without a panic in $src:" >&2
            cat "$tmp/$name.stderr" >&2
            failed=1
            continue
        fi
        n="${loc_line%%:*}"
        loc="$(sed -n "${n}p" "$tmp/$name.stderr" | sed -e "s/.*panicked at $src:\([0-9]*\):\([0-9]*\):\$/\1:\2/")"
        msg="$(sed -n "$((n + 1))p" "$tmp/$name.stderr")"
        printf '%s\n%s\n' "$loc" "$msg" >"$name.stderr-panic"
    fi
    echo "$name: exit $status"
done
exit "$failed"
