package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast conversion against CoreNLP's full Universal Dependencies conversion of the same parse trees. */
class TreeDependenciesTest {
  private static final List<String> SENTENCES = List.of(
      "Biden praised Zelensky and condemned Putin.",
      "Zelensky was praised by European leaders on Tuesday.",
      "Putin's brutal war has killed thousands of civilians.",
      "The senator told reporters that the bill would pass next week.",
      "Critics said the plan, which Trump unveiled in March, was a costly mistake.",
      "Harris, the vice president, met farmers in Iowa and promised new support.",
      "Scholz did not rule out sending more tanks to Ukraine.",
      "McConnell is a shrewd tactician who rarely loses a vote.",
      "Although the talks failed, Netanyahu said he remained hopeful.",
      "Erdogan's party lost the mayoral races in Istanbul and Ankara.",
      "NATO allies agreed to send more ammunition after months of delays.",
      "Trump gave the crowd a long speech about the border.");

  @Test
  void agreesWithTheFullConversionOnMostAttachments() {
    int tokens = 0;
    int agreed = 0;
    for (String text : SENTENCES) {
      CoreMap sentence = Parsing.split(text);
      Parsing.ANALYZER.deepStep(sentence, false);
      Tree tree = sentence.get(TreeCoreAnnotations.TreeAnnotation.class);
      int n = tree.getLeaves().size();
      int[] udHeads = new int[n];
      String[] udRelations = new String[n];
      Arrays.fill(udHeads, -2); // punctuation: left out by the full conversion
      SemanticGraph graph = SemanticGraphFactory.makeFromTree(new UniversalEnglishGrammaticalStructure(tree.deepCopy()),
          SemanticGraphFactory.Mode.BASIC, GrammaticalStructure.Extras.NONE, null);
      for (IndexedWord root : graph.getRoots()) {
        udHeads[root.index() - 1] = -1;
        udRelations[root.index() - 1] = "root";
      }
      for (SemanticGraphEdge edge : graph.edgeListSorted()) {
        udHeads[edge.getDependent().index() - 1] = edge.getGovernor().index() - 1;
        udRelations[edge.getDependent().index() - 1] = edge.getRelation().toString();
      }
      int[] heads = new int[n];
      String[] relations = new String[n];
      TreeDependencies.convert(tree, heads, relations);
      for (int i = 0; i < n; i++) {
        if (udHeads[i] == -2) {
          continue;
        }
        tokens++;
        if (udHeads[i] == heads[i] && udRelations[i].equals(relations[i])) {
          agreed++;
        }
      }
    }
    assertThat(tokens).isGreaterThan(100);
    assertThat((double) agreed / tokens).as(agreed + " of " + tokens + " attachments").isGreaterThan(0.85);
  }

  @Test
  void namesTheRelationsTheTargetStepReads() {
    ParsedSentence s = Parsing.parse("Zelensky was praised by European leaders on Tuesday.");
    assertThat(s.relation(0)).isEqualTo("nsubj:pass");
    assertThat(s.relation(4)).isEqualTo("amod");
    assertThat(s.relation(5)).isEqualTo("obl:agent");
    s = Parsing.parse("Harris, the vice president, met farmers in Iowa.");
    assertThat(s.relation(4)).isEqualTo("appos");
    assertThat(s.relation(7)).isEqualTo("obj");
    assertThat(s.head(0)).isEqualTo(6);
    s = Parsing.parse("McConnell is a shrewd tactician.");
    assertThat(s.relation(1)).isEqualTo("cop");
    assertThat(s.head(0)).isEqualTo(4);
  }
}
