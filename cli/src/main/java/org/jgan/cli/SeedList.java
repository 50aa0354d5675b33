package org.jgan.cli;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.config.ConfigException;

/** Seed lists as the command line writes them ("1,2,3", "1-4", "1-3,9"); the latents are {@code models.Latents}. */
final class SeedList {
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
                    if (b < a || b - a > 1000) {
                        throw new NumberFormatException();
                    }
                    for (long s = a; s <= b; s++) {
                        out.add(s);
                    }
                } else {
                    out.add(Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(option + " '" + p + "': give seeds as numbers, e.g. 1,2,3 or 10-15");
            }
        }
        return out;
    }
}
