package org.biasaudit.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.concat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.util.LongAccumulator;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.InputListing;
import org.biasaudit.ingest.ReadSlices;
import org.biasaudit.ingest.RejectReason;
import org.biasaudit.metrics.SyndicatedCopies;
import org.biasaudit.metrics.Periods;
import org.biasaudit.nlp.AnnotatedArticle;
import org.biasaudit.nlp.ArticleAnnotator;
import org.biasaudit.nlp.NlpEngines;
import org.biasaudit.output.AnnotationStore;
import org.biasaudit.output.Observations;
import org.biasaudit.output.OutputDirectory;
import org.biasaudit.output.SecretMasking;
import org.biasaudit.output.TableSchemas;
import org.biasaudit.output.TableWriter;
import org.biasaudit.report.ConsoleSummary;
import org.biasaudit.report.ProgressReporter;

/**
 * One audit run, as a sequence of steps: read the input files, drop duplicate ids, annotate, derive the
 * tables, publish. Each step is a method; the logic of each lives in its own package.
 */
public final class AuditRun {
  /** Everything checked before Spark starts. */
  public record Prepared(AuditOptions options, AuditConfig config, ActorRegistry registry, InputListing listing,
      OutputDirectory output, String runId) {}

  /** What the run wrote: rows per table, where, and how long it took. */
  public record Result(String output, Map<String, Long> rows, long inputRecords, double wallSeconds) {}

  static final int ARTICLES_PER_TASK = 256;
  /** The description of the annotation's Spark jobs: the copy search starts once their annotating stage is queued. */
  static final String ANNOTATION_JOB = "bias-audit: annotate";
  static final int TASKS_PER_CORE = 8;
  /** How many of the annotation store and the tables read from the annotated rows are written at once. */
  static final int CONCURRENT_WRITES = 3;
  /** Every status an annotated row can have: the manifest counts each. */
  private static final List<String> STATUSES = List.of(AnnotatedArticle.ANNOTATED, AnnotatedArticle.NO_ACTOR,
      AnnotatedArticle.TIME_LIMIT, AnnotatedArticle.UNSUPPORTED_LANGUAGE, AnnotateFn.NLP_ERROR);

  private final SparkSession spark;
  private final Prepared prepared;
  private final PrintStream out;
  private final Map<String, Double> timings = new LinkedHashMap<>();
  private final Map<String, Object> annotationCounts = new LinkedHashMap<>();
  private final Map<String, Long> articlesByStatus = new TreeMap<>();
  private final Map<String, Long> syndication = new LinkedHashMap<>();
  /** Rows of the articles, mentions and quotes tables, counted while the annotation store is written. */
  private long articleCount;
  private long mentionCount;
  private long quoteCount;
  private boolean reportWritten;
  /** Drop the models once annotated: set where this run's JVM is its own and the driver is the executor. */
  private final boolean releaseModels;

  /** A run in a JVM shared with other work: the loaded models stay loaded. */
  public AuditRun(SparkSession spark, Prepared prepared, PrintStream out) {
    this(spark, prepared, out, false);
  }

  /**
   * @param ownsJvm the JVM runs nothing after this run (the command line's), so in local mode the models are
   *     dropped once annotated ({@link NlpEngines#release}), leaving their memory to the tables
   */
  public AuditRun(SparkSession spark, Prepared prepared, PrintStream out, boolean ownsJvm) {
    this.spark = spark;
    this.prepared = prepared;
    this.out = out;
    this.releaseModels = ownsJvm && spark.sparkContext().isLocal();
  }

  /**
   * Loads and checks the config, the registry, the inputs and the output directory.
   *
   * @throws org.biasaudit.config.ConfigException on a bad config or registry
   * @throws IllegalArgumentException on a missing input or an unusable output directory
   */
  public static Prepared prepare(AuditOptions options) {
    AuditConfig config = AuditJob.loadConfig(options);
    ActorRegistry registry = AuditJob.loadRegistry(options);
    Configuration hadoop = new Configuration();
    InputListing listing;
    try {
      listing = InputListing.of(options.inputs(), hadoop);
    } catch (IOException e) {
      throw new IllegalArgumentException("--input: " + e.getMessage());
    }
    if (listing.files().isEmpty()) {
      throw new IllegalArgumentException("--input: no readable input files (.jsonl, .jsonl.gz, .csv, .parquet, .txt) under "
          + options.inputs());
    }
    String runId = OutputDirectory.newRunId();
    OutputDirectory output;
    try {
      output = OutputDirectory.prepare(options.output(), config.output().overwrite(), runId, hadoop);
    } catch (IOException e) {
      throw new IllegalArgumentException("--output: " + e.getMessage());
    }
    return new Prepared(options, config, registry, listing, output, runId);
  }

