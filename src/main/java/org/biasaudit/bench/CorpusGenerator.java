package org.biasaudit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic news corpora of any size for scale runs: wire-style articles of 300-1,500 words from
 * several outlets over a year, a configurable share of which name tracked actors (with evaluative and
 * neutral sentences and quotes), the rest local news that names none. The same seed gives the same corpus.
 *
 * <p>Real corpora also hold copies, which a corpus without them does not exercise: the same story crawled
 * under a second URL or reprinted verbatim (same title, text and date; the audit annotates it once), and
 * wire stories that other outlets carry with their own headline, a dateline and the last paragraph cut
 * (near-copies that the audit's copy search groups). A configurable share of the articles are such copies
 * of earlier ones, half of each kind; with a share of 0 the corpus is the same as without the option.
 *
 * <p>Usage: {@code jobs/generate-corpus --articles N --output DIR [--actor-share 0.33] [--copy-share 0]
 * [--outlets 6] [--seed 1]}
 */
public final class CorpusGenerator {
  private static final String[] OUTLETS = {"Harbor Courier", "Plains Gazette", "Metro Ledger", "Summit Times",
      "River Wire", "Coastal Standard", "Northern Post", "Capital Dispatch"};
  private static final String[][] ACTORS = {
      {"Vladimir Putin", "Putin", "the Russian president"}, {"Donald Trump", "Trump", "the former president"},
      {"Joe Biden", "Biden", "the president"}, {"Volodymyr Zelensky", "Zelensky", "the Ukrainian leader"},
      {"Kamala Harris", "Harris", "the vice president"}, {"Xi Jinping", "Xi", "the Chinese leader"},
      {"Emmanuel Macron", "Macron", "the French president"}, {"Benjamin Netanyahu", "Netanyahu", "the Israeli prime minister"},
      {"Mitch McConnell", "McConnell", "the Senate Republican leader"}, {"Olaf Scholz", "Scholz", "the German chancellor"}};
  private static final String[] TOPICS = {"the budget", "energy prices", "the border", "military aid", "trade talks",
      "the ceasefire proposal", "interest rates", "the election", "sanctions", "the climate summit", "grain exports",
      "the infrastructure bill"};
  private static final String[] POSITIVE = {"a skilled and steady", "a widely praised", "a determined and effective",
      "an admirable", "a confident"};
  private static final String[] NEGATIVE = {"a weak and confused", "a reckless", "a widely criticised", "a corrupt and cynical",
      "an erratic"};
  private static final String[] ACTOR_VERBS = {"met officials to discuss", "issued a statement on", "spoke at length about",
      "announced new measures on", "was asked about", "sent advisers to negotiate", "held a call about"};
  private static final String[] PLACES = {"Brussels", "Washington", "Kyiv", "Paris", "Berlin", "Geneva", "Warsaw", "Ankara"};
  private static final String[] LOCAL_SUBJECTS = {"The city council", "The school board", "A local bakery", "The county fair",
      "The regional hospital", "The harbour authority", "The transit agency", "The public library", "A youth football club",
      "The water utility"};
  private static final String[] LOCAL_BODIES = {"city council", "school board", "bakery association", "county fair committee",
      "regional hospital", "harbour authority", "transit agency", "public library", "youth football club", "water utility"};
  private static final String[] SYLLABLES = {"var", "nor", "tel", "bra", "kin", "dal", "mos", "ver", "lan", "tro", "bel", "fen",
      "gar", "hol", "ist", "jor", "kel", "mar", "nes", "pol", "ran", "sel", "tam", "ud", "wil", "zor", "ash", "cor", "dun", "eld"};
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
  private static final String[] LOCAL_VERBS = {"approved a plan to repair", "reported a rise in demand for",
      "opened a new branch near", "postponed the vote on", "received a grant for", "held a public meeting about",
      "published figures on", "hired contractors to rebuild"};
  private static final String[] LOCAL_OBJECTS = {"the old bridge", "the north parking lot", "summer reading programs",
      "the ferry timetable", "the storm drains", "the market square", "evening bus routes", "the sports hall",
      "the riverside path", "the primary school roof"};
  private static final String[] HEADLINE_PREFIXES = {"Update: ", "World: ", "Analysis: ", "Politics: ", "Latest: "};
  private static final String[] CLOSERS = {"Officials said more details would follow next week.",
      "The figures will be reviewed again in the spring.", "Residents can comment until the end of the month.",
      "Analysts expect the debate to continue.", "No date has been set for a final decision."};

  private final SplittableRandom random;

  public CorpusGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** What an article is a copy of, if anything. */
  public enum Copy {
    /** Written for this corpus. */
    NONE,
    /** An earlier article again under a new id: the same title, text and date (a second URL, a verbatim reprint). */
    REPOST,
    /** An earlier wire story carried by another outlet: its own headline, a dateline, the last paragraph cut. */
    WIRE_COPY
  }

  /** One generated article; {@code copyOf} is the id of the article it copies ({@code null} for an original). */
  public record Article(String id, String outlet, LocalDate published, String title, String text, boolean namesActors,
      Copy copy, String copyOf) {
    Article(String id, String outlet, LocalDate published, String title, String text, boolean namesActors) {
      this(id, outlet, published, title, text, namesActors, Copy.NONE, null);
    }
  }

  /** A corpus without copies. */
  public List<Article> generate(int count, double actorShare, int outlets) {
    return generate(count, actorShare, outlets, 0);
  }

  /**
   * @param copyShare the share of articles (after the first) that copy an earlier original, half of them
   *     {@link Copy#REPOST}s and half {@link Copy#WIRE_COPY}s
   */
  public List<Article> generate(int count, double actorShare, int outlets, double copyShare) {
    if (copyShare < 0 || copyShare >= 1) {
      throw new IllegalArgumentException("copy share must be in [0, 1): " + copyShare);
    }
    List<Article> articles = new ArrayList<>(count);
    List<Article> originals = new ArrayList<>();
    LocalDate start = LocalDate.of(2024, 1, 1);
    for (int i = 0; i < count; i++) {
      String outlet = OUTLETS[i % Math.min(outlets, OUTLETS.length)];
      // Drawn only when copies are asked for, so that a share of 0 leaves the corpus as it was.
      if (copyShare > 0 && !originals.isEmpty() && random.nextDouble() < copyShare) {
        Article original = originals.get(random.nextInt(originals.size()));
        articles.add(random.nextBoolean() ? repost(i, outlet, original) : wireCopy(i, outlet, original));
        continue;
      }
      LocalDate date = start.plusDays(random.nextInt(366));
      boolean withActors = random.nextDouble() < actorShare;
      int words = 300 + random.nextInt(1201);
      Article article = withActors ? actorArticle(i, outlet, date, words) : localArticle(i, outlet, date, words);
      articles.add(article);
      originals.add(article);
    }
    return articles;
  }

  private static Article repost(int index, String outlet, Article original) {
    return new Article(id(index), outlet, original.published(), original.title(), original.text(), original.namesActors(),
        Copy.REPOST, original.id());
  }

  /**
   * The wire story as another outlet prints it: a headline of its own, a dateline naming the wire, the same
   * day or the next, and the last paragraph cut when there are four or more (so the copy keeps at least
   * three quarters of the story's word 3-grams).
   */
  private Article wireCopy(int index, String outlet, Article original) {
    String text = original.text();
    String[] paragraphs = text.split("\n\n");
    if (paragraphs.length >= 4) {
      text = text.substring(0, text.lastIndexOf("\n\n"));
    }
    String dateline = pick(PLACES).toUpperCase(Locale.ROOT) + " (" + original.outlet() + ") \u2014 ";
    String title = pick(HEADLINE_PREFIXES) + original.title();
    LocalDate date = original.published().plusDays(random.nextInt(2));
    return new Article(id(index), outlet, date, title, dateline + text, original.namesActors(), Copy.WIRE_COPY, original.id());
  }

  private static String id(int index) {
    return String.format("gen-%07d", index);
  }

  private Article actorArticle(int index, String outlet, LocalDate date, int words) {
    String[] main = pick(ACTORS);
    String[] other = pick(ACTORS);
    String topic = pick(TOPICS);
    StringBuilder text = new StringBuilder();
    int paragraphWords = 0;
    int total = 0;
    text.append(main[0]).append(' ').append(pick(ACTOR_VERBS)).append(' ').append(topic).append(" in ")
        .append(pick(PLACES)).append(" on ").append(date.getDayOfWeek().toString().charAt(0))
        .append(date.getDayOfWeek().toString().substring(1).toLowerCase()).append(". ");
    while (total < words) {
      String sentence = switch (random.nextInt(9)) {
        case 0 -> "Critics described " + main[1] + " as " + pick(NEGATIVE) + " negotiator on " + topic + ".";
        case 1 -> "Supporters called " + main[1] + " " + pick(POSITIVE) + " leader at a difficult moment.";
        case 2 -> "\u201CWe will not accept delays on " + topic + ",\u201D " + main[1] + " said.";
        case 3 -> "\u201CThe talks were useful,\u201D said " + other[1] + ", who met " + main[1] + " later that day.";
        case 4 -> main[1] + "\u2019s office said " + other[0] + " had been informed of the proposal.";
        case 5 -> "Markets were little changed after the remarks, and trading volumes stayed " + (random.nextBoolean() ? "low" : "steady") + ".";
        case 6 -> "The proposal on " + topic + " would need approval from lawmakers before " + (1 + random.nextInt(12)) + " months pass.";
        case 7 -> "Officials in " + pick(PLACES) + " said the plan had been discussed for " + (2 + random.nextInt(20)) + " weeks.";
        default -> pick(LOCAL_SUBJECTS) + " in " + pick(PLACES) + " " + pick(LOCAL_VERBS) + " " + pick(LOCAL_OBJECTS) + ".";
      };
      text.append(sentence);
      int n = sentence.split(" ").length;
      total += n;
      paragraphWords += n;
      if (paragraphWords > 60 + random.nextInt(60)) {
        text.append("\n\n");
        paragraphWords = 0;
      } else {
        text.append(' ');
      }
    }
    text.append(pick(CLOSERS));
    String title = main[1] + " " + pick(new String[] {"weighs", "pushes", "faces questions on", "defends stance on"}) + " " + topic;
    return new Article(id(index), outlet, date, title, text.toString(), true);
  }

  /**
   * Local news naming no tracked actor. Each article is set in its own invented town and quotes its own
   * invented residents, with its own figures and dates, as real local stories are: two articles share
   * the phrasing of their verbs and objects (word 3-gram Jaccard similarity around 0.1), not their
   * specifics, so they are not copies of one story.
   */
  private Article localArticle(int index, String outlet, LocalDate date, int words) {
    String town = inventedName();
    String[] residents = {inventedName(), inventedName(), inventedName()};
    StringBuilder text = new StringBuilder();
    int total = 0;
    int paragraphWords = 0;
    while (total < words) {
      String detail = switch (random.nextInt(5)) {
        case 0 -> ", " + pick(residents) + " told reporters.";
        case 1 -> " at a cost of " + (20 + random.nextInt(980)) + " thousand dollars.";
        case 2 -> " after " + (2 + random.nextInt(30)) + " days of consultation.";
        case 3 -> ", according to " + pick(residents) + ", who chairs the " + town + " residents' association.";
        default -> " on " + date.plusDays(random.nextInt(60)).format(DAY_MONTH) + ".";
      };
      String sentence = "The " + town + " " + pick(LOCAL_BODIES) + " " + pick(LOCAL_VERBS) + " " + pick(LOCAL_OBJECTS) + detail;
      text.append(sentence);
      int n = sentence.split(" ").length;
      total += n;
      paragraphWords += n;
      if (paragraphWords > 50 + random.nextInt(60)) {
        text.append("\n\n");
        paragraphWords = 0;
      } else {
        text.append(' ');
      }
    }
    text.append(pick(CLOSERS));
    String title = town + " " + pick(LOCAL_BODIES) + " update: " + pick(LOCAL_OBJECTS);
    return new Article(id(index), outlet, date, title, text.toString(), false);
  }

  /** A pronounceable invented name ("Varnotel"), so no two generated towns or residents need be alike. */
  private String inventedName() {
    StringBuilder name = new StringBuilder();
    int syllables = 2 + random.nextInt(2);
    for (int i = 0; i < syllables; i++) {
      name.append(pick(SYLLABLES));
    }
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  /** "2000 articles (662 name tracked actors; 201 reposts, 198 wire copies)". */
  public static String describe(List<Article> articles) {
    long withActors = articles.stream().filter(Article::namesActors).count();
    long reposts = articles.stream().filter(a -> a.copy() == Copy.REPOST).count();
    long wireCopies = articles.stream().filter(a -> a.copy() == Copy.WIRE_COPY).count();
    String copies = reposts + wireCopies == 0 ? "" : String.format("; %d reposts, %d wire copies", reposts, wireCopies);
    return String.format("%d articles (%d name tracked actors%s)", articles.size(), withActors, copies);
  }

  /** Writes the articles as JSON Lines files of at most {@code perFile} articles each. */
  public static void write(List<Article> articles, Path dir, int perFile) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper json = new ObjectMapper();
    for (int file = 0; file * perFile < articles.size(); file++) {
      Path path = dir.resolve(String.format("corpus-%04d.jsonl", file));
      try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        for (Article a : articles.subList(file * perFile, Math.min(articles.size(), (file + 1) * perFile))) {
          Map<String, Object> record = new LinkedHashMap<>();
          record.put("id", a.id());
          record.put("outlet", a.outlet());
          record.put("published", a.published().toString());
          record.put("title", a.title());
          record.put("text", a.text());
          out.write(json.writeValueAsString(record));
          out.write('\n');
        }
      }
    }
  }

  public static void main(String[] args) throws IOException {
    int count = 1000;
    double share = 1.0 / 3;
    double copyShare = 0;
    int outlets = 6;
    long seed = 1;
    Path output = null;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--articles" -> count = Integer.parseInt(value);
        case "--actor-share" -> share = Double.parseDouble(value);
        case "--copy-share" -> copyShare = Double.parseDouble(value);
        case "--outlets" -> outlets = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--output" -> output = Path.of(value);
        default -> {
          System.err.println("generate-corpus: unknown option " + args[i]
              + " (use --articles N --output DIR [--actor-share F] [--copy-share F] [--outlets N] [--seed S])");
          System.exit(2);
        }
      }
    }
    if (output == null) {
      System.err.println("generate-corpus: --output DIR is required");
      System.exit(2);
    }
    List<Article> articles = new CorpusGenerator(seed).generate(count, share, outlets, copyShare);
    write(articles, output, 1000);
    System.out.printf("wrote %s from %d outlets to %s%n", describe(articles), Math.min(outlets, OUTLETS.length), output);
  }
}
