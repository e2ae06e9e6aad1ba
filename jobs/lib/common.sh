# Shared by the scripts in jobs/: build on demand and assemble the local classpath.
# Expects HOME_DIR to be the project root.

# Prints nothing (and succeeds) before the first build, so callers under `set -euo pipefail` go on to build.
job_jar() {
  local jar
  for jar in "$HOME_DIR"/target/bias-audit-*-job.jar; do
    [[ -f "$jar" ]] && { echo "$jar"; return 0; }
  done
  return 0
}

# Builds (without tests) when the job jar is missing or any source is newer than it.
ensure_built() {
  local jar
  jar="$(job_jar)"
  if [[ -z "$jar" || ! -f "$HOME_DIR/target/local-classpath.txt" ]] \
      || [[ -n "$(find "$HOME_DIR/src/main" "$HOME_DIR/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    echo "Building bias-audit (mvn package, tests skipped)..." >&2
    (cd "$HOME_DIR" && mvn -B -q -DskipTests -Dmaven.test.skip.exec=true package) >&2
  fi
}

# The job jar plus Spark, CoreNLP and its models from the local Maven repository.
local_classpath() {
  echo "$(job_jar):$(cat "$HOME_DIR/target/local-classpath.txt")"
}

# The JVM flags Spark 4 needs on Java 17, the list spark-submit adds (JavaModuleOptions).
spark_jvm_options() {
  echo "-XX:+IgnoreUnrecognizedVMOptions \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
}

# Garbage-collector settings for JVMs that hold the CoreNLP models beside Spark. The models and Spark's own
# state keep about 1 GB live; in a 2.5 GB heap that is above G1's adaptive threshold for concurrent marking,
# which then runs all the time, and its write barriers made annotation inside Spark tasks take about 45%
# longer than in a plain thread pool. A fixed threshold of 75% starts marking only when the old generation
# is really filling: about 10% longer then. See docs/benchmarks.md.
nlp_gc_options() {
  echo "-XX:+UseG1GC -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=75"
}

# Transparent huge pages for the heap, where the kernel offers them (its mode `madvise` or `always`): the
# models are large pointer-linked structures and Spark's buffers come and go beside them. With 2 MB pages the
# JVM takes 6-8x fewer page faults (2,000 articles: the job 98,000 against 634,000, the ceiling 58,000 against
# 482,000). What that saves depends on how busy the host is: on the 2-core VM, nothing
# measurable in its fast state, up to a fifth of the time in its slow one (docs/benchmarks.md). Where the
# kernel has them off the option is left out, so the JVM prints no warning; jobs/submit gives it to executors
# regardless (their hosts are not this one).
huge_page_options() {
  grep -qE '\[(madvise|always)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null \
    && huge_page_flag
  return 0
}

huge_page_flag() {
  echo "-XX:+UseTransparentHugePages"
}

# Everything a JVM holding the models gets: the collector settings and huge pages.
nlp_jvm_options() {
  echo "$(nlp_gc_options) $(huge_page_options)"
}

# Class-data sharing. A local run loads about 18,000 classes (Spark, Hadoop, Parquet, CoreNLP) from their
# jars, parsing and verifying each; an archive of them, made once per build, is mapped by later JVMs instead,
# and a run starts about 2-4 s sooner on 2 cores (docs/benchmarks.md). The first run of a build records the classes it
# loads and, once it ends, makes the archive in the background (about 30 s of one core, 200 MB); later runs
# use it. BIAS_AUDIT_CLASS_ARCHIVE=off turns this off, =wait makes the archive before the command returns;
# BIAS_AUDIT_CLASS_ARCHIVE_DIR moves it (default target/class-archive).
class_archive_dir() {
  echo "${BIAS_AUDIT_CLASS_ARCHIVE_DIR:-$HOME_DIR/target/class-archive}"
}

# The archive of this build on this JDK: the JVM maps an archive only for the JDK that made it and for
# unchanged jars, so its name carries both (an older one is deleted when a newer one is made).
class_archive() {
  local java_bin
  java_bin="$(readlink -f "$(command -v java)")"
  echo "$(class_archive_dir)/bias-audit-$( { echo "$java_bin"; stat -c '%n %Y %s' "$java_bin" \
    "$(dirname "$java_bin")/../lib/server/libjvm.so" "$(job_jar)" "$HOME_DIR/target/local-classpath.txt" 2>/dev/null; } \
    | cksum | cut -d' ' -f1).jsa"
}

class_archive_enabled() {
  [[ "${BIAS_AUDIT_CLASS_ARCHIVE:-on}" != off ]]
}

# JVM options that map this build's archive; nothing when there is none (yet). Where the JVM cannot use an
# archive it runs without one, silently: only the start-up time differs.
class_share_options() {
  local archive
  class_archive_enabled || return 0
  archive="$(class_archive)"
  [[ -f "$archive" ]] && echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  return 0
}

# Makes the archive from a class list (-XX:DumpLoadedClassList) and deletes the list. One maker at a time:
# the others return at once. Writes to a temporary name, so a JVM never maps a half-written archive.
make_class_archive() {
  local list="$1" dir archive lock
  dir="$(class_archive_dir)"
  archive="$(class_archive)"
  lock="$dir/making"
  mkdir -p "$dir"
  # A maker killed half way leaves its lock behind: one older than 10 minutes is taken over.
  find "$lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null || true
  if ! mkdir "$lock" 2>/dev/null; then
    rm -f "$list"
    return 0
  fi
  find "$dir" -maxdepth 1 -name 'bias-audit-*.jsa*' ! -name "$(basename "$archive")" -delete
  if nice -n 10 java -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive.part" \
      -cp "$(local_classpath)" > "$dir/make.log" 2>&1; then
    mv -f "$archive.part" "$archive"
  else
    rm -f "$archive.part"
  fi
  rm -f "$list"
  rmdir "$lock"
}

# Runs `java ARGS...` with this build's archive; where there is none yet, records the classes the run loads
# and, once it ends, makes the archive in the background (niced, detached, its log in class_archive_dir), or
# before returning with BIAS_AUDIT_CLASS_ARCHIVE=wait. Exits with java's status.
java_with_class_archive() {
  local share list rc=0
  share="$(class_share_options)"
  if [[ -n "$share" ]] || ! class_archive_enabled || ! mkdir -p "$(class_archive_dir)" 2>/dev/null; then
    # shellcheck disable=SC2086
    exec java $share "$@"
  fi
  list="$(mktemp "$(class_archive_dir)/classes-XXXXXX.lst")"
  java -XX:DumpLoadedClassList="$list" "$@" || rc=$?
  if [[ -s "$list" && "${BIAS_AUDIT_CLASS_ARCHIVE:-on}" == wait ]]; then
    make_class_archive "$list"
  elif [[ -s "$list" ]]; then
    HOME_DIR="$HOME_DIR" setsid nohup bash -c 'source "$0"; make_class_archive "$1"' "$HOME_DIR/jobs/lib/common.sh" "$list" \
      </dev/null >/dev/null 2>&1 &
  else
    rm -f "$list"
  fi
  exit "$rc"
}

# Makes this build's archive now where there is none: an audit of sample-data/ records the classes, then the
# archive is made (about a minute). For jobs/bench, whose measured runs must all start the same way.
ensure_class_archive() {
  local work
  class_archive_enabled || return 0
  [[ -n "$(class_share_options)" ]] && return 0
  echo "Making this build's class-data archive (an audit of sample-data/, then the archive: about a minute)..." >&2
  work="$(mktemp -d)"
  BIAS_AUDIT_CLASS_ARCHIVE=wait BIAS_AUDIT_HEAP=2560m "$HOME_DIR/jobs/audit" --input "$HOME_DIR/sample-data" \
    --output "$work/out" > "$work/audit.log" 2>&1 || { cat "$work/audit.log" >&2; rm -rf "$work"; return 1; }
  rm -rf "$work"
  [[ -n "$(class_share_options)" ]] || echo "No class-data archive could be made: see $(class_archive_dir)/make.log" >&2
}
