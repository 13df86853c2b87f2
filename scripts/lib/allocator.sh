# Sourced by scripts/sycolab and scripts/bench: runs the JVM on jemalloc when it is installed.
#
# PyTorch allocates and frees a tensor per operation, of sizes that change with every batch's
# sequence length. glibc's malloc keeps such blocks in fragments it never hands back, so a long
# CPU embedding run grows (measured: 626 -> 1010 MB over 6,000 texts in mixed-length batches);
# jemalloc, told to keep freed pages for reuse (no decay), stays level (515 -> 649 MB) and is as
# fast or faster. Install it with `apt install libjemalloc2` (Debian/Ubuntu); SYCOLAB_MALLOC=system
# keeps glibc's.
sycolab_use_jemalloc() {
  [[ "${SYCOLAB_MALLOC:-auto}" == system ]] && return 0
  local lib
  for lib in /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 /usr/lib/aarch64-linux-gnu/libjemalloc.so.2 \
    /usr/lib64/libjemalloc.so.2 /usr/lib/libjemalloc.so.2 /usr/local/lib/libjemalloc.so.2; do
    if [[ -f "$lib" ]]; then
      export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
      export MALLOC_CONF="${MALLOC_CONF:-dirty_decay_ms:-1,muzzy_decay_ms:-1}"
      SYCOLAB_ALLOCATOR="jemalloc ($lib)"
      return 0
    fi
  done
}

SYCOLAB_ALLOCATOR="glibc malloc"
sycolab_use_jemalloc
