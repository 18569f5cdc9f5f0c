# Finds a JDK 25 or newer: $JAVA_HOME, then `java` on the PATH, then the usual install folders.
# Prints the path of its `java`, or explains what to install and fails.
loopd_java() {
  local candidates=()
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*/bin/java)
  local j v
  for j in "${candidates[@]}"; do
    [[ -x $j ]] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [[ ${v%%.*} =~ ^[0-9]+$ ]] && (( ${v%%.*} >= 25 )); then
      echo "$j"
      return 0
    fi
  done
  echo "loopd needs a JDK 25 or newer: install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
