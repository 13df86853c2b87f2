package org.sycolab.cli;

import org.sycolab.engine.DeviceSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --device}; a malformed value is a usage error naming the accepted forms. */
final class DeviceSpecConverter implements ITypeConverter<DeviceSpec> {
  @Override
  public DeviceSpec convert(String value) {
    try {
      return DeviceSpec.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
