package org.biasaudit.actors;

/** One name mention found by the alias matcher; offsets are end-exclusive Java String offsets. */
public record AliasMatch(String actorId, String alias, int begin, int end, String surface) {}
