package org.jgan.core.data.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgan.core.data.DataSources;
import org.junit.jupiter.api.Test;

/** Captions are reproducible, varied in subset, order and phrasing, and say exactly what their mask says. */
class CaptionerTest {
    private static final List<String> CLASSES = DataSources.FASHION_MNIST_CLASSES;

    @Test
    void nounsAreLowerCaseWithOneNameForTShirts() {
        assertEquals("t-shirt", Captioner.noun("T-shirt/top"));
        assertEquals("ankle boot", Captioner.noun("Ankle boot"));
        assertEquals("trouser", Captioner.noun("Trouser"));
    }

    @Test
    void sameSeedAndIndexGiveTheSameCaption() {
        Captioner a = new Captioner(42);
        Captioner b = new Captioner(42);
        Captioner other = new Captioner(43);
        int differ = 0;
        for (int i = 0; i < 50; i++) {
            int[] levels = {i % 3, (i / 3) % 3, (i / 9) % 3};
            assertEquals(a.caption("Coat", levels, i), b.caption("Coat", levels, i));
            differ += a.caption("Coat", levels, i).equals(other.caption("Coat", levels, i)) ? 0 : 1;
        }
        assertTrue(differ > 25, "another seed gives other captions: " + differ + " of 50 differ");
    }

    @Test
    void everyCaptionNamesItsClassAndExactlyItsMentionedLevels() {
        Captioner cap = new Captioner(5);
        for (int c = 0; c < CLASSES.size(); c++) {
            List<String> noun = Tokenizer.words(Captioner.noun(CLASSES.get(c)));
            for (int i = 0; i < 81; i++) {
                int[] levels = {i % 3, (i / 3) % 3, (i / 9) % 3};
                Caption caption = cap.caption(CLASSES.get(c), levels, 1000L * c + i);
                List<String> words = Tokenizer.words(caption.text());
                assertTrue(Collections.indexOfSubList(words, noun) >= 0, caption + " names " + noun);
                assertTrue(caption.mentioned() > 0, caption + " mentions something");
                for (CaptionAttribute a : CaptionAttribute.values()) {
                    for (int l = 0; l < 3; l++) {
                        boolean said = words.contains(a.word(l));
                        boolean meant = caption.mentions(a) && levels[a.ordinal()] == l;
                        assertEquals(meant, said, caption + ": " + a.word(l));
                    }
                }
            }
        }
    }

    @Test
    void subsetsOrdersAndPhrasingsAllOccur() {
        Captioner cap = new Captioner(1);
        int[] levels = {0, 1, 2};
        Set<Integer> subsets = new HashSet<>();
        Set<List<String>> orders = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Caption c = cap.caption("Ankle boot", levels, i);
            subsets.add(c.mentioned());
            List<String> said = new ArrayList<>();
            String shape = " " + c.text() + " ";
            for (String w : Tokenizer.words(c.text())) {
                for (CaptionAttribute a : CaptionAttribute.values()) {
                    if (a.words().contains(w)) {
                        said.add(w);
                        shape = shape.replace(" " + w + " ", " A ").replace(" " + w + ",", " A,");
                    }
                }
            }
            if (said.size() == 3) {
                orders.add(said);
            }
            shapes.add(shape.replace("ankle boot", "N").strip());
        }
        assertEquals(7, subsets.size(), "all non-empty subsets of the three attributes");
        assertEquals(6, orders.size(), "all orders of three attributes: " + orders);
        // Eight phrasings, each with one, two or three attributes (phrasing 1 also varies with where brightness is).
        assertTrue(shapes.size() >= 3 * Captioner.PHRASINGS, shapes.size() + " shapes: " + shapes);
        assertTrue(shapes.contains("an N that is A"), shapes.toString());
    }

    @Test
    void exampleCaptionsReadNaturally() {
        List<CaptionAttribute> bs = List.of(CaptionAttribute.BRIGHTNESS, CaptionAttribute.SIZE);
        assertEquals("a dark, large pullover", Captioner.phrase("pullover", bs, List.of("dark", "large"), 0));
        assertEquals("ankle boot, light coloured", Captioner.phrase("ankle boot",
                List.of(CaptionAttribute.BRIGHTNESS), List.of("light"), 1));
        assertEquals("a small, plain sneaker that is dark", Captioner.phrase("sneaker", List.of(CaptionAttribute.SIZE,
                CaptionAttribute.TEXTURE, CaptionAttribute.BRIGHTNESS), List.of("small", "plain", "dark"), 2));
        assertEquals("this coat is grey and patterned", Captioner.phrase("coat", List.of(CaptionAttribute.BRIGHTNESS,
                CaptionAttribute.TEXTURE), List.of("grey", "patterned"), 6));
        assertNotEquals(Captioner.phrase("coat", bs, List.of("dark", "large"), 3),
                Captioner.phrase("coat", bs, List.of("dark", "large"), 4));
    }

    @Test
    void badLevelsAreRefused() {
        Captioner cap = new Captioner(0);
        assertThrows(IllegalArgumentException.class, () -> cap.caption("Coat", new int[]{0, 1}, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cap.caption("Coat", new int[]{0, 3, 0}, 0));
        assertTrue(e.getMessage().contains("size level"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
