# Sourced by run.sh and test.sh: selects a JDK 25 (or newer) for the Maven wrapper and the stack.
# Order: JAVA_HOME if it is 25+, then well-known install locations, then `java` on the PATH.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

select_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* \
                   /usr/lib/jvm/*25* /opt/java/openjdk "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major; major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "MarketPulse needs JDK 25 or newer (Smile 6 is built for it), and none was found." >&2
  echo "Install one (e.g. Eclipse Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}

select_jdk || exit 1
