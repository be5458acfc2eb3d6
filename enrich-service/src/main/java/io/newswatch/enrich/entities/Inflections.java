package io.newswatch.enrich.entities;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Case forms of names in Russian, Armenian, Georgian and Azerbaijani, so that "Пашиняна",
 * "Փաշինյանի", "ფაშინიანის" and "Paşinyanın" find Pashinyan without listing every form in the data
 * file. Only the last word is inflected and only with the commonest endings: a first pass, not a
 * morphological analyser. Turkish writes suffixes after an apostrophe ("Paşinyan'ın"), a word
 * boundary; Azerbaijani attaches them ("Bakıda"), following vowel harmony, and is told from English
 * by its letters (an alias with ə, ı, ş, ç, ğ, ö or ü).
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
    /** After a final -ի the endings attach directly: Գյումրի -> Գյումրիում. */
    private static final List<String> HY_I = List.of("ն", "ի", "ից", "ով", "ում");
    /** A final -ու becomes -վ before an ending: Բաքու -> Բաքվում, Բաքվի. */
    private static final List<String> HY_U_STEM = List.of("ի", "ից", "ով", "ում");
    private static final String AZ_LETTERS = "əışçğöüƏİŞÇĞÖÜ";
    private static final String AZ_VOWELS = "aıoueəiöü";
    /**
     * Azerbaijani case endings with their vowel written as a placeholder: A is a or ə (two-way
     * harmony), I is ı, i, u or ü (four-way). Genitive, dative, accusative, locative, ablative,
     * instrumental, and -dakı ("in"), each after a consonant and after a vowel.
     */
    private static final List<String> AZ_AFTER_CONSONANT = List.of("In", "A", "I", "dA", "dAn", "lA", "dAkI");
    private static final List<String> AZ_AFTER_VOWEL = List.of("nIn", "yA", "nI", "dA", "dAn", "ylA", "dAkI");
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
            case LATIN -> isAzerbaijani(word) ? azerbaijani(word) : List.of();
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
        if (word.endsWith("ու")) {
            List<String> forms = new ArrayList<>(append(drop(word, 2) + "վ", HY_U_STEM));
            forms.add(word + "ն");
            return forms;
        }
        if (word.endsWith("ի")) return append(word, HY_I);
        boolean vowel = ARMENIAN_VOWELS.indexOf(word.charAt(word.length() - 1)) >= 0;
        return append(word, vowel ? HY_VOWEL : HY_CONSONANT);
    }

    private static boolean isAzerbaijani(String word) {
        return word.chars().anyMatch(c -> AZ_LETTERS.indexOf(c) >= 0);
    }

    private static List<String> azerbaijani(String word) {
        String lower = word.toLowerCase(java.util.Locale.forLanguageTag("az"));
        char lastVowel = 0;
        for (int i = lower.length() - 1; i >= 0 && lastVowel == 0; i--) {
            if (AZ_VOWELS.indexOf(lower.charAt(i)) >= 0) lastVowel = lower.charAt(i);
        }
        if (lastVowel == 0) return List.of();
        boolean endsInVowel = AZ_VOWELS.indexOf(lower.charAt(lower.length() - 1)) >= 0;
        String a = "aıou".indexOf(lastVowel) >= 0 ? "a" : "ə";
        String i = switch (lastVowel) {
            case 'a', 'ı' -> "ı";
            case 'o', 'u' -> "u";
            case 'ö', 'ü' -> "ü";
            default -> "i";
        };
        return (endsInVowel ? AZ_AFTER_VOWEL : AZ_AFTER_CONSONANT).stream()
                .map(ending -> word + ending.replace("A", a).replace("I", i)).toList();
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
