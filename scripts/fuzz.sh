#!/usr/bin/env bash
# Robustness runs too slow for plain go test. Runs every fuzz target for the
# given time each (default 3s; `make fuzz-short`, part of `make test`, uses
# 3s, `make fuzz` minutes), then the 10 MB linear-time and memory test.
# go test writes a failing input to <package>/testdata/fuzz/<Target>/: keep
# it there, it stays a regression case for every target of the package.
set -euo pipefail
fuzztime=${1:-3s}
packages=(./annotate/)
if grep -qs '^func Fuzz' server/*_test.go; then packages+=(./server/); fi
for pkg in "${packages[@]}"; do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
		echo "fuzz $pkg $target for $fuzztime"
		go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg"
	done
done
go test -count=1 -run '^TestTenMegabytes' -v ./annotate/ -heavy | grep -E '^(---|ok|FAIL)|MB:'
