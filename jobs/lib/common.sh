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
