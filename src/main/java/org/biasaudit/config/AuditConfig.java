package org.biasaudit.config;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every setting of an audit run, typed and validated. This class owns every key of {@code conf/audit.yaml};
 * each default sits beside its key in {@link #load}. The values travel to executors inside Spark closures,
 * so everything here is serializable and immutable.
 */
public record AuditConfig(
    String source,
    Input input,
    Nlp nlp,
    Sentiment sentiment,
    Aggregation aggregation,
    Output output,
    String sparkMaster)
    implements Serializable {

  /** How input records map onto article fields. */
  public record Input(Map<String, String> fieldNames, String txtOutlet, int maxArticleChars) implements Serializable {
    public static final List<String> FIELDS = List.of("id", "outlet", "published", "url", "title", "text");

    /** The source field name that holds the given canonical field. */
    public String sourceField(String canonical) {
      return fieldNames.getOrDefault(canonical, canonical);
    }
  }

  /**
   * What CoreNLP runs and the bounds that keep one article from stalling a stage.
   *
   * @param coref how pronouns and nominal references are resolved to actors: {@code none} (names only),
   *     {@code fast} (the registry's dated titles and the project's pronoun rules) or {@code full} (CoreNLP's
   *     statistical coreference on articles that name an actor)
   */
  public record Nlp(String parser, int maxSentenceTokens, int articleTimeLimitSeconds, String paragraphBreak, String coref)
      implements Serializable {
    public static final List<String> COREF_TIERS = List.of("none", "fast", "full");
  }

  /**
   * How target sentiment is computed: {@code classifier} (the trained target-sentiment model, whose most
   * probable class is the label) or {@code tree} (a tree-distance-weighted mean of CoreNLP's phrase scores,
   * labelled by the thresholds). The thresholds also label the sentence-level baseline in evaluations.
   */
  public record Sentiment(String method, double negativeBelow, double positiveAbove) implements Serializable {
    public static final String CLASSIFIER = "classifier";
    public static final String TREE = "tree";

    public String label(double score) {
      if (score < negativeBelow) {
        return "negative";
      }
      return score > positiveAbove ? "positive" : "neutral";
    }
  }

  /**
   * Grain, statistics and thresholds of the derived tables (everything {@code jobs/aggregate} recomputes),
   * and the similarity above which two articles count as copies of one syndicated story.
   */
  public record Aggregation(String period, int bootstrapSamples, long seed, int minSupport, double confidence,
      boolean excludeSyndicated, double syndicationSimilarity, int framingWindow, double framingPrior,
      int framingMinCount, int framingTopTerms)
      implements Serializable {}

  /** What happens at the output directory. */
  public record Output(boolean overwrite, String compression) implements Serializable {}

  public static final String DEFAULT_MASTER = "local[*]";

  /** The built-in defaults, as if an empty config file were given. */
  public static AuditConfig defaults() {
    return fromMap(Map.of(), "(defaults)");
  }

  public static AuditConfig load(Path file) {
    return fromMap(YamlFiles.loadMap(file), file.toString());
  }

  public static AuditConfig fromMap(Map<String, Object> yaml, String file) {
    ConfigMap root = new ConfigMap(file, "", yaml);
    root.requireOnly(Set.of("input", "nlp", "sentiment", "aggregation", "output", "spark"));

    ConfigMap in = root.section("input");
    in.requireOnly(Set.of("fields", "txt_outlet", "max_article_chars"));
    Map<String, String> fields = in.stringMap("fields");
    for (String key : fields.keySet()) {
      if (!Input.FIELDS.contains(key)) {
        throw new ConfigException(file, "input.fields." + key, "is not an article field",
            "map one of " + Input.FIELDS + " to your input's field name, e.g. 'text: body'");
      }
    }
    Input input = new Input(Map.copyOf(fields), in.string("txt_outlet", null),
        in.integer("max_article_chars", 100_000, 1_000, 50_000_000));

    ConfigMap n = root.section("nlp");
    n.requireOnly(Set.of("parser", "max_sentence_tokens", "article_time_limit_seconds", "paragraph_break", "coref"));
    Nlp nlp = new Nlp(
        n.choice("parser", "sr", List.of("sr", "pcfg")),
        n.integer("max_sentence_tokens", 80, 5, 500),
        n.integer("article_time_limit_seconds", 60, 1, 3600),
        n.choice("paragraph_break", "two", List.of("two", "always", "never")),
        n.choice("coref", "fast", Nlp.COREF_TIERS));

    ConfigMap s = root.section("sentiment");
    s.requireOnly(Set.of("method", "negative_below", "positive_above"));
    Sentiment sentiment = new Sentiment(s.choice("method", Sentiment.CLASSIFIER, List.of(Sentiment.CLASSIFIER, Sentiment.TREE)),
        s.decimal("negative_below", -0.1, -1, 0), s.decimal("positive_above", 0.1, 0, 1));

    ConfigMap a = root.section("aggregation");
    a.requireOnly(Set.of("period", "bootstrap_samples", "seed", "min_support", "confidence", "exclude_syndicated",
        "syndication_similarity", "framing_window", "framing_prior", "framing_min_count", "framing_top_terms"));
    Aggregation aggregation = new Aggregation(
        a.choice("period", "month", List.of("week", "month", "quarter", "year")),
        a.integer("bootstrap_samples", 1000, 100, 100_000),
        a.integer("seed", 20240101, 0, Integer.MAX_VALUE),
        a.integer("min_support", 10, 1, 1_000_000),
        a.decimal("confidence", 0.95, 0.5, 0.999),
        a.bool("exclude_syndicated", false),
        a.decimal("syndication_similarity", 0.6, 0.1, 1.0),
        a.integer("framing_window", 8, 1, 200),
        a.decimal("framing_prior", 100, 0.01, 1e9),
        a.integer("framing_min_count", 3, 1, 1_000_000),
        a.integer("framing_top_terms", 20, 1, 10_000));

    ConfigMap o = root.section("output");
    o.requireOnly(Set.of("overwrite", "compression"));
    Output output = new Output(o.bool("overwrite", false), o.choice("compression", "zstd", List.of("zstd", "snappy", "gzip")));

    ConfigMap sp = root.section("spark");
    sp.requireOnly(Set.of("master"));
    String master = sp.string("master", DEFAULT_MASTER);

    return new AuditConfig(file, input, nlp, sentiment, aggregation, output, master);
  }

  public AuditConfig withOverwrite(boolean overwrite) {
    return new AuditConfig(source, input, nlp, sentiment, aggregation, new Output(overwrite, output.compression()), sparkMaster);
  }

  /** The same settings at another coreference tier ({@code none}, {@code fast}, {@code full}). */
  public AuditConfig withCoref(String tier) {
    if (!Nlp.COREF_TIERS.contains(tier)) {
      throw new ConfigException(source, "nlp.coref", "'" + tier + "' is not allowed", "use one of " + Nlp.COREF_TIERS);
    }
    Nlp n = new Nlp(nlp.parser(), nlp.maxSentenceTokens(), nlp.articleTimeLimitSeconds(), nlp.paragraphBreak(), tier);
    return new AuditConfig(source, input, n, sentiment, aggregation, output, sparkMaster);
  }

  public AuditConfig withSparkMaster(String master) {
    return new AuditConfig(source, input, nlp, sentiment, aggregation, output, master);
  }

  /** The settings as a flat, sorted map, for the manifest and the log. */
  public Map<String, Object> describe() {
    Map<String, Object> out = new TreeMap<>();
    out.put("source", source);
    out.put("input.fields", new LinkedHashMap<>(input.fieldNames()));
    out.put("input.txt_outlet", input.txtOutlet());
    out.put("input.max_article_chars", input.maxArticleChars());
    out.put("nlp.parser", nlp.parser());
    out.put("nlp.max_sentence_tokens", nlp.maxSentenceTokens());
    out.put("nlp.article_time_limit_seconds", nlp.articleTimeLimitSeconds());
    out.put("nlp.paragraph_break", nlp.paragraphBreak());
    out.put("nlp.coref", nlp.coref());
    out.put("sentiment.method", sentiment.method());
    out.put("sentiment.negative_below", sentiment.negativeBelow());
    out.put("sentiment.positive_above", sentiment.positiveAbove());
    out.put("aggregation.period", aggregation.period());
    out.put("aggregation.bootstrap_samples", aggregation.bootstrapSamples());
    out.put("aggregation.seed", aggregation.seed());
    out.put("aggregation.min_support", aggregation.minSupport());
    out.put("aggregation.confidence", aggregation.confidence());
    out.put("aggregation.exclude_syndicated", aggregation.excludeSyndicated());
    out.put("aggregation.syndication_similarity", aggregation.syndicationSimilarity());
    out.put("aggregation.framing_window", aggregation.framingWindow());
    out.put("aggregation.framing_prior", aggregation.framingPrior());
    out.put("aggregation.framing_min_count", aggregation.framingMinCount());
    out.put("aggregation.framing_top_terms", aggregation.framingTopTerms());
    out.put("output.overwrite", output.overwrite());
    out.put("output.compression", output.compression());
    out.put("spark.master", sparkMaster);
    return out;
  }
}
