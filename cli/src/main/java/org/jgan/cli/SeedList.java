package org.jgan.cli;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.config.ConfigException;

/** Seed lists as the command line writes them ("1,2,3", "1-4", "1-3,9"); the latents are {@code models.Latents}. */
final class SeedList {
    /** Seeds one option may list: each is an image (a row or column of a grid), so more is a mistake or a stall. */
    static final int MAX_SEEDS = 1000;

    private SeedList() {
    }

    /** "1,2,3" or "1-4" or a mix ("1-3,9") as a list of seeds; {@code option} names the option in errors. */
    static List<Long> parse(String spec, String option) {
        List<Long> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    long a = Long.parseLong(p.substring(0, dash).trim());
                    long b = Long.parseLong(p.substring(dash + 1).trim());
                    if (b < a) {
                        throw new ConfigException(option + " '" + p + "': a range runs from low to high, e.g. " + b
                                + "-" + a);
                    }
                    if (b - a >= MAX_SEEDS || b - a < 0) {  // < 0: the difference overflowed a long
                        throw new ConfigException(option + " '" + p + "': a range holds at most " + MAX_SEEDS
                                + " seeds, this one " + (java.math.BigInteger.valueOf(b)
                                .subtract(java.math.BigInteger.valueOf(a)).add(java.math.BigInteger.ONE)));
                    }
                    for (long s = a; s <= b; s++) {
                        out.add(s);
                    }
                } else {
                    out.add(Long.parseLong(p));
                }
                if (out.size() > MAX_SEEDS) {
                    throw new ConfigException(option + " '" + spec + "': at most " + MAX_SEEDS + " seeds, got more");
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(option + " '" + p + "': give seeds as numbers, e.g. 1,2,3 or 10-15");
            }
        }
        return out;
    }
}
