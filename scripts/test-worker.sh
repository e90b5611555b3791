#!/usr/bin/env bash
# Runs the Cloudflare Worker locally under workerd (wrangler dev), posts the
# seed article to it and checks that the answer is the document the CLI
# prints for the same text, plus the error statuses and security headers.
# Every process it starts is stopped on exit, pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${SHARED:-../shared}
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

command -v node >/dev/null || { echo "test-worker: node (20.3+) is needed: apt-get install -y nodejs npm" >&2; exit 1; }

TMP=$(mktemp -d)
WRANGLER_PID=
cleanup() {
	if [ -n "$WRANGLER_PID" ]; then
		# wrangler runs in its own process group (setsid): stop the group,
		# which holds workerd and esbuild too.
		kill -TERM -- "-$WRANGLER_PID" 2>/dev/null || true
		for _ in $(seq 1 50); do kill -0 -- "-$WRANGLER_PID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL -- "-$WRANGLER_PID" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() {
	echo "test-worker: FAIL: $*" >&2
	echo "--- wrangler log ---" >&2
	tail -n 40 "$TMP/wrangler.log" >&2 || true
	exit 1
}

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -f cloudflare/node_modules/.package-lock.json ] || [ cloudflare/package-lock.json -nt cloudflare/node_modules/.package-lock.json ]; then
	(cd cloudflare && npm ci --no-audit --no-fund)
fi
[ -f dist/index.html ] || make dist

ARTICLE="$SHARED/data/seed/blinken-beijing.txt"
if [ ! -f "$ARTICLE" ]; then
	echo "test-worker: $ARTICLE is absent; posting a fixture of our own"
	ARTICLE=cloudflare/testdata/article.txt
fi
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
PORT=$(free_port)
INSPECTOR_PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
ORIGIN="https://cms.example.org"
(cd cloudflare && LEDE_ALLOWED_ORIGINS="$ORIGIN" LEDE_DIST="$ROOT/dist" \
	exec setsid npx wrangler dev --ip 127.0.0.1 --port "$PORT" \
		--inspector-port "$INSPECTOR_PORT" --show-interactive-dev-session=false) \
	>"$TMP/wrangler.log" 2>&1 &
WRANGLER_PID=$!

for i in $(seq 1 120); do
	curl -sf "$BASE/api/health" >"$TMP/health.json" 2>/dev/null && break
	kill -0 "$WRANGLER_PID" 2>/dev/null || fail "wrangler dev exited"
	[ "$i" = 120 ] && fail "no answer from $BASE/api/health after 120 s"
	sleep 1
done
grep -q '"ok":true' "$TMP/health.json" || fail "health: $(cat "$TMP/health.json")"
# The CLI's answer, from the source the Worker was just built from.
go run ./cmd/lede annotate "$ARTICLE" >"$TMP/want.json"

# status METHOD PATH CONTENT_TYPE BODY_FILE → prints the HTTP status.
status() {
	curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1" -H "Content-Type: $3" -H "Origin: $ORIGIN" \
		--data-binary "@$4" "$BASE$2"
}
expect() { # expect NAME WANT GOT
	[ "$2" = "$3" ] || fail "$1: status $3, want $2: $(head -c 300 "$TMP/body")"
	echo "ok   $1 → $3"
}

got=$(status POST /api/annotate "text/plain; charset=utf-8" "$ARTICLE")
expect "POST the article" 200 "$got"
cmp -s "$TMP/want.json" "$TMP/body" || fail "the Worker's document differs from the CLI's: $(head -c 300 "$TMP/body")"
grep -qi "^access-control-allow-origin: $ORIGIN" "$TMP/headers" || fail "no CORS header for $ORIGIN"
grep -qi "^content-security-policy:.*'wasm-unsafe-eval'" "$TMP/headers" || fail "no CSP on the API"
echo "ok   the document equals the CLI's ($(wc -c <"$TMP/body") bytes)"

# Overlapping requests share one Go program: each must get its own answer.
pids=()
for i in 1 2 3 4 5 6; do
	curl -s -o "$TMP/overlap.$i" -X POST -H "Content-Type: text/plain" --data-binary "@$ARTICLE" "$BASE/api/annotate" &
	pids+=($!)
done
wait "${pids[@]}"
for i in 1 2 3 4 5 6; do
	cmp -s "$TMP/want.json" "$TMP/overlap.$i" || fail "overlapping request $i got another document: $(head -c 300 "$TMP/overlap.$i")"
done
echo "ok   6 overlapping requests each got the document"

printf '{"text":' >"$TMP/bad.json"
expect "malformed JSON" 400 "$(status POST /api/annotate application/json "$TMP/bad.json")"
expect "wrong content type" 415 "$(status POST /api/annotate text/csv "$TMP/bad.json")"
expect "wrong method" 405 "$(status PUT /api/annotate text/plain "$TMP/bad.json")"
head -c $((1024 * 1024 + 1)) /dev/zero | tr '\0' a >"$TMP/big.txt"
expect "body over 1 MB" 413 "$(status POST /api/annotate text/plain "$TMP/big.txt")"

curl -s -o /dev/null -D "$TMP/headers" "$BASE/" || fail "GET /"
grep -qi "^content-security-policy:.*frame-ancestors" "$TMP/headers" || fail "no CSP on the static page"
grep -qi "^x-content-type-options: nosniff" "$TMP/headers" || fail "no nosniff on the static page"
echo "ok   static page with security headers"
curl -s -o /dev/null -D "$TMP/headers" "$BASE/lede.wasm" || fail "GET /lede.wasm"
grep -qi "^content-type: application/wasm" "$TMP/headers" || fail "lede.wasm is not application/wasm"
grep -qi "^access-control-allow-origin: \*" "$TMP/headers" || fail "lede.wasm lacks CORS for embedding pages"
echo "ok   lede.wasm as application/wasm, readable by embedding pages"
echo "test-worker: PASS"
