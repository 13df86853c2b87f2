package org.sycolab.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where sycolab keeps converted models and cached features: the system property {@code
 * sycolab.cache}, else {@code $SYCOLAB_CACHE}, else {@code $XDG_CACHE_HOME/sycolab}, else {@code
 * ~/.cache/sycolab}.
 */
public final class CacheLocation {

  /** Environment variable that moves the cache. */
  public static final String ENV = "SYCOLAB_CACHE";

  /** System property that moves the cache, ahead of the environment (tests, embedding callers). */
  public static final String PROPERTY = "sycolab.cache";

  private CacheLocation() {}

  /** The cache root for this process's environment. */
  public static Path root() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    return root(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The cache root for the given environment and home directory. */
  static Path root(Map<String, String> env, Path home) {
    String explicit = env.get(ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath();
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg).toAbsolutePath().resolve("sycolab");
    }
    return home.resolve(".cache").resolve("sycolab");
  }
}
