package org.sycolab.data.probes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Premise;
import org.sycolab.data.probes.facts.Fact;
import org.sycolab.data.probes.facts.FactTable;
import org.sycolab.data.probes.facts.FactTables;
import org.sycolab.data.probes.facts.Plan;
import org.sycolab.data.probes.facts.TechPlans;

/**
 * Generates sycophancy probes from checkable facts, plans and sources: for each probe one agreeable
 * and one grounded preference pair and one candidate pool. Families come in equal shares, controls
 * (the user is right) at the configured share within each family, domains in turn within a family,
 * facts in a seeded order; every probe draws from its own random stream, so the output depends only
 * on the configuration.
 */
public final class ProbeGenerator {

  private static final int POOL_ATTEMPTS = 20;

  private final List<FactTable> tables;
  private final List<Plan> plans;

  /** Per plan, the other plan on the nearest topic (for wrong corrections). */
  private final List<Plan> nearestPlans;

  private final List<SourceScenario> scenarios;

  ProbeGenerator(List<FactTable> tables, List<Plan> plans, List<SourceScenario> scenarios) {
    this.tables = List.copyOf(tables);
    this.plans = List.copyOf(plans);
    this.scenarios = List.copyOf(scenarios);
    List<Set<String>> words = this.plans.stream().map(ProbeGenerator::topicWords).toList();
    this.nearestPlans =
        IntStream.range(0, this.plans.size()).mapToObj(i -> nearestOther(i, words)).toList();
  }

  /** The generator over the project's fact tables, plans and sources. */
  public static ProbeGenerator standard() {
    return new ProbeGenerator(FactTables.all(), TechPlans.all(), SourceScenario.ALL);
  }

  /** Every domain this generator can draw on, sorted. */
  public List<String> domains() {
    TreeSet<String> domains = new TreeSet<>();
    tables.forEach(t -> domains.add(t.domain()));
    plans.forEach(p -> domains.add(p.domain()));
    domains.add(SourceProbes.DOMAIN);
    return List.copyOf(domains);
  }

  /**
   * Generates the dataset.
   *
   * @throws IllegalArgumentException when the held-out domain is not one of {@link #domains}
   */
  public GeneratedData generate(GeneratorConfig config) {
    return generate(config, probe -> {});
  }

  /**
   * Generates the dataset, reporting each finished probe (its index) to {@code progress}.
   *
   * @throws IllegalArgumentException when the held-out domain is not one of {@link #domains}
   */
  public GeneratedData generate(GeneratorConfig config, IntConsumer progress) {
    if (!domains().contains(config.heldoutDomain())) {
      throw new IllegalArgumentException(
          "--heldout-domain '" + config.heldoutDomain() + "': expected one of " + domains());
    }
    Orders orders = new Orders(config.seed());
    int probes = (config.pairs() + 1) / 2;
    List<PreferencePair> pairs = new ArrayList<>(config.pairs());
    List<CandidatePool> pools = new ArrayList<>(probes);
    Map<Family, Integer> perFamily = new EnumMap<>(Family.class);
    for (int i = 0; i < probes; i++) {
      Family family = config.families().get(i % config.families().size());
      int j = perFamily.merge(family, 1, Integer::sum) - 1;
      Premise premise = isControl(j, config.controlShare()) ? Premise.TRUE : Premise.FALSE;
      SplittableRandom random = new SplittableRandom(config.seed() * 1_000_003L + i);
      Probe probe = probe(family, premise, j, orders, random);
      String id =
          probe.domain() + "-" + abbreviation(probe) + "-" + String.format(Locale.ROOT, "%05d", i);
      Map<String, Object> meta = meta(probe, config);
      pairs.add(pair(probe, id, Label.AGREEABLE, meta, random));
      if (pairs.size() < config.pairs()) {
        pairs.add(pair(probe, id, Label.GROUNDED, meta, random));
      }
      pools.add(pool(probe, id, meta, random));
      progress.accept(i);
    }
    return new GeneratedData(pairs, pools);
  }

  /**
   * Whether a family's {@code j}-th probe is a control: controls are spread evenly, so that any
   * prefix of a family's probes holds the share asked for, rounded down.
   */
  static boolean isControl(int j, double share) {
    return Math.floor((j + 1) * share) > Math.floor(j * share);
  }

  /**
   * The id's family letters: the written family's, with a {@code c} for other families' controls.
   */
  private static String abbreviation(Probe probe) {
    Family written = Family.fromJson(probe.writtenFamily()).orElseThrow();
    boolean twinNamed = written != probe.family();
    return written.abbreviation() + (probe.control() && !twinNamed ? "c" : "");
  }

  private Probe probe(
      Family family, Premise premise, int j, Orders orders, SplittableRandom random) {
    Persona persona = Persona.values()[random.nextInt(Persona.values().length)];
    int template = random.nextInt(840); // a multiple of every template count
    switch (family) {
      case BAIT -> {
        int index = orders.next("bait", plans.size(), j);
        return PlanProbes.build(
            plans.get(index), nearestPlans.get(index), premise, template, persona, random);
      }
      case INACCESSIBLE_SOURCE -> {
        int asks = scenarios.get(0).asks().size();
        int index = orders.next("sources", scenarios.size() * asks, j);
        return SourceProbes.build(
            scenarios.get(index / asks), index % asks, premise, template, persona, random);
      }
      default -> {
        FactTable table = tables.get(j % tables.size());
        List<Fact> facts = table.facts();
        int index = orders.next(family + "/" + table.domain(), facts.size(), j / tables.size());
        Fact fact = facts.get(index);
        if (family == Family.ACCUSATION) {
          return AccusationProbes.build(premise, fact, template, persona, random);
        }
        Optional<Alternative> alternative = Alternative.of(fact, facts, index + 1);
        return ClaimProbes.build(family, premise, fact, alternative, template, persona, random);
      }
    }
  }

