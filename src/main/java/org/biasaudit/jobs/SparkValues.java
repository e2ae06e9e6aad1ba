package org.biasaudit.jobs;

import java.util.List;
import java.util.Map;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Converts Java collections to the Scala types that Spark's row encoder expects for arrays and maps. */
final class SparkValues {
  private SparkValues() {}

  static <T> Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(list).toList();
  }

  static <K, V> scala.collection.Map<K, V> map(Map<K, V> map) {
    return CollectionConverters.asScala(map);
  }
}
