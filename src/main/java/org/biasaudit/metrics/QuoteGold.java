package org.biasaudit.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled quotation of the gold set ({@code quotes-gold/gold.jsonl}; the format is in that folder's
 * README).
 *
 * @param file the article, relative to the set's {@code articles/} folder
 * @param split {@code dev} (the articles the rules were developed on) or {@code heldout} (written and
 *     annotated afterwards, never tuned on)
 * @param kind {@code direct} or {@code indirect}
 * @param begin end-exclusive offsets into the article's text
 * @param span the text at those offsets
 * @param speakerActorId the registry id of a tracked speaker, else null
 * @param speakerNames the accepted names of an untracked speaker (empty when tracked or nobody)
 * @param style how the text attributes the quote ({@code named_after}, {@code pronoun}, ...)
 * @param form {@code sentence}, {@code multi_sentence}, {@code multi_paragraph}, {@code partial}, {@code clause}
 * @param marks the quote marks of a direct row ({@code curly}, {@code straight}, {@code doubled}, ...), else null
 */
public record QuoteGold(String file, String split, String kind, int begin, int end, String span, String speakerActorId,
    List<String> speakerNames, String style, String form, String marks) {

  /** True when the quotation has no speaker (an anonymous source, a quoted term). */
  public boolean noSpeaker() {
    return speakerActorId == null && speakerNames.isEmpty();
  }

  /** {@code tracked}, {@code untracked} or {@code none}: who the gold speaker is. */
  public String speakerType() {
    return speakerActorId != null ? "tracked" : speakerNames.isEmpty() ? "none" : "untracked";
  }

  /** Reads {@code gold.jsonl}. */
  public static List<QuoteGold> read(Path goldJsonl) {
    ObjectMapper json = new ObjectMapper();
    List<QuoteGold> rows = new ArrayList<>();
    try {
      int line = 0;
      for (String text : Files.readAllLines(goldJsonl, StandardCharsets.UTF_8)) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(text);
        List<String> names = new ArrayList<>();
        row.path("speaker_names").forEach(n -> names.add(n.asText()));
        try {
          rows.add(new QuoteGold(row.get("file").asText(), row.path("split").asText("dev"), row.get("kind").asText(), row.get("char_begin").asInt(),
              row.get("char_end").asInt(), row.get("span").asText(), textOrNull(row, "speaker_actor_id"), List.copyOf(names),
              row.get("style").asText(), row.get("form").asText(), textOrNull(row, "marks")));
        } catch (NullPointerException e) {
          throw new IllegalArgumentException(goldJsonl + ":" + line + ": a required field is missing", e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static String textOrNull(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