  /**
   * The plan sharing the most words with plan {@code index} (goal and plan, words of four letters
   * or more), so a wrong correction proposes something on the same topic.
   */
  private Plan nearestOther(int index, List<Set<String>> words) {
    int best = -1;
    int bestShared = -1;
    for (int i = 0; i < plans.size(); i++) {
      if (i == index) {
        continue;
      }
      Set<String> shared = new HashSet<>(words.get(i));
      shared.retainAll(words.get(index));
      if (shared.size() > bestShared) {
        best = i;
        bestShared = shared.size();
      }
    }
    return plans.get(best);
  }

  private static Set<String> topicWords(Plan plan) {
    Set<String> words = new HashSet<>();
    for (String w :
        (plan.goal() + " " + plan.plan()).toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (w.length() >= 4) {
        words.add(w);
      }
    }
    return words;
  }

  private static PreferencePair pair(
      Probe probe, String id, Label label, Map<String, Object> base, SplittableRandom random) {
    boolean agreeable = label == Label.AGREEABLE;
    AnswerKind chosenKind = agreeable ? probe.agreeableKind() : probe.groundedKind();
    AnswerKind rejectedKind = probe.rejectedKind(agreeable);
    Style chosenStyle = chosenStyle(probe, agreeable, random);
    Style rejectedStyle = style(random);
    String chosen = probe.answers().write(chosenKind, chosenStyle, random);
    String rejected = probe.answers().write(rejectedKind, rejectedStyle, random);
    for (int attempt = 0; chosen.equals(rejected) && attempt < POOL_ATTEMPTS; attempt++) {
      rejectedStyle = style(random);
      rejected = probe.answers().write(rejectedKind, rejectedStyle, random);
    }
    Map<String, Object> meta = new LinkedHashMap<>(base);
    meta.put("kind_chosen", chosenKind.jsonName());
    meta.put("kind_rejected", rejectedKind.jsonName());
    meta.put("style_chosen", chosenStyle.jsonName());
    meta.put("style_rejected", rejectedStyle.jsonName());
    String suffix = label == Label.AGREEABLE ? "-a" : "-g";
    return new PreferencePair(id + suffix, probe.prompt(), chosen, rejected, label, meta);
  }

  private static CandidatePool pool(
      Probe probe, String id, Map<String, Object> meta, SplittableRandom random) {
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Boolean> seen = new HashMap<>();
    for (AnswerKind kind : probe.poolKinds()) {
      for (int attempt = 0; attempt < POOL_ATTEMPTS; attempt++) {
        String text = probe.answers().write(kind, style(random), random);
        if (seen.putIfAbsent(text, Boolean.TRUE) == null) {
          candidates.add(new Candidate(text, kind.truthful(), kind.agrees(), kind.jsonName()));
          break;
        }
      }
    }
    shuffle(candidates, random);
    Map<String, Object> poolMeta = new LinkedHashMap<>(meta);
    poolMeta.remove("family");
    poolMeta.remove("domain");
    poolMeta.remove("premise");
    return new CandidatePool(
        id,
        probe.prompt(),
        probe.premise(),
        probe.domain(),
        probe.writtenFamily(),
        candidates,
        poolMeta);
  }

  private static Map<String, Object> meta(Probe probe, GeneratorConfig config) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("family", probe.writtenFamily());
    meta.put("domain", probe.domain());
    meta.put("premise", probe.premise().jsonName());
    meta.put("split", probe.split().jsonName());
    meta.put(
        "domain_split", probe.domain().equals(config.heldoutDomain()) ? "heldout" : "in-domain");
    meta.put("template", probe.template());
    meta.put("persona", probe.persona().jsonName());
    meta.put("fact", probe.key());
    return meta;
  }

  /**
   * The style of a pair's chosen answer. In the accusation family the agreeable answer compliments
   * the accusation (its warm style) and the grounded one never does; elsewhere styles are drawn
   * alike for both labels.
   */
  private static Style chosenStyle(Probe probe, boolean agreeable, SplittableRandom random) {
    if (probe.family() != Family.ACCUSATION) {
      return style(random);
    }
    if (agreeable) {
      return Style.WARM;
    }
    List<Style> plain = List.of(Style.TERSE, Style.HEDGED, Style.DETAILED);
    return plain.get(random.nextInt(plain.size()));
  }

  private static Style style(SplittableRandom random) {
    return Style.values()[random.nextInt(Style.values().length)];
  }

  private static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(k));
      list.set(k, tmp);
    }
  }

  /** Seeded permutations, one per family and domain, cycled so every fact is used evenly. */
  private static final class Orders {
    private final long seed;
    private final Map<String, int[]> permutations = new HashMap<>();

    Orders(long seed) {
      this.seed = seed;
    }

    int next(String name, int size, int position) {
      int[] order =
          permutations.computeIfAbsent(
              name,
              n -> {
                int[] p = new int[size];
                for (int i = 0; i < size; i++) {
                  p[i] = i;
                }
                SplittableRandom random =
                    new SplittableRandom(seed ^ n.hashCode() * 0x9E3779B97F4A7C15L);
                for (int i = size - 1; i > 0; i--) {
                  int k = random.nextInt(i + 1);
                  int tmp = p[i];
                  p[i] = p[k];
                  p[k] = tmp;
                }
                return p;
              });
      return order[position % size];
    }
  }
}
