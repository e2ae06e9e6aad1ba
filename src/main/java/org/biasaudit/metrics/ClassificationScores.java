package org.biasaudit.metrics;

import java.util.List;

/**
 * Accuracy, per-class precision, recall and F1, and macro-F1 (the unweighted mean of the per-class F1)
 * from a confusion matrix over a fixed list of labels. A class that is never predicted has precision 0,
 * and one that never occurs has recall 0, so each always counts in the macro mean.
 */
public final class ClassificationScores {
  private final List<String> labels;
  /** counts[gold][predicted] */
  private final long[][] counts;

  public ClassificationScores(List<String> labels) {
    this.labels = List.copyOf(labels);
    this.counts = new long[labels.size()][labels.size()];
  }

  public void add(String gold, String predicted) {
    counts[index(gold)][index(predicted)]++;
  }

  private int index(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("unknown label " + label + "; expected one of " + labels);
    }
    return i;
  }

  public List<String> labels() {
    return labels;
  }

  public long count(String gold, String predicted) {
    return counts[index(gold)][index(predicted)];
  }

  public long total() {
    long n = 0;
    for (long[] row : counts) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  public double accuracy() {
    long correct = 0;
    for (int k = 0; k < labels.size(); k++) {
      correct += counts[k][k];
    }
    long n = total();
    return n == 0 ? 0.0 : (double) correct / n;
  }

  public double precision(String label) {
    int k = index(label);
    long predicted = 0;
    for (long[] row : counts) {
      predicted += row[k];
    }
    return predicted == 0 ? 0.0 : (double) counts[k][k] / predicted;
  }

  public double recall(String label) {
    int k = index(label);
    long gold = 0;
    for (long c : counts[k]) {
      gold += c;
    }
    return gold == 0 ? 0.0 : (double) counts[k][k] / gold;
  }

  public double f1(String label) {
    double p = precision(label);
    double r = recall(label);
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  public double macroF1() {
    double sum = 0;
    for (String label : labels) {
      sum += f1(label);
    }
    return labels.isEmpty() ? 0.0 : sum / labels.size();
  }
}
