package org.biasaudit.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ISO-8601 publication dates and date-times. A date-time with an offset is converted to UTC before
 * its date is taken; one without an offset is read as UTC. Anything else yields no date (the raw value is
 * kept on the article), never an exception.
 */
public final class PublicationDates {
  private static final Pattern LEADING_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

  private PublicationDates() {}

  /** A parsed date, with the instant when the input gave a time of day. */
  public record Parsed(LocalDate date, Instant instant) {
    static final Parsed NONE = new Parsed(null, null);
  }

  public static Parsed parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Parsed.NONE;
    }
    String value = raw.strip();
    try {
      if (value.length() == 10) {
        return new Parsed(LocalDate.parse(value), null);
      }
      String normalised = value.replace(' ', 'T');
      try {
        Instant instant = OffsetDateTime.parse(normalised, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        return new Parsed(instant.atZone(ZoneOffset.UTC).toLocalDate(), instant);
      } catch (DateTimeParseException withoutOffset) {
        Instant instant = LocalDateTime.parse(normalised, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        return new Parsed(instant.atZone(ZoneOffset.UTC).toLocalDate(), instant);
      }
    } catch (DateTimeParseException e) {
      return Parsed.NONE;
    }
  }

  /** The date a file name starts with ("2024-01-09-ukraine-aid.txt"), or null. */
  public static String fromFileName(String fileName) {
    Matcher m = LEADING_DATE.matcher(fileName);
    return m.find() ? m.group(1) : null;
  }
}
