package io.newswatch.index.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertEquals("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"one\nline\",\r\n",
                Csv.record(Arrays.asList("plain", "a, b", "say \"hi\"", "two\r\nlines", "one\nline", null)));
    }

    @Test
    void emptyAndUnicodeFieldsStayAsTheyAre() {
        assertEquals(",Ереван,😀\r\n", Csv.record(List.of("", "Ереван", "😀")));
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreShownAsText() {
        assertEquals("\"'=HYPERLINK(\"\"http://x.example\"\")\",'+1+2,'-2+3,'@SUM(A1),'\t=1,-0.4,+3,1e5\r\n",
                Csv.record(List.of("=HYPERLINK(\"http://x.example\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "-0.4", "+3",
                        "1e5")));
    }
}