  public Result run() throws IOException {
    long start = System.nanoTime();
    Instant startedAt = Instant.now();
    AuditConfig config = prepared.config();
    OutputDirectory output = prepared.output();
    try {
      out.printf("bias-audit %s: %d input files, %d actors, Spark %s (%s)%n", Versions.project(),
          prepared.listing().files().size(), prepared.registry().actors().size(), spark.version(),
          spark.sparkContext().master());

      if (spark.sparkContext().isLocal()) {
        ArticleAnnotator.loadModelsInBackground(config, prepared.registry());
      }
      Ingested ingest = timed("read", () -> readInputs());
      Dataset<Row> ingested = ingest.rows();
      Dataset<Row> articles = ingested.where(col("kind").equalTo("article"));
      LaterRecords later = laterRecordsOfAnId(spark, articles, LATER_RECORDS_IN_DRIVER);
      Dataset<Row> laterCopies = later.rows();
      // Each article record is either the first of its id (annotated) or a later one (rejected).
      long uniqueArticles = ingest.articles() - later.count();
      String[] record = {"source_file", "source_row"};
      Dataset<Row> unique = articles.join(laterCopies, record, "left_anti");
      Dataset<Row> duplicates = articles.join(laterCopies, record, "left_semi").select(col("source_file"), col("source_row"),
          col("article_id"), lit(RejectReason.DUPLICATE_ID.code()).as("reason_code"),
          concat(lit("id already used by an earlier record; kept the first, in file order")).as("reason"),
          col("text").substr(1, 200).as("excerpt"));
      Dataset<Row> rejected = ingested.where(col("kind").equalTo("rejected"))
          .select(col("source_file"), col("source_row"), col("article_id"), col("reason_code"), col("reason"), col("excerpt"))
          .unionByName(duplicates);

      long inputRecords = ingest.records();
      // Copies are found on the full texts, which the annotated rows no longer carry, beside the annotation; the
      // tables that do not need them are written while what is left of the search ends.
      try (CopySearch copySearch = new CopySearch(spark, () -> SyndicatedCopies.find(spark, unique,
          config.aggregation().syndicationSimilarity(), config.aggregation().seed()))) {
        Annotated annotated = timed("annotate", () -> annotate(unique.withColumn("content_key", AnnotationStore.contentKey()),
            uniqueArticles, copySearch::start));
        long loadMillis = NlpEngines.loadMillis(config.nlp());
        if (loadMillis >= 0) {
          // Local mode: the driver's JVM loaded them (in a cluster each executor does, and the driver never).
          annotationCounts.put("model_load_seconds", round(loadMillis / 1000.0));
        }
        if (releaseModels) {
          NlpEngines.release();
          // One full collection (a fraction of a second) at the step's boundary, rather than many young ones in
          // the 1 GB left beside the old models, or G1's concurrent marking walking them until it finds them dead.
          System.gc();
        }
        try (ClientCompilerOnly lateSteps = spark.sparkContext().isLocal() ? ClientCompilerOnly.start() : null) {
          return writeAndPublish(start, startedAt, inputRecords, annotated, rejected, copySearch, laterCopies);
        }
      }
    } catch (IOException | RuntimeException e) {
      output.abandon();
      throw e;
    }
  }

