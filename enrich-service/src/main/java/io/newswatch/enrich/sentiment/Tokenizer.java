package io.newswatch.enrich.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a sentence into lower-cased words, "n't" clitics and punctuation marks. */
final class Tokenizer {
    private static final Pattern TOKEN =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[-'’][\\p{L}\\p{M}\\p{N}]+)*|[^\\s\\p{L}\\p{M}\\p{N}]");

    private Tokenizer() {}

    /** The tokens of {@code text}, in order. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (token.length() > 3 && token.endsWith("n't")) {
                int split = m.end() - 3;
                tokens.add(new Token(token.substring(0, token.length() - 3), m.start(), split));
                tokens.add(new Token("n't", split, m.end()));
            } else {
                tokens.add(new Token(token, m.start(), m.end()));
            }
        }
        return tokens;
    }
}
