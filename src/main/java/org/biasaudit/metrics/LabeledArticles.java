package org.biasaudit.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the labeled mention set: one {@code .txt} file per article, with a header of {@code key: value}
 * lines ({@code id}, {@code outlet}, {@code published}, {@code title}), a blank line, then the text. Each
 * mention is marked in place in the title or text as {@code [[surface|actor_id]]} (a name),
 * {@code [[surface|actor_id|pro]]} (a pronoun) or {@code [[surface|actor_id|nom]]} (a nominal); the
 * markup is removed to give the article exactly as the job will read it, and each mark becomes a
 * {@link LabeledMention} with offsets into that clean text. The format is described in
 * {@code src/test/resources/mention-eval/README.md}.
 */
public final class LabeledArticles {
  private static final Pattern MARK = Pattern.compile("\\[\\[([^\\[\\]|]+)\\|([a-z0-9_]+)(?:\\|(pro|nom))?\\]\\]");
  private static final List<String> HEADER = List.of("id", "outlet", "published", "title");

  /** One article of the set, clean, with its marked mentions. */
  public record Article(String id, String outlet, LocalDate published, String title, String text,
      List<LabeledMention> mentions, String source) {}

  private LabeledArticles() {}

  /** Every {@code .txt} file under {@code dir} (recursively), in path order. */
  public static List<Article> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a directory of labeled articles");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Article> articles = new ArrayList<>();
    for (Path file : files) {
      try {
        articles.add(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return articles;
  }

  public static Article parse(String content, String source) {
    String normalized = content.replace("\r\n", "\n");
    int blank = normalized.indexOf("\n\n");
    if (blank < 0) {
      throw new IllegalArgumentException(source + ": no blank line between the header and the text");
    }
    Map<String, String> header = new LinkedHashMap<>();
    for (String line : normalized.substring(0, blank).split("\n")) {
      int colon = line.indexOf(':');
      String key = colon < 0 ? line : line.substring(0, colon).trim();
      if (colon < 0 || !HEADER.contains(key)) {
        throw new IllegalArgumentException(source + ": header line '" + line + "' is not one of " + HEADER + " followed by ':'");
      }
      header.put(key, line.substring(colon + 1).trim());
    }
    String id = header.get("id");
    if (id == null || id.isEmpty() || header.get("outlet") == null) {
      throw new IllegalArgumentException(source + ": the header needs id and outlet");
    }
    LocalDate published = null;
    if (header.get("published") != null) {
      try {
        published = LocalDate.parse(header.get("published"));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(source + ": published '" + header.get("published") + "' is not an ISO date");
      }
    }
    List<LabeledMention> mentions = new ArrayList<>();
    String title = strip(header.getOrDefault("title", ""), id, "title", mentions, source);
    String text = strip(normalized.substring(blank + 2).strip(), id, "text", mentions, source);
    return new Article(id, header.get("outlet"), published, title, text, List.copyOf(mentions), source);
  }

  private static String strip(String marked, String id, String field, List<LabeledMention> mentions, String source) {
    StringBuilder clean = new StringBuilder();
    Matcher m = MARK.matcher(marked);
    int last = 0;
    while (m.find()) {
      clean.append(marked, last, m.start());
      int begin = clean.length();
      clean.append(m.group(1));
      String type = m.group(3) == null ? "NAME" : m.group(3).equals("pro") ? "PRONOUN" : "NOMINAL";
      mentions.add(new LabeledMention(id, field, begin, clean.length(), m.group(1), m.group(2), type));
      last = m.end();
    }
    clean.append(marked.substring(last));
    String out = clean.toString();
    if (out.contains("[[") || out.contains("]]")) {
      int at = out.indexOf(out.contains("[[") ? "[[" : "]]");
      throw new IllegalArgumentException(source + ": malformed mark near '"
          + out.substring(Math.max(0, at - 20), Math.min(out.length(), at + 40)) + "' (write [[surface|actor_id]], "
          + "[[surface|actor_id|pro]] or [[surface|actor_id|nom]])");
    }
    return out;
  }
}