  /** The steps after annotation: short Spark queries, which in local mode run client-compiled (ClientCompilerOnly). */
  private Result writeAndPublish(long start, Instant startedAt, long inputRecords, Annotated annotated, Dataset<Row> rejected,
      CopySearch copySearch, Dataset<Row> laterCopies) throws IOException {
    OutputDirectory output = prepared.output();
    TableWriter writer = new TableWriter(output, prepared.config().output().compression());
    Map<String, Long> rows = new LinkedHashMap<>();
    timed("write", () -> {
      writeTables(writer, annotated, rejected, copySearch, rows);
      return null;
    });
    // Its last reader, the rejected table, is written.
    laterCopies.unpersist();
    timed("report", () -> {
      writeReport();
      return null;
    });
    double wall = (System.nanoTime() - start) / 1e9;
    long accepted = rows.get("articles");
    if (accepted + rows.get("rejected") != inputRecords) {
      throw new IllegalStateException("record counts do not reconcile: " + inputRecords + " input records, "
          + accepted + " accepted + " + rows.get("rejected") + " rejected");
    }
    output.publish(manifest(startedAt, wall, inputRecords, rows));
    report(rows, inputRecords, wall);
    return new Result(output.target(), rows, inputRecords, wall);
  }

  /** The input records as read, staged once, and their counts, taken as they were staged. */
  private record Ingested(Dataset<Row> rows, long records, long articles) {}

  private Ingested readInputs() {
    int slices = spark.sparkContext().defaultParallelism() * 4;
    List<List<Row>> groups = new ArrayList<>();
    for (List<InputListing.InputFile> group : ReadSlices.balance(prepared.listing().files(), slices)) {
      groups.add(group.stream().map(file -> RowFactory.create(file.path(), file.bytes())).toList());
    }
    Map<String, String> hadoopSettings = new TreeMap<>();
    spark.sparkContext().hadoopConfiguration().forEach(e -> {
      if (e.getKey().startsWith("fs.")) {
        hadoopSettings.put(e.getKey(), e.getValue());
      }
    });
    // One task per group of files, heaviest first (ReadSlices): a slice of the parallelised list per group.
    JavaRDD<Row> files = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(groups, Math.max(1, groups.size()))
        .flatMap(group -> group.iterator());
    Dataset<Row> listed = spark.createDataFrame(files, TableSchemas.INPUT_FILES);
    Dataset<Row> ingested = listed.flatMap(new ReadFilesFn(prepared.config().input(), hadoopSettings),
        Encoders.row(TableSchemas.INGESTED));
    // Materialise once: the records are split into articles and rejections, and deduplicated. They are counted
    // on the way (an observation), not in a query of their own.
    String path = prepared.output().workPath("ingested");
    Observation counts = new Observation("input records");
    ingested.observe(counts, count(lit(1)).as("records"), count_if(col("kind").equalTo("article")).as("articles"))
        .write().parquet(path);
    Map<String, Object> observed = Observations.await(counts);
    return new Ingested(spark.read().schema(TableSchemas.INGESTED).parquet(path), Observations.count(observed, "records"),
        Observations.count(observed, "articles"));
  }

  private void recordCopies(SyndicatedCopies.Found copies) {
    syndication.put("articles_in_groups", copies.articlesInGroups());
    syndication.put("groups", copies.groupCount());
    if (copies.articlesInGroups() > 0) {
      out.printf("Syndicated copies: %d articles in %d groups of copies%n", copies.articlesInGroups(), copies.groupCount());
    }
  }

  /**
   * The records whose id an earlier record (in file order) already used: {@code source_file} and
   * {@code source_row} of each. They are found on the ids and positions alone, so that the copy search, the
   * count and the annotation each drop them with a join on the positions instead of shuffling every text by id
   * (three shuffles of the whole corpus).
   */
  record LaterRecords(Dataset<Row> rows, long count) {}

  /** Up to this many later records are held in the driver (about 100 bytes each), as a local table. */
  static final int LATER_RECORDS_IN_DRIVER = 100_000;

