package io.newswatch.index.export;

import java.util.List;

/** RFC 4180 records: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled. */
final class Csv {
    static final String LINE_END = "\r\n";
    private static final String FORMULA_START = "=+-@\t\r";
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private Csv() {}

    /** One record, with its CRLF line end; null fields are empty. */
    static String record(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) line.append(',');
            line.append(field(fields.get(i)));
        }
        return line.append(LINE_END).toString();
    }

    static String field(String value) {
        if (value == null) return "";
        value = neutralised(value);
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * A cell a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, or a tab or carriage
     * return before one) gets a leading apostrophe, so an article title such as {@code =HYPERLINK(...)} is shown as
     * text (OWASP's advice for CSV injection). Plain numbers ({@code -0.4}) are left as numbers.
     */
    static String neutralised(String value) {
        if (value.isEmpty() || FORMULA_START.indexOf(value.charAt(0)) < 0 || NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

}
