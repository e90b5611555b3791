#!/usr/bin/env bash
# Robustness runs too slow for plain go test. Runs every fuzz target for the
# given -fuzztime each (`make fuzz-short`, part of `make test`, uses 1000
# executions; `make fuzz` minutes), then the linear-time and memory tests (-heavy).
# A failing input is written to <package>/testdata/fuzz/<Target>/: keep it
# there, it stays a regression case for every target of the package.
set -euo pipefail
fuzztime=${1:-1000x}
root=$(pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
packages=(annotate)
if grep -qs '^func Fuzz' server/*_test.go; then packages+=(server); fi
for pkg in "${packages[@]}"; do
	# One instrumented build per package instead of one per target.
	go test -c -fuzz=. -o "$tmp/$pkg.test" "./$pkg/"
	cache="$(go env GOCACHE)/fuzz/lede/$pkg"
	for target in $(cd "$pkg" && "$tmp/$pkg.test" -test.list '^Fuzz'); do
		echo "fuzz $pkg $target for $fuzztime"
		(cd "$root/$pkg" && "$tmp/$pkg.test" -test.run '^$' -test.fuzz "^${target}\$" \
			-test.fuzztime "$fuzztime" -test.fuzzcachedir "$cache")
	done
done
go test -count=1 -run '^(TestLinearTime|TestTenMegabytes)' -v ./annotate/ -heavy