  /**
   * Finds the later records of an id. Up to {@code inDriver} of them (usually there are none) become a table
   * held in the driver: the joins that drop them then need no Spark job to broadcast them (the annotation and
   * the copy search each ran one, and the search's waited for a free task slot), and none at all when there
   * are none, since Spark drops a join with an empty table from the plan. More stay cached, and the planner
   * joins them as their size allows.
   */
  static LaterRecords laterRecordsOfAnId(SparkSession spark, Dataset<Row> articles, int inDriver) {
    Dataset<Row> later = articles.select(col("article_id"), col("source_file"), col("source_row"))
        .withColumn("copy", row_number().over(Window.partitionBy(col("article_id")).orderBy(col("source_file"), col("source_row"))))
        .where(col("copy").gt(1))
        .select(col("source_file"), col("source_row"))
        .cache();
    // Materialised now, so the planner knows how small they are when it plans the joins.
    long count = later.count();
    if (count > inDriver) {
      return new LaterRecords(later, count);
    }
    List<Row> rows = count == 0 ? List.of() : later.collectAsList();
    later.unpersist();
    return new LaterRecords(spark.createDataFrame(rows, later.schema()), count);
  }

  /**
   * Annotates the articles the store does not already hold for these settings, and joins the stored
   * results of the others back onto their (current) article fields.
   *
   * @param unique how many articles there are: the count of {@code articles}, known from the read
   * @param queued called once the annotation's annotating stage is queued, and again once it has ended (where
   *     there was nothing to annotate, or no such stage, the second call is the first)
   */
  private Annotated annotate(Dataset<Row> articles, long unique, Runnable queued) throws IOException {
    String settingsKey = AnnotationStore.settingsKey(prepared.config(), prepared.registry(), Versions.project());
    Dataset<Row> stored = AnnotationStore.read(spark, prepared.output().target(), settingsKey);
    Dataset<Row> fresh = articles;
    Dataset<Row> reused = null;
    if (stored != null) {
      // An article whose annotation failed (nlp_error) is annotated again rather than reused: the failure may
      // have been the machine's (memory), not the article's.
      Dataset<Row> hits = stored.where(col("status").notEqual(AnnotateFn.NLP_ERROR))
          .dropDuplicates("content_key").drop("settings_key");
      fresh = articles.join(hits.select("content_key"), articles.col("content_key").equalTo(hits.col("content_key")), "left_anti");
      Dataset<Row> joined = articles.join(hits, "content_key");
      reused = joined.select(Arrays.stream(TableSchemas.ANNOTATED.fieldNames()).map(c -> col(c)).toArray(Column[]::new));
    }
    long total = stored == null ? unique : fresh.count();
    long reusedCount = reused == null ? 0 : reused.count();
    annotationCounts.put("annotated", total);
    annotationCounts.put("reused", reusedCount);
    annotationCounts.put("settings_key", settingsKey);
    out.printf("Annotating %d articles; reusing %d from the annotation store%n", total, reusedCount);
    // The write of the annotated rows reads each once: the tables' row counts and the manifest's counts by
    // status are taken on the way (an observation: counted once per partition, even when a task is retried)
    // rather than in a pass of their own.
    Observation counts = new Observation("annotated rows");
    Dataset<Row> result = annotateFresh(fresh, total, reused == null ? counts : null, queued);
    if (reused != null) {
      // Fresh and reused results in one place, so that later steps read the union once.
      String path = prepared.output().workPath("annotated");
      counted(result.unionByName(reused), counts).write().parquet(path);
      result = spark.read().schema(TableSchemas.ANNOTATED).parquet(path);
    }
    recordCounts(counts);
    return new Annotated(result, settingsKey);
  }

  /** The annotated rows of every accepted article, and what the annotation store needs to keep them. */
  private record Annotated(Dataset<Row> rows, String settingsKey) {}

  private static Dataset<Row> counted(Dataset<Row> rows, Observation counts) {
    Column[] columns = countColumns();
    return rows.observe(counts, columns[0], Arrays.copyOfRange(columns, 1, columns.length));
  }

