#!/usr/bin/env bash
# make fuzz: builds kei-fuzz instrumented (libFuzzer coverage + AddressSanitizer) in .build/fuzz, seeds a
# corpus per reader from Samples/, Workflows/ and ../shared/testdata (copied at run time, never committed),
# then runs each reader for FUZZ_SECONDS, FUZZ_PARALLEL at a time, and prints per reader the duration,
# executions, coverage and any finding (crash-*, timeout-*, oom-* files under .build/fuzz/findings).
# Exit status: 0 when no reader produced a finding, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-600}
FUZZ_TARGETS=${FUZZ_TARGETS:-html text workflow journal style timeline manifest baseline reference}
FUZZ_PARALLEL=${FUZZ_PARALLEL:-1}
FUZZ_ARGS=${FUZZ_ARGS:-}
SHARED=../shared/testdata
OUT=.build/fuzz
BIN=$OUT/debug/kei-fuzz

# libFuzzer's runtime without its main (kei-fuzz has its own main, which calls LLVMFuzzerRunDriver).
resource=$($SWIFT -print-target-info | python3 -c "import json,sys; print(json.load(sys.stdin)['paths']['runtimeResourcePath'])")
runtime=$(ls "$resource"/clang/lib/linux/libclang_rt.fuzzer_no_main-*.a 2>/dev/null | head -1)
[ -f "$runtime" ] || { echo "make fuzz: libclang_rt.fuzzer_no_main not found under $resource/clang (a Swift toolchain for Linux ships it)"; exit 2; }

if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  "$SWIFT" build --product kei-fuzz --scratch-path "$OUT" \
    -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
    -Xswiftc -DKEI_FUZZ \
    -Xlinker --whole-archive -Xlinker "$runtime" -Xlinker --no-whole-archive -Xlinker -lstdc++ || exit 2
fi

# Seeds: every file is copied into the reader's corpus folder (names by content hash, so re-runs add nothing twice).
seed() {   # seed TARGET FILE...
  local dir=$OUT/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/seed-$(sha1sum < "$f" | cut -c1-16)"; done
}
# html5lib .dat files hold many cases: each #data section becomes one seed.
split_dat() {   # split_dat TARGET FILE...
  local dir=$OUT/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do
    awk -v dir="$dir" -v base="$(basename "$f" .dat)" '
      /^#data$/ { n++; out = dir "/h5-" base "-" n; printf "" > out; on = 1; next }
      /^#(errors|document|encoding|new-errors|document-fragment|script-off|script-on)/ { if (on) close(out); on = 0; next }
      on { print >> out }' "$f"
  done
}
yaml=(Workflows/*.yml Workflows/*/*.yml $(find Samples -name '*.yml'))
pages=($(find Samples -name '*.html') $SHARED/ingest-cases/*.html)
for t in $FUZZ_TARGETS; do
  case $t in
    html) seed html "${pages[@]}"; split_dat html $SHARED/html5lib/tree-construction/*.dat $SHARED/html5lib/encoding/*.dat ;;
    text) seed text Samples/README.md Workflows/styles/README.md $SHARED/ingest-cases/README.md ../shared/seed/*.txt "${pages[@]:0:3}" ;;
    workflow|journal|style|timeline|manifest) seed "$t" "${yaml[@]}" ;;
    baseline)
      mkdir -p $OUT/corpus/baseline
      printf '{\n  "version": 1,\n  "tool": "kei-pipeline 0.1.0",\n  "fingerprint_scheme": "keiFingerprint/v1",\n  "entries": [\n    {\n      "fingerprint": "0123456789abcdef",\n      "rule": "style.spelling",\n      "severity": "warning",\n      "article": "a",\n      "file": "Samples/a.html",\n      "line": 3,\n      "excerpt": "teh",\n      "message": "Spelling"\n    }\n  ]\n}\n' > $OUT/corpus/baseline/seed-one-entry
      printf '{"version": 1, "tool": "kei-pipeline 0.1.0", "fingerprint_scheme": "keiFingerprint/v1", "entries": []}\n' > $OUT/corpus/baseline/seed-empty ;;
    reference)
      mkdir -p $OUT/corpus/reference
      python3 - "$SHARED/citations/anystyle-dev.json" "$OUT/corpus/reference" <<'PY'
import json, sys, hashlib
for item in json.load(open(sys.argv[1]))[:300]:
    s = item["reference"].encode()
    open(f"{sys.argv[2]}/seed-{hashlib.sha1(s).hexdigest()[:16]}", "wb").write(s)
PY
      ;;
    *) echo "make fuzz: unknown reader '$t' (known: html text workflow journal style timeline manifest baseline reference)"; exit 2 ;;
  esac
done

# Each run keeps its artifacts in its own folder, so a finding of an earlier run is not reported again.
FINDINGS=$OUT/findings/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$FINDINGS" $OUT/logs
# Leak checks stay on (libFuzzer checks inputs whose mallocs and frees differ, and the whole run at exit);
# the suppressions name leaks of the toolchain's own libraries, each with its reason.
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
run_one() {   # run_one TARGET: one bounded libFuzzer run, log in $OUT/logs/TARGET.log
  local t=$1 start end
  start=$(date +%s)
  "$BIN" "$t" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$FINDINGS/$t-" $FUZZ_ARGS "$OUT/corpus/$t" > "$OUT/logs/$t.log" 2>&1
  echo "$? $(( $(date +%s) - start ))" > "$OUT/logs/$t.status"
}
running=0
for t in $FUZZ_TARGETS; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$FUZZ_PARALLEL" ]; then wait -n; running=$((running - 1)); fi
done
wait

status=0
printf '%-10s %8s %12s %10s %5s  %s\n' reader seconds executions coverage slow finding
for t in $FUZZ_TARGETS; do
  read -r rc secs < "$OUT/logs/$t.status"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/logs/$t.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$OUT/logs/$t.log" | tail -1 | cut -d' ' -f2)
  # crash-, leak-, timeout- and oom- files are findings; slow-unit- files (an input over libFuzzer's
  # -report_slow_units, 10 s) are only counted: on a loaded machine under ASan they are common.
  finding=$(ls "$FINDINGS/$t-"{crash,leak,timeout,oom}-* 2>/dev/null | tr '\n' ' ')
  slow=$(ls "$FINDINGS/$t-slow-unit-"* 2>/dev/null | wc -l)
  if [ "$rc" != 0 ] || [ -n "$finding" ]; then status=1; finding="${finding:-exit $rc, see $OUT/logs/$t.log}"; fi
  printf '%-10s %8s %12s %10s %5s  %s\n' "$t" "$secs" "${execs:-?}" "${cov:-?}" "$slow" "${finding:-none}"
done
exit $status
