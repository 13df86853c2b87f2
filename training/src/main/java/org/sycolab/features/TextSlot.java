package org.sycolab.features;

import java.util.ArrayList;
import java.util.List;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;

/**
 * One text of a dataset record: a pair's {@code chosen} or {@code rejected} response, or a pool's
 * candidate {@code i}, with its prompt.
 *
 * @param recordId the record's id
 * @param slot {@code chosen}, {@code rejected} or {@code candidate:<i>}
 * @param text the prompt and the response
 */
public record TextSlot(String recordId, String slot, PairText text) {

  /** Every text of the records, in file order. */
  public static List<TextSlot> of(List<? extends DatasetRecord> records) {
    List<TextSlot> slots = new ArrayList<>();
    for (DatasetRecord record : records) {
      if (record instanceof PreferencePair pair) {
        slots.add(new TextSlot(pair.id(), "chosen", new PairText(pair.prompt(), pair.chosen())));
        slots.add(
            new TextSlot(pair.id(), "rejected", new PairText(pair.prompt(), pair.rejected())));
      } else if (record instanceof CandidatePool pool) {
        List<Candidate> candidates = pool.candidates();
        for (int i = 0; i < candidates.size(); i++) {
          slots.add(
              new TextSlot(
                  pool.id(),
                  "candidate:" + i,
                  new PairText(pool.prompt(), candidates.get(i).text())));
        }
      }
    }
    return slots;
  }
}
