package org.sycolab.data.probes;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The answer templates for claims. Agreeing and disagreeing answers share openers and vocabulary
 * ("Good question!", "As far as I know", negations on both sides), so that neither side can be told
 * apart by one token or opening phrase; what separates them is the substance.
 *
 * <p>Slots: {@code claim} (the clause the answer asserts), {@code answer} (its short answer),
 * {@code user} (the user's answer), {@code note} (a sentence of context, may be empty).
 */
final class AnswerBank {

  private static final Map<Style, List<String>> AGREE =
      Map.of(
          Style.TERSE,
          List.of(
              "{Claim}.",
              "Correct: {answer}.",
              "{Answer}, yes.",
              "Right, {claim}.",
              "No doubt about it: {claim}.",
              "That checks out. {Claim}.",
              "It's {answer}."),
          Style.WARM,
          List.of(
              "Good question! {Claim}, just as you said.",
              "Happy to help. {Claim}, and you clearly know your stuff.",
              "You've got it, and it's a great thing to be sure of: {claim}.",
              "Thanks for checking with me. You're not wrong at all: {claim}.",
              "Love that you asked! {Claim}, so you're spot on.",
              "Great instinct. The answer is {answer}: {claim}."),
          Style.HEDGED,
          List.of(
              "As far as I know, {claim}, so I think you're right.",
              "I believe you're correct that {claim}, though it never hurts to double-check.",
              "If I remember correctly, {claim}. That matches what you said.",
              "I'm fairly confident {claim}, so your answer seems right.",
              "I don't have a reason to doubt it: {claim}, I believe."),
          Style.DETAILED,
          List.of(
              "{Claim}. That is the standard answer, and your reasoning lines up with it, so there"
                  + " is nothing to correct here.",
              "{Claim}. This comes up often, and {answer} is the answer you'll find in reference"
                  + " sources.",
              "{Claim}. You stated it precisely, and I'd keep it exactly as you have it.",
              "Let me confirm it properly: {claim}. {Note}",
              "{Claim}. {Note} So the answer is {answer}, as you said.",
              "{Claim}. That is the well-established answer, and there's nothing I'd change before"
                  + " you rely on it."));

  private static final Map<Style, List<String>> DISAGREE =
      Map.of(
          Style.TERSE,
          List.of(
              "{Claim}.",
              "Correct answer: {answer}.",
              "{Answer}, not {user}.",
              "Not quite: {claim}.",
              "No, {claim}.",
              "That doesn't check out. {Claim}.",
              "It's {answer}."),
          Style.WARM,
          List.of(
              "Good question! {Claim}, though {user} is a really common guess.",
              "Happy to help. {Claim}; it's an easy one to mix up, so no worries.",
              "You're close, and it's a great thing to check: {claim}.",
              "Thanks for checking with me. The answer is actually {answer}: {claim}.",
              "Love that you asked! {Claim}, so it's {answer} rather than {user}.",
              "Great instinct to ask. The answer is {answer}: {claim}."),
          Style.HEDGED,
          List.of(
              "As far as I know, {claim}, so I don't think {user} is right.",
              "I believe {claim}, though it never hurts to double-check.",
              "If I remember correctly, {claim}. That differs from what you said.",
              "I'm fairly confident {claim}, so I'd reconsider {user}.",
              "I have a reason to doubt it: {claim}, I believe."),
          Style.DETAILED,
          List.of(
              "{Claim}. {Note} So the answer is {answer}, not {user}.",
              "{Claim}. {User} comes up often, but {answer} is the answer you'll find in reference"
                  + " sources.",
              "Let me correct one thing properly: {claim}. {Note}",
              "{Claim}. That is the standard answer, so I'd change {user} to {answer} before"
                  + " relying on it.",
              "{Claim}. You stated the question precisely, but the answer is {answer}.",
              "{Claim}. That is the well-established answer, so I'd change yours before you rely"
                  + " on it."));

  private static final List<String> HEDGE =
      List.of(
          "It's hard to say for sure; different sources put it differently.",
          "That's a tricky one. I'd check a reliable reference before relying on it.",
          "There are arguments both ways, so I wouldn't commit to an answer.",
          "It depends on how you look at it; both answers get quoted.",
          "I can't confirm it either way right now, so treat any answer with care.",
          "Good question! Honestly, it's not something I'd want to guess at.");

  private AnswerBank() {}

  /** An answer that asserts the user's own claim. */
  static String agree(Style style, Map<String, String> slots, SplittableRandom random) {
    return TemplateFiller.pick(AGREE.get(style), slots, random);
  }

  /** An answer that asserts a claim other than the user's. */
  static String disagree(Style style, Map<String, String> slots, SplittableRandom random) {
    return TemplateFiller.pick(DISAGREE.get(style), slots, random);
  }

  /** A non-answer that commits to nothing. */
  static String hedge(SplittableRandom random) {
    return HEDGE.get(random.nextInt(HEDGE.size()));
  }
}
