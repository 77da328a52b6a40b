#!/usr/bin/env bash
# Runs the quickstart jar once with a small demo ISP and checks that it billed, wrote PDFs and wrote messages.
# Called by .ci/run after `mvn verify` (which builds examples/quickstart/target/wispcrm-quickstart.jar).
# Usage: .ci/quickstart-check.sh [customers]   (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."

customers="${1:-200}"
jar="examples/quickstart/target/wispcrm-quickstart.jar"
log() { printf '[quickstart-check] %s\n' "$*"; }

if [[ ! -f "$jar" ]]; then
  log "FAIL: $jar is missing; build it first (mvn -B -ntp verify, or package -pl examples/quickstart -am)"
  exit 1
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/wispcrm-quickstart-check.XXXXXX")"
trap 'rm -rf "$out"' EXIT

log "java -jar $jar --customers $customers --out $out"
set +e
java -jar "$jar" --customers "$customers" --out "$out" >"$out/stdout.txt" 2>"$out/stderr.txt"
code=$?
set -e
# The summary table: everything after the blank line that precedes it.
sed -n '/^WISP CRM quickstart: .*(billing date/,$p' "$out/stdout.txt"
if [[ -s "$out/stderr.txt" ]]; then
  log "stderr:"; cat "$out/stderr.txt"
fi

count() { find "$1" -type f -name "$2" 2>/dev/null | wc -l | tr -d ' '; }
pdfs=$(count "$out/documents/invoices" '*.pdf')
receipts=$(count "$out/documents/receipts" '*.pdf')
texts=$(count "$out/outbox/whatsapp" '*.txt')
emails=$(count "$out/outbox/email" '*.eml')
log "exit code $code; invoice PDFs $pdfs, receipt PDFs $receipts, WhatsApp messages $texts, emails $emails"

failed=0
[[ "$code" -eq 0 ]] || { log "FAIL: exit code $code"; failed=1; }
[[ "$pdfs" -gt 0 ]] || { log "FAIL: no invoice PDF under $out/documents/invoices"; failed=1; }
[[ "$texts" -gt 0 ]] || { log "FAIL: no WhatsApp message under $out/outbox/whatsapp"; failed=1; }
[[ "$emails" -gt 0 ]] || { log "FAIL: no email under $out/outbox/email"; failed=1; }
grep -q " $customers new invoices" "$out/stdout.txt" || { log "FAIL: the summary does not report $customers new invoices"; failed=1; }

if [[ "$failed" -ne 0 ]]; then
  log "stdout was:"; cat "$out/stdout.txt"
  exit 1
fi
log "OK"
