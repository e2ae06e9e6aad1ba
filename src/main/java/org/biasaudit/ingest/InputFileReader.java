package org.biasaudit.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;
import org.biasaudit.config.AuditConfig;

/**
 * Reads one input file into articles and rejections. A broken record is rejected on its own and the rest
 * of the file is still read; a file that breaks part-way (a truncated gzip, an unclosed CSV quote) keeps
 * the records before the break and adds one rejection for the rest. It never throws on bad content.
 *
 * <p>Files are opened through Hadoop's {@link FileSystem}, so {@code file://}, {@code hdfs://} and
 * {@code s3a://} paths all work on executors.
 */
public final class InputFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditConfig.Input settings;
  private final Configuration hadoopConf;

  public InputFileReader(AuditConfig.Input settings, Configuration hadoopConf) {
    this.settings = settings;
    this.hadoopConf = hadoopConf;
  }

  public void read(String file, Consumer<IngestResult> out) {
    InputFormat format = InputFormat.of(new Path(file).getName());
    if (format == null) {
      out.accept(RejectedRecord.of(file, 0, null, RejectReason.UNREADABLE_FILE, "not an input format the audit reads", null));
      return;
    }
    try {
      switch (format) {
        case JSON_LINES -> readJsonLines(file, out);
        case CSV -> readCsv(file, out);
        case PARQUET -> readParquet(file, out);
        case TEXT -> readText(file, out);
      }
    } catch (IOException | RuntimeException e) {
      out.accept(RejectedRecord.of(file, 0, null, RejectReason.UNREADABLE_FILE,
          "cannot open or read the file: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null));
    }
  }

  /**
   * Ends the stream cleanly where the underlying file breaks (a truncated or corrupt gzip), remembering
   * the error. Without this, the reader's buffering would lose the records decoded just before the break.
   */
  private static final class BreakRecordingStream extends FilterInputStream {
    private IOException failure;

    BreakRecordingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }
  }

  /** The gzip stream of the file being read; a reader reads one file at a time on one thread. */
  private BreakRecordingStream lastStream;

  /** Adds one rejection for the unreadable rest of a file when its stream broke. */
  private void reportBreak(String file, long recordsRead, String unit, Consumer<IngestResult> out) {
    if (lastStream != null && lastStream.failure != null) {
      out.accept(RejectedRecord.of(file, recordsRead + 1, null, RejectReason.UNREADABLE_FILE,
          "file is corrupt or truncated after " + unit + " " + recordsRead + ": " + lastStream.failure.getMessage(), null));
    }
  }

  private Reader open(String file) throws IOException {
    Path path = new Path(file);
    InputStream in = path.getFileSystem(hadoopConf).open(path);
    if (InputFormat.isGzip(path.getName())) {
      lastStream = new BreakRecordingStream(new GZIPInputStream(in, 1 << 16));
      in = lastStream;
    } else {
      lastStream = null;
    }
    // Undecodable bytes become U+FFFD, so one bad byte never loses a record; junk is judged per record.
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private void readJsonLines(String file, Consumer<IngestResult> out) throws IOException {
    try (BufferedReader reader = new BufferedReader(open(file), 1 << 16)) {
      // One line of look-ahead: when the stream breaks, the last line read is the cut one and belongs to
      // the unreadable rest of the file, not to a malformed record.
      long lineNumber = 0;
      String pending = null;
      String line;
      while ((line = reader.readLine()) != null) {
        if (pending != null && !pending.isBlank()) {
          out.accept(parseJsonLine(pending, file, lineNumber));
        }
        pending = line;
        lineNumber++;
      }
      if (lastStream != null && lastStream.failure != null) {
        reportBreak(file, Math.max(0, lineNumber - 1), "line", out);
      } else if (pending != null && !pending.isBlank()) {
        out.accept(parseJsonLine(pending, file, lineNumber));
      }
    }
  }

  private IngestResult parseJsonLine(String line, String file, long lineNumber) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return RejectedRecord.of(file, lineNumber, null, RejectReason.MALFORMED_RECORD,
          "not valid JSON: " + e.getOriginalMessage(), line);
    }
    if (node == null || !node.isObject()) {
      return RejectedRecord.of(file, lineNumber, null, RejectReason.MALFORMED_RECORD, "not a JSON object", line);
    }
    Map<String, String> raw = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      raw.put(field.getKey(), value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
    }
    return ArticleFields.toArticle(raw, settings, file, lineNumber);
  }

  private void readCsv(String file, Consumer<IngestResult> out) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(false).setAllowMissingColumnNames(true).get();
    long recordNumber = 0;
    try (Reader reader = open(file); CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            reportBreak(file, recordNumber, "record", out);
            return;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          out.accept(RejectedRecord.of(file, recordNumber + 1, null, RejectReason.UNREADABLE_FILE,
              "CSV is malformed or truncated after record " + recordNumber + ": " + e.getMessage(), null));
          return;
        }
        recordNumber++;
        if (record.size() != header.size()) {
          out.accept(RejectedRecord.of(file, recordNumber, null, RejectReason.MALFORMED_RECORD,
              "has " + record.size() + " fields, the header has " + header.size(), String.join(",", record.values())));
          continue;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        header.forEach((name, index) -> raw.put(name, record.get(index)));
        out.accept(ArticleFields.toArticle(raw, settings, file, recordNumber));
      }
    }
  }

  private void readText(String file, Consumer<IngestResult> out) throws IOException {
    StringBuilder content = new StringBuilder();
    try (Reader reader = open(file)) {
      char[] buffer = new char[1 << 15];
      int n;
      while ((n = reader.read(buffer)) > 0) {
        content.append(buffer, 0, n);
      }
    }
    if (lastStream != null && lastStream.failure != null) {
      reportBreak(file, 0, "byte", out);
      return;
    }
    String all = content.toString().replace("\r\n", "\n");
    if (!all.isEmpty() && all.charAt(0) == '\uFEFF') {
      all = all.substring(1);
    }
    int titleEnd = all.indexOf('\n');
    String title = titleEnd < 0 ? all : all.substring(0, titleEnd);
    String body = titleEnd < 0 ? "" : all.substring(titleEnd + 1).replaceFirst("^\\s*\\n", "");
    Path path = new Path(file);
    Map<String, String> raw = new HashMap<>();
    raw.put(settings.sourceField("title"), title);
    raw.put(settings.sourceField("text"), body);
    String outlet = settings.txtOutlet() != null ? settings.txtOutlet()
        : path.getParent() == null ? null : path.getParent().getName();
    raw.put(settings.sourceField("outlet"), outlet);
    raw.put(settings.sourceField("published"), PublicationDates.fromFileName(path.getName()));
    out.accept(ArticleFields.toArticle(raw, settings, file, 0));
  }

  private void readParquet(String file, Consumer<IngestResult> out) throws IOException {
    long rowNumber = 0;
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new Path(file)).withConf(hadoopConf).build()) {
      while (true) {
        Group group;
        try {
          group = reader.read();
        } catch (IOException | RuntimeException e) {
          out.accept(RejectedRecord.of(file, rowNumber + 1, null, RejectReason.UNREADABLE_FILE,
              "Parquet file is corrupt after row " + rowNumber + ": " + e.getMessage(), null));
          return;
        }
        if (group == null) {
          return;
        }
        rowNumber++;
        Map<String, String> raw = new HashMap<>();
        GroupType type = group.getType();
        for (int i = 0; i < type.getFieldCount(); i++) {
          Type field = type.getType(i);
          if (field.isPrimitive() && group.getFieldRepetitionCount(i) > 0) {
            raw.put(field.getName(), group.getValueToString(i, 0));
          }
        }
        out.accept(ArticleFields.toArticle(raw, settings, file, rowNumber));
      }
    }
  }


}
