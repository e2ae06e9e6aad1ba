package org.biasaudit.nlp;

import de.bwaldvogel.liblinear.Linear;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the target-sentiment classifier: L2-regularised logistic regression (LIBLINEAR's {@code L2R_LR},
 * one-vs-rest over the three classes) through Tribuo, on {@link TargetFeatures} of labelled targets. The
 * trained weights are exported to {@link TargetSentimentModel}'s plain format and checked against
 * Tribuo's own predictions on the training examples before they are returned.
 */
public final class TargetSentimentTrainer {
  /**
   * @param cost LIBLINEAR's C (inverse regularisation strength)
   * @param minCount features seen in fewer training examples are dropped
   * @param epsilon LIBLINEAR's stopping tolerance
   * @param maxIterations LIBLINEAR's iteration cap
   * @param lexiconSpread see {@link TargetSentimentModel#evaluative}
   */
  public record Settings(double cost, int minCount, double epsilon, int maxIterations, double lexiconSpread) {
    public static final Settings DEFAULT = new Settings(0.3, 2, 0.01, 1000, 0.5);

    Map<String, String> describe() {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("learner", "Tribuo 4.3.2 LibLinearClassificationTrainer, L2R_LR (one-vs-rest logistic regression)");
      out.put("cost", Double.toString(cost));
      out.put("min_count", Integer.toString(minCount));
      out.put("epsilon", Double.toString(epsilon));
      out.put("max_iterations", Integer.toString(maxIterations));
      out.put(TargetSentimentModel.LEXICON_SPREAD, Double.toString(lexiconSpread));
      return out;
    }
  }

  /** A labelled feature vector. */
  public record Labelled(String gold, Map<String, Double> features) {}

  private TargetSentimentTrainer() {}

  /**
   * Trains on the examples; {@code header} (data, split, seed) goes into the model file before the learner
   * settings.
   */
  public static TargetSentimentModel train(List<Labelled> examples, Settings settings, Map<String, String> header) {
    Map<String, Integer> counts = new HashMap<>();
    for (Labelled example : examples) {
      for (String feature : example.features().keySet()) {
        counts.merge(feature, 1, Integer::sum);
      }
    }
    Predicate<String> keep = f -> counts.getOrDefault(f, 0) >= settings.minCount();
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("target-sentiment", labels), labels);
    for (Labelled example : examples) {
      dataset.add(example(example, keep));
    }
    Linear.disableDebugOutput();
    LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
        new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), settings.cost(), settings.maxIterations(),
        settings.epsilon());
    LibLinearModel<Label> trained = trainer.train(dataset);

    Map<String, String> described = new LinkedHashMap<>(header);
    described.putAll(settings.describe());
    described.put("training_examples", Integer.toString(examples.size()));
    TargetSentimentModel model = export((LibLinearClassificationModel) trained, described);
    verify(trained, model, examples, keep);
    return model;
  }

  /** Reads LIBLINEAR's weights into the plain model: feature i of Tribuo's map is LIBLINEAR's i + 1. */
  private static TargetSentimentModel export(LibLinearClassificationModel trained, Map<String, String> settings) {
    de.bwaldvogel.liblinear.Model inner = trained.getInnerModels().get(0);
    ImmutableFeatureMap features = trained.getFeatureIDMap();
    ImmutableOutputInfo<Label> outputs = trained.getOutputIDInfo();
    int[] liblinearLabels = inner.getLabels();
    // Column of each of our classes in LIBLINEAR's weight layout.
    int[] column = new int[TargetSentimentModel.LABELS.size()];
    for (int k = 0; k < column.length; k++) {
      int id = outputs.getID(new Label(TargetSentimentModel.LABELS.get(k)));
      column[k] = -1;
      for (int j = 0; j < liblinearLabels.length; j++) {
        if (liblinearLabels[j] == id) {
          column[k] = j;
        }
      }
      if (column[k] < 0) {
        throw new IllegalArgumentException("no training example of class " + TargetSentimentModel.LABELS.get(k));
      }
    }
    Map<String, double[]> weights = new HashMap<>();
    for (int id = 0; id < features.size(); id++) {
      double[] w = new double[column.length];
      for (int k = 0; k < column.length; k++) {
        w[k] = inner.getDecfunCoef(id + 1, column[k]);
      }
      weights.put(features.get(id).getName(), w);
    }
    double[] bias = new double[column.length];
    for (int k = 0; k < column.length; k++) {
      bias[k] = inner.getBias() >= 0 ? inner.getDecfunBias(column[k]) : 0.0;
    }
    return new TargetSentimentModel(settings, weights, bias);
  }

  /** The exported model must give Tribuo's probabilities; anything else is a bug in {@link #export}. */
  private static void verify(LibLinearModel<Label> trained, TargetSentimentModel model, List<Labelled> examples,
      Predicate<String> keep) {
    for (Labelled example : examples) {
      Prediction<Label> expected = trained.predict(example(example, keep));
      double[] actual = model.probabilities(example.features());
      for (int k = 0; k < actual.length; k++) {
        double p = expected.getOutputScores().get(TargetSentimentModel.LABELS.get(k)).getScore();
        if (Math.abs(p - actual[k]) > 1e-3) {
          throw new IllegalStateException("exported model disagrees with Tribuo: " + TargetSentimentModel.LABELS.get(k)
              + " " + actual[k] + " vs " + p);
        }
      }
    }
  }

  /**
   * K-fold cross-validation on the given examples, folds by sentence ({@code foldOf}), for choosing the
   * settings without touching the dev split. Returns predicted labels in example order.
   */
  public static List<String> crossValidate(List<Labelled> examples, List<Integer> foldOf, int folds, Settings settings) {
    String[] predicted = new String[examples.size()];
    for (int fold = 0; fold < folds; fold++) {
      List<Labelled> train = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf.get(i) != fold) {
          train.add(examples.get(i));
        }
      }
      TargetSentimentModel model = train(train, settings, Map.of());
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf.get(i) == fold) {
          predicted[i] = TargetSentimentModel.label(model.probabilities(examples.get(i).features()));
        }
      }
    }
    return List.of(predicted);
  }

  private static Example<Label> example(Labelled example, Predicate<String> keep) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    example.features().forEach((name, value) -> {
      if (keep.test(name)) {
        names.add(name);
        values.add(value);
      }
    });
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    return new ArrayExample<>(new Label(example.gold()), names.toArray(String[]::new), v);
  }
}
