package org.jgan.core.data.captions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Word splitting, ids by frequency, unknown words, padding and truncation, and the vocabulary file. */
class TokenizerTest {
    @TempDir
    Path tmp;

    @Test
    void splitsIntoLowerCaseWordsKeepingHyphenatedOnes() {
        assertEquals(List.of("a", "dark", "t-shirt", "that", "s", "medium-sized", "2", "x3"),
                Tokenizer.words("A DARK T-Shirt, that's  medium-sized! 2 -x3-"));
        assertEquals(List.of("t", "shirt", "ü"), Tokenizer.words("t--shirt - Ü"));
        assertEquals(List.of(), Tokenizer.words(" ,.; "));
    }

    @Test
    void idsGoByFrequencyThenSpellingAfterTheReservedOnes() {
        Tokenizer t = Tokenizer.build(List.of("a dark coat", "a light coat", "a bag"), 5);
        // a: 3, coat: 2, then bag, dark, light once each, alphabetically.
        assertEquals(List.of("<pad>", "<unk>", "a", "coat", "bag", "dark", "light"),
                java.util.stream.IntStream.range(0, t.size()).mapToObj(t::word).toList());
        assertArrayEquals(new int[]{2, 5, 3, 0, 0}, t.encode("A dark coat"));
        assertEquals("a dark coat", t.decode(t.encode("a dark coat")));
    }

    @Test
    void unknownWordsMapToOneAndAreListed() {
        Tokenizer t = Tokenizer.build(List.of("a dark coat"), 4);
        // All words once, so by spelling: a = 2, coat = 3, dark = 4.
        assertArrayEquals(new int[]{2, 1, 3, 1}, t.encode("a shiny coat, striped"));
        assertEquals(List.of("shiny", "striped"), t.unknownWords("a shiny coat, striped"));
        assertEquals(List.of(), t.unknownWords("Coat a DARK"));
    }

    @Test
    void padsShortAndTruncatesLongCaptions() {
        Tokenizer t = Tokenizer.build(List.of("one two three four five"), 3);
        assertArrayEquals(new int[]{t.id("one"), t.id("two"), t.id("three")}, t.encode("one two three four five"));
        assertArrayEquals(new int[]{t.id("five"), 0, 0}, t.encode("five"));
        assertArrayEquals(new int[]{0, 0, 0}, t.encode(""));
        assertEquals(List.of("six"), t.unknownWords("one two three four six"), "past the length still counts");
    }

    @Test
    void vocabularyRoundTripsThroughJson() {
        Tokenizer t = Tokenizer.build(List.of("a light ankle boot", "a grey, small t-shirt", "this bag is plain"), 7);
        Path f = tmp.resolve("vocabulary.json");
        t.save(f);
        Tokenizer back = Tokenizer.load(f);
        assertEquals(t.size(), back.size());
        assertEquals(7, back.maxLength());
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.word(i), back.word(i));
        }
        assertArrayEquals(t.encode("a small plain ankle boot"), back.encode("a small plain ankle boot"));
    }

    @Test
    void badVocabularyFilesNameTheFile() throws IOException {
        assertBad(tmp.resolve("missing.json"), "no such vocabulary file");
        String head = "{\"format\": \"jgan-vocabulary\", \"version\": 1, ";
        assertBad(write("noreserved.json", head + "\"maxLength\": 4, \"words\": [\"a\", \"b\"]}"), "starting with");
        assertBad(write("twice.json", head + "\"maxLength\": 4, \"words\": [\"<pad>\", \"<unk>\", \"a\", \"a\"]}"),
                "twice");
        assertBad(write("upper.json", head + "\"maxLength\": 4, \"words\": [\"<pad>\", \"<unk>\", \"Dark\"]}"),
                "not a single lower-case word");
        assertBad(write("zero.json", head + "\"maxLength\": 0, \"words\": [\"<pad>\", \"<unk>\"]}"), "at least 1");
        Files.write(tmp.resolve("utf.json"), new byte[]{'{', (byte) 0xff, '}'});
        assertBad(tmp.resolve("utf.json"), "not valid UTF-8");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static void assertBad(Path file, String part) {
        DataException e = assertThrows(DataException.class, () -> Tokenizer.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
