package org.sycolab.stage;

import java.nio.file.Path;
import java.util.Objects;
import org.sycolab.heads.HeadCard;
import org.sycolab.heads.TrainingTarget;

/**
 * One head a train stage trained, as it was written.
 *
 * @param name its name, {@code <label>-seed<s>}, also its directory's
 * @param target what it learned to prefer
 * @param card its {@code head.json}: architecture, backbone, training, data, history, metrics and
 *     the weights file's digest
 * @param directory where it was written, with {@code head.json} and {@code head.safetensors}
 */
public record TrainedHead(String name, TrainingTarget target, HeadCard card, Path directory) {

  /** Checks every field is present. */
  public TrainedHead {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(directory, "directory");
  }
}
