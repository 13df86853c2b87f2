# Sourced by scripts/sycolab and scripts/bench: builds a module (and what it needs) with Maven
# when a source or build file changed since its last build, or the Maven arguments did.
#
#   sycolab_build_if_needed LABEL MODULE STAMP CLASSPATH_FILE DIR...
#
# DIR... are the directories whose sources the module is built from. One lock serves every
# caller, so scripts started together (a job array, the bench beside a run) never run two
# Maven builds over the same target directories.
sycolab_build_if_needed() {
  local label="$1" module="$2" stamp="$3" classpath="$4"
  shift 4
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  local maven_args="${SYCOLAB_MAVEN_ARGS:-}"
  mkdir -p "$root/training/target" "$(dirname "$stamp")"
  (
    flock 9
    if _sycolab_needs_build "$stamp" "$classpath" "$maven_args" "$root/pom.xml" "$@"; then
      command -v mvn >/dev/null || { echo "$label: Maven (mvn) is needed to build; install it" >&2; exit 1; }
      echo "$label: building (the first build downloads dependencies; later ones take seconds)..." >&2
      local log
      log="$(mktemp)"
      # shellcheck disable=SC2086
      if ! (cd "$root" && mvn -B -ntp -q -DskipTests $maven_args package -pl "$module" -am) >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "$label: build failed (output above)" >&2
        exit 1
      fi
      rm -f "$log"
      printf '%s' "$maven_args" >"$stamp"
    fi
  ) 9>"$root/training/target/.build.lock"
}

_sycolab_needs_build() {
  local stamp="$1" classpath="$2" maven_args="$3"
  shift 3
  [[ -f "$classpath" && -f "$stamp" ]] || return 0
  [[ "$(cat "$stamp")" == "$maven_args" ]] || return 0
  # Any source or build file newer than the last build means rebuilding.
  [[ -z "$(find "$@" -path '*/target' -prune -o -newer "$stamp" \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
        -type f -print -quit)" ]] || return 0
  return 1
}
