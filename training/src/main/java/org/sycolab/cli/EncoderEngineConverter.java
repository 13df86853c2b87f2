package org.sycolab.cli;

import org.sycolab.backbone.EncoderEngine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --engine}; an unknown value is a usage error naming the accepted ones. */
final class EncoderEngineConverter implements ITypeConverter<EncoderEngine> {
  @Override
  public EncoderEngine convert(String value) {
    try {
      return EncoderEngine.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
