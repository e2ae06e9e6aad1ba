package org.biasaudit.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatch;
import org.biasaudit.actors.AliasMatcher;
import org.biasaudit.actors.ArticleReferences;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;
import org.biasaudit.ingest.InputFileReader;
import org.biasaudit.metrics.QuoteEvaluation;
import org.biasaudit.nlp.CoreNlpQuoteBaseline;
import org.biasaudit.nlp.QuoteFinder;
import org.biasaudit.nlp.Quotation;

/**
 * The quote producers {@code jobs/eval-quotes} can score besides the full audit: the audit's own quote
 * finder run directly on the gold articles (same code, no Spark, no sentiment), and CoreNLP's quote
 * annotator with its attribution, for comparison. Articles are read with the audit's own reader, so
 * offsets are into the same text.
 */
final class QuoteEngines {
  private QuoteEngines() {}

  /** One gold article as the audit reads it, with its path relative to the articles folder. */
  record Article(String file, ArticleRecord record) {}

  static List<Article> articles(Path articlesDir) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(articlesDir)) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    InputFileReader reader = new InputFileReader(AuditConfig.defaults().input(), new Configuration());
    List<Article> articles = new ArrayList<>();
    for (Path file : files) {
      String relative = articlesDir.relativize(file).toString().replace('\\', '/');
      reader.read(file.toAbsolutePath().toString(), result -> {
        if (result instanceof ArticleRecord record) {
          articles.add(new Article(relative, record));
        }
      });
    }
    return articles;
  }

  /** The alias matcher and {@link QuoteFinder} on every article that names a tracked actor, as the audit runs them. */
  static List<QuoteEvaluation.Predicted> finder(Path articlesDir, Path actorsFile) {
    ActorRegistry registry = ActorRegistry.load(actorsFile);
    AliasMatcher matcher = new AliasMatcher(registry);
    QuoteFinder finder = new QuoteFinder(registry);
    List<QuoteEvaluation.Predicted> predicted = new ArrayList<>();
    for (Article article : articles(articlesDir)) {
      String text = article.record().text();
      ArticleReferences references = ArticleReferences.resolve(matcher, "", text, null);
      List<AliasMatch> matches = references.names("text");
      String title = article.record().title() == null ? "" : article.record().title();
      if (matches.isEmpty() && matcher.find(title).isEmpty()) {
        continue;
      }
      for (Quotation q : finder.find(text, matches, references.titles("text"))) {
        predicted.add(predicted(article.file(), q));
      }
    }
    return predicted;
  }

  /** CoreNLP's QuoteAnnotator and QuoteAttributionAnnotator, speakers mapped to the registry by alias. */
  static List<QuoteEvaluation.Predicted> coreNlp(Path articlesDir, Path actorsFile, PrintStream out) {
    ActorRegistry registry = ActorRegistry.load(actorsFile);
    AliasMatcher matcher = new AliasMatcher(registry);
    CoreNlpQuoteBaseline baseline = new CoreNlpQuoteBaseline(registry, matcher);
    List<QuoteEvaluation.Predicted> predicted = new ArrayList<>();
    List<Article> articles = articles(articlesDir);
    int done = 0;
    long tokens = 0;
    long start = System.nanoTime();
    for (Article article : articles) {
      CoreNlpQuoteBaseline.Result result = baseline.find(article.record().text());
      tokens += result.tokens();
      for (Quotation q : result.quotes()) {
        predicted.add(predicted(article.file(), q));
      }
      done++;
      if (done % 10 == 0) {
        out.printf("  corenlp: %d/%d articles, %.0f tokens/s%n", done, articles.size(), tokens / ((System.nanoTime() - start) / 1e9));
      }
    }
    out.printf("  corenlp: %d articles, %d tokens, %.0f tokens/s (models loaded in %.1f s)%n", articles.size(), tokens,
        tokens / ((System.nanoTime() - start) / 1e9), baseline.loadSeconds());
    return predicted;
  }

  private static QuoteEvaluation.Predicted predicted(String file, Quotation q) {
    return new QuoteEvaluation.Predicted(file, q.kind(), q.begin(), q.end(), q.text(), q.speakerActorId(), q.speakerName(),
        q.speakerMethod());
  }
}
