package io.newswatch.enrich.entities;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Case forms of names in Russian, Armenian and Georgian, so that "Пашиняна", "Փաշինյանի" and
 * "ფაშინიანის" find Pashinyan without listing every form in the data file. Only the last word
 * is inflected and only with the commonest endings: a first pass, not a morphological analyser.
 * Turkish and Azerbaijani write suffixes after an apostrophe ("Paşinyan'ın"), a word boundary.
 */
final class Inflections {
    private static final int MIN_LENGTH = 4;
    private static final String CYRILLIC_CONSONANTS = "бвгджзклмнпрстфхцчшщ";
    private static final List<String> RU_CONSONANT = List.of("а", "у", "е", "ом", "ым", "ы", "ов");
    private static final List<String> RU_A = List.of("ы", "и", "е", "у", "ой", "ою");
    private static final List<String> RU_IYA = List.of("и", "ю", "ей");
    private static final List<String> RU_SOFT_SIGN = List.of("я", "ю", "ем", "е", "и");
    private static final List<String> RU_ADJECTIVE = List.of("ого", "ому", "им", "ом");
    private static final String ARMENIAN_VOWELS = "աեէըիոօ";
    private static final List<String> HY_CONSONANT = List.of("ը", "ն", "ի", "ին", "ից", "ով", "ում");
    private static final List<String> HY_VOWEL = List.of("ն", "յի", "յին", "յից", "յով", "յում");
    private static final List<String> KA_I = List.of("ის", "ს", "მა", "ით", "ად", "ში", "ზე", "თან", "იდან", "ისთვის");
    private static final List<String> KA_VOWEL = List.of("ს", "მ", "ში", "ზე", "თან", "დან", "სთვის");
    private static final String ARMENIAN_LIGATURE = "և";
    private static final String ARMENIAN_LIGATURE_SPELLED = "եւ";

    private Inflections() {}

    /** Other forms of a case-insensitive alias: spelling variants and case forms, without the alias itself. */
    static Set<String> variants(String alias) {
        Set<String> spellings = new LinkedHashSet<>(List.of(alias));
        if (alias.contains(ARMENIAN_LIGATURE)) spellings.add(alias.replace(ARMENIAN_LIGATURE, ARMENIAN_LIGATURE_SPELLED));
        Set<String> forms = new LinkedHashSet<>(spellings);
        for (String spelling : spellings) forms.addAll(caseForms(spelling));
        forms.remove(alias);
        return forms;
    }

    static List<String> caseForms(String word) {
        if (word.codePointCount(0, word.length()) < MIN_LENGTH) return List.of();
        int last = word.codePointBefore(word.length());
        return switch (UnicodeScript.of(last)) {
            case CYRILLIC -> russian(word);
            case ARMENIAN -> armenian(word);
            case GEORGIAN -> georgian(word);
            default -> List.of();
        };
    }

    private static List<String> russian(String word) {
        if (word.endsWith("ский") || word.endsWith("цкий")) return append(drop(word, 2), RU_ADJECTIVE);
        if (word.endsWith("ия")) return append(drop(word, 1), RU_IYA);
        if (word.endsWith("а")) return append(drop(word, 1), RU_A);
        if (word.endsWith("ь")) return append(drop(word, 1), RU_SOFT_SIGN);
        if (CYRILLIC_CONSONANTS.indexOf(word.charAt(word.length() - 1)) >= 0) return append(word, RU_CONSONANT);
        return List.of();
    }

    private static List<String> armenian(String word) {
        boolean vowel = ARMENIAN_VOWELS.indexOf(word.charAt(word.length() - 1)) >= 0;
        return append(word, vowel ? HY_VOWEL : HY_CONSONANT);
    }

    private static List<String> georgian(String word) {
        char last = word.charAt(word.length() - 1);
        if (last == 'ი') return append(drop(word, 1), KA_I);
        List<String> forms = new ArrayList<>(append(word, KA_VOWEL));
        if (last == 'ა' || last == 'ე') forms.add(drop(word, 1) + "ის");
        return forms;
    }

    private static String drop(String word, int chars) {
        return word.substring(0, word.length() - chars);
    }

    private static List<String> append(String stem, List<String> endings) {
        return endings.stream().map(ending -> stem + ending).toList();
    }
}