  /** @param counts observes the annotated rows as they are written; null when the caller counts them elsewhere */
  private Dataset<Row> annotateFresh(Dataset<Row> unique, long total, Observation counts, Runnable queued) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ActorRegistry> registry = jsc.broadcast(prepared.registry());
    LongAccumulator done = spark.sparkContext().longAccumulator("articles annotated");
    LongAccumulator sameContent = spark.sparkContext().longAccumulator("articles with the content of another");
    int partitions = annotationTasks(total, spark.sparkContext().defaultParallelism());
    // By content key, so that articles with the same title, text and date meet in one task, next to each
    // other, and are annotated once (AnnotateFn).
    Dataset<Row> annotated = unique.repartition(partitions, col("content_key")).sortWithinPartitions(col("content_key"))
        .mapPartitions(new AnnotateFn(prepared.config(), registry, done, sameContent), Encoders.row(TableSchemas.ANNOTATED));
    if (counts != null) {
      annotated = counted(annotated, counts);
    }
    String path = prepared.output().workPath("fresh");
    try (ProgressReporter progress = new ProgressReporter("annotating", total, done::value, out, Duration.ofSeconds(5));
        CopySearch.Listening annotating = CopySearch.whenStageAfterShuffleQueued(spark, ANNOTATION_JOB, queued)) {
      spark.sparkContext().setJobDescription(ANNOTATION_JOB);
      annotated.write().parquet(path);
    } finally {
      spark.sparkContext().setJobDescription(null);
      queued.run();
    }
    annotationCounts.put("same_content", sameContent.value());
    if (sameContent.value() > 0) {
      out.printf("%d of the %d had the title, text and date of another and took its results%n", sameContent.value(), total);
    }
    return spark.read().schema(TableSchemas.ANNOTATED).parquet(path);
  }

  /**
   * How many tasks annotate {@code articles}: about {@value #ARTICLES_PER_TASK} articles each, at least
   * {@value #TASKS_PER_CORE} per core, at most 20,000. Each task has a fixed cost that the articles share:
   * scheduling, deserialising the function, an annotator, a Parquet file and its commit, and the JIT compiling
   * Spark's per-task code as the count of tasks grows. At 10,000 articles on 2 cores, 40 tasks of 256 annotated
   * faster than 79 of 128 and 313 of 32 (docs/benchmarks.md, seventh round). The floor per core keeps the
   * stage's tail short on small corpora: the last task of a core runs while the other core may have none left.
   */
  static int annotationTasks(long articles, int cores) {
    long byCores = Math.min(articles, (long) cores * TASKS_PER_CORE);
    long bySize = Math.min((articles + ARTICLES_PER_TASK - 1) / ARTICLES_PER_TASK, 20_000);
    return (int) Math.max(1, Math.max(byCores, bySize));
  }

  private static Column[] countColumns() {
    List<Column> columns = new ArrayList<>(List.of(count(lit(1)).as("articles"),
        coalesce(sum(size(col("mentions"))), lit(0L)).as("mentions"), coalesce(sum(size(col("quotes"))), lit(0L)).as("quotes")));
    for (String status : STATUSES) {
      columns.add(count_if(col("status").equalTo(status)).as("status " + status));
    }
    return columns.toArray(Column[]::new);
  }

  private void recordCounts(Observation counts) {
    Map<String, Object> observed = Observations.await(counts);
    articleCount = Observations.count(observed, "articles");
    mentionCount = Observations.count(observed, "mentions");
    quoteCount = Observations.count(observed, "quotes");
    long byStatus = 0;
    for (String status : STATUSES) {
      long n = Observations.count(observed, "status " + status);
      if (n > 0) {
        articlesByStatus.put(status, n);
      }
      byStatus += n;
    }
    if (byStatus != articleCount) {
      throw new IllegalStateException(articleCount + " annotated rows, but " + byStatus + " with a known status: a status is"
          + " missing from AuditRun.STATUSES");
    }
  }

  /**
   * Writes the annotation store and every table, {@value #CONCURRENT_WRITES} at a time ({@link ConcurrentWrites}).
   * The mentions, the quotes and the store need no copy groups: they are written while what is left of the copy
   * search ends. The articles table carries each article's group, so it waits for the search; the derived tables
   * start as soon as the three they read (articles, mentions, quotes) are staged.
   */
  private void writeTables(TableWriter writer, Annotated annotated, Dataset<Row> rejected, CopySearch copySearch,
      Map<String, Long> rows) throws IOException {
    Dataset<Row> rowsOfArticles = annotated.rows();
    Dataset<Row> mentions = rowsOfArticles
        .select(col("article_id"), col("outlet"), col("published"), explode(col("mentions")).as("m"))
        .select(col("article_id"), col("outlet"), col("published"), col("m.*"));
    Dataset<Row> quotes = rowsOfArticles
        .select(col("article_id"), col("outlet"), col("published"), explode(col("quotes")).as("q"))
        .select(col("article_id"), col("outlet"), col("published"), col("q.*"));
    List<Row> actors = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Actor actor : prepared.registry().actors()) {
      actors.add(RowFactory.create(actor.id(), actor.name(), actor.kind(), SparkValues.seq(actor.aliases()),
          SparkValues.map(new TreeMap<>(actor.attributes()))));
      names.put(actor.id(), actor.name());
    }
    Dataset<Row> actorRows = spark.createDataFrame(actors, TableSchemas.ACTORS);

    Map<String, Long> derived = new LinkedHashMap<>();
    try (ConcurrentWrites writes = new ConcurrentWrites(CONCURRENT_WRITES, "table-writer")) {
      Future<Long> mentionsWritten = writes.submit(() -> writer.write("mentions", mentions, mentionCount,
          "actor_id", "published", "outlet", "article_id", "field", "char_begin"));
      Future<Long> quotesWritten = writes.submit(() ->
          writer.write("quotes", quotes, quoteCount, "outlet", "published", "article_id", "quote_index"));
      Future<Void> storeWritten = writes.submit(() -> {
        AnnotationStore.write(rowsOfArticles, annotated.settingsKey(), prepared.output(), prepared.config().output().compression(),
            AnnotationStore.files(articleCount, spark.sparkContext().defaultParallelism()));
        return null;
      });
      // What the search takes after the annotation: the part of it that neither the annotation's last tasks nor
      // the writes above hid.
      SyndicatedCopies.Found copies = timed("syndication", copySearch::result);
      recordCopies(copies);
      // Counted in annotate(); the left join on the copy groups keeps one row per article.
      Dataset<Row> articleRows = rowsOfArticles.select(articleColumns())
          .join(copies.groups(), new String[] {"article_id"}, "left");
      Future<Long> articlesWritten = writes.submit(() ->
          writer.write("articles", articleRows, articleCount, "outlet", "published", "article_id"));
      Future<Long> rejectedWritten = writes.submit(() -> writer.write("rejected", rejected, "source_file", "source_row", "reason_code"));
      Future<Long> actorsWritten = writes.submit(() -> writer.write("actors", actorRows, "actor_id"));

      long articleRowsWritten = ConcurrentWrites.await(articlesWritten);
      long mentionRowsWritten = ConcurrentWrites.await(mentionsWritten);
      long quoteRowsWritten = ConcurrentWrites.await(quotesWritten);
      Dataset<Row> mentionTable = spark.read().parquet(prepared.output().stagingPath("mentions"));
      Dataset<Row> quoteTable = spark.read().parquet(prepared.output().stagingPath("quotes"));
      Dataset<Row> articleTable = spark.read().parquet(prepared.output().stagingPath("articles"));
      DerivedTableStep.write(spark, writer, articleTable, mentionTable, quoteTable, names, prepared.config().aggregation(),
          derived, timings);

      // The manifest lists the tables in this order.
      rows.put("articles", articleRowsWritten);
      rows.put("rejected", ConcurrentWrites.await(rejectedWritten));
      rows.put("mentions", mentionRowsWritten);
      rows.put("quotes", quoteRowsWritten);
      rows.put("actors", ConcurrentWrites.await(actorsWritten));
      rows.putAll(derived);
      ConcurrentWrites.await(storeWritten);
    }
  }

  /** The columns of the articles table that come from the annotated rows (the copy group is joined on). */
  private static Column[] articleColumns() {
    List<Column> columns = new ArrayList<>();
    for (String name : TableSchemas.ARTICLE_COLUMNS.fieldNames()) {
      columns.add(col(name));
    }
    columns.add(size(col("mentions")).as("mention_count"));
    columns.add(size(col("quotes")).as("quote_count"));
    return columns.toArray(Column[]::new);
  }

  /** The report is a view of the tables: a failure to draw it is reported and does not fail the audit. */
  private void writeReport() throws IOException {
    try {
      String html = ReportStep.render(spark, prepared.output()::stagingPath,
          "bias-audit report: " + new org.apache.hadoop.fs.Path(prepared.output().target()).getName(), prepared.runId());
      prepared.output().writeText(ReportStep.FILE, html);
      reportWritten = true;
    } catch (RuntimeException e) {
      out.println("report.html not written: " + e);
    }
  }

  private String manifest(Instant startedAt, double wall, long inputRecords, Map<String, Long> rows)
      throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("tool", "bias-audit");
    manifest.put("run_id", prepared.runId());
    manifest.put("started_at", startedAt.toString());
    manifest.put("finished_at", Instant.now().toString());
    manifest.put("wall_seconds", round(wall));
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("bias_audit", Versions.project());
    versions.put("spark", spark.version());
    versions.put("corenlp", Versions.corenlp());
    versions.put("java", System.getProperty("java.version"));
    manifest.put("versions", versions);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("paths", prepared.options().inputs());
    inputs.put("files", prepared.listing().files().stream().map(InputListing.InputFile::path).toList());
    inputs.put("skipped_files", prepared.listing().skipped());
    inputs.put("records", inputRecords);
    manifest.put("inputs", inputs);
    manifest.put("actors", Map.of("registry", prepared.registry().source(), "count", prepared.registry().actors().size()));
    manifest.put("config", prepared.config().describe());
    Map<String, String> sparkSettings = new TreeMap<>();
    for (scala.Tuple2<String, String> entry : spark.sparkContext().getConf().getAll()) {
      sparkSettings.put(entry._1(), entry._2());
    }
    spark.sparkContext().hadoopConfiguration().forEach(e -> {
      if (e.getKey().startsWith("fs.s3a.") || e.getKey().startsWith("fs.azure") || e.getKey().startsWith("fs.gs.")) {
        sparkSettings.put(e.getKey(), e.getValue());
      }
    });
    manifest.put("spark_settings", SecretMasking.mask(sparkSettings));
    manifest.put("tables", rows);
    manifest.put("articles_by_status", articlesByStatus);
    manifest.put("annotation", annotationCounts);
    manifest.put("syndication", syndication);
    manifest.put("timings_seconds", timings);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest);
  }

  private void report(Map<String, Long> rows, long inputRecords, double wall) {
    long annotatedArticles = (Long) annotationCounts.get("annotated");
    Dataset<Row> summary = spark.read().parquet(prepared.output().target() + "/actor_outlet_summary")
        .where(col("period").equalTo(Periods.ALL)).orderBy(col("actor_id"), col("outlet"));
    List<ConsoleSummary.Line> lines = new ArrayList<>();
    for (Row r : summary.collectAsList()) {
      lines.add(new ConsoleSummary.Line(r.getAs("actor_id"), r.getAs("outlet"), r.<Long>getAs("articles"),
          r.<Long>getAs("mentions"), r.getAs("mean_target_sentiment"), r.getAs("ci_low"), r.getAs("ci_high"),
          r.<Boolean>getAs("low_support")));
    }
    out.println();
    out.print(ConsoleSummary.format(lines));
    out.println();
    out.printf("Input records: %d = %d accepted + %d rejected%n", inputRecords, rows.get("articles"), rows.get("rejected"));
    for (Map.Entry<String, Long> table : rows.entrySet()) {
      out.printf("  %-22s %8d rows  %s/%s%n", table.getKey(), table.getValue(), prepared.output().target(), table.getKey());
    }
    out.printf("  %-22s %s/%s%n", "manifest", prepared.output().target(), OutputDirectory.MANIFEST);
    if (reportWritten) {
      out.printf("  %-22s %s/%s%n", "report", prepared.output().target(), ReportStep.FILE);
    }
    double annotateSeconds = timings.getOrDefault("annotate", 0.0);
    out.printf("Wall time %s; annotation %.1f s for %d articles (%.2f articles/s), %d reused from the annotation store%n",
        ProgressReporter.formatDuration(wall), annotateSeconds, annotatedArticles,
        annotateSeconds > 0 ? annotatedArticles / annotateSeconds : 0.0, (Long) annotationCounts.get("reused"));
  }

  private interface Step<T> {
    T run() throws IOException;
  }

  private <T> T timed(String name, Step<T> step) throws IOException {
    long start = System.nanoTime();
    T result = step.run();
    timings.put(name, round((System.nanoTime() - start) / 1e9));
    return result;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }
}
