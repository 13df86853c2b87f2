package org.sycolab.engine;

/** The device asked for cannot be used here; the message says why and what to do instead. */
public final class DeviceUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message a user can act on. */
  public DeviceUnavailableException(String message) {
    super(message);
  }
}
