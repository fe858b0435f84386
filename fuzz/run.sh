#!/bin/sh
# Fuzzes the list readers, one target after another on one core at the
# lower priority (NICE, default 10): SECONDS (default 225, 15 minutes for
# the four) each.
#   fuzz/run.sh [SECONDS] [TARGET ...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); runs on stable Rust
# because no sanitizer is asked for (see docs/fuzzing.md). The
# corpus grows in fuzz/corpus/TARGET, crashes land in fuzz/artifacts/TARGET,
# each run's output in fuzz/logs/TARGET.log.
set -u
cd "$(dirname "$0")"
seconds=${1:-225}
niceness=${NICE:-10}
[ $# -gt 0 ] && shift
targets=${*:-csv xlsx xlsx_parts xls}

if [ ! -d corpus ]; then
    cargo run --quiet --example seeds -- corpus || exit 1
fi
nice -n "$niceness" cargo fuzz build --sanitizer none || exit 1
mkdir -p logs
status=0
for t in $targets; do
    case $t in
        csv) dict=-dict=dict/csv.dict ;;
        xlsx | xlsx_parts) dict=-dict=dict/xlsx.dict ;;
        *) dict= ;;
    esac
    echo "== $t, $seconds s"
    nice -n "$niceness" cargo fuzz run --sanitizer none "$t" "corpus/$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=256 \
        -max_len=65536 -print_final_stats=1 $dict >"logs/$t.log" 2>&1 || status=1
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|artifact_prefix)" "logs/$t.log"
done
exit $status
