package org.sycolab.stage;

import java.nio.file.Path;
import org.sycolab.data.probes.GeneratedData;

/**
 * What the generate stage wrote.
 *
 * @param directory where: {@code pairs.jsonl}, {@code pools.jsonl}, {@code README.md}, the manifest
 * @param data the pairs and pools, as written
 * @param seconds wall time of generating, checking and writing
 */
public record GenerateOutcome(Path directory, GeneratedData data, double seconds) {}
