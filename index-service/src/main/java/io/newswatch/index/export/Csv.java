package io.newswatch.index.export;

import java.util.List;

/** RFC 4180 records: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled. */
final class Csv {
    static final String LINE_END = "\r\n";

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
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
