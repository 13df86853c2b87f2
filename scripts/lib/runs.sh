# shellcheck shell=bash
# Sourced by scripts/sweep, scripts/slurm-run and scripts/check-slurm: what they read from run
# directories written by `sycolab run`.

# The top-level "status" of DIR/manifest.json (running, complete, stopped after --until, or
# failed), empty when there is no manifest. The manifest is pretty-printed with two spaces per
# level, so the top-level field is the one indented by exactly two spaces; nested "status" keys
# sit deeper.
sycolab_run_status() {
  local manifest="$1/manifest.json"
  [[ -f "$manifest" ]] || return 0
  sed -n 's/^  "status" *: *"\([A-Za-z_]*\)".*/\1/p' "$manifest" | head -n 1 | tr '[:upper:]' '[:lower:]'
}

# The experiment's name: its top-level `name:` field, else the file name without .yaml/.yml.
sycolab_experiment_name() {
  local name
  name="$(sed -n 's/^name:[[:space:]]*["'\'']\{0,1\}\([A-Za-z0-9._-]*\).*/\1/p' "$1" | head -n 1)"
  if [[ -z "$name" ]]; then
    name="$(basename "$1")"
    name="${name%.yaml}"
    name="${name%.yml}"
  fi
  printf '%s\n' "$name"
}
