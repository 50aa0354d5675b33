package org.jgan.metrics.table;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.table.OrderRules;
import org.jgan.core.data.table.Table;

/**
 * How often a table breaks an ordering between two numeric columns that every real training row keeps or that the
 * schema declares ({@link OrderRules}: {@code temp_min <= temp_max}, US gross at most worldwide gross). The quality score does not
 * see such a rule: a pair trend is a correlation, and a table can have the right one while a third of its rows say
 * a film grossed less worldwide than in the US.
 *
 * @param rule   the ordering, "low &lt;= high"
 * @param broken the share of the table's rows with both values that break it (0 for the real training rows
 *               when the ordering was found in them)
 */
public record OrderingScore(String rule, double broken) {
    /**
     * Each ordering of {@code rules} (found in the training rows or declared, {@link OrderRules#of(Table)}) scored on {@code t},
     * its columns found by name; the same rules in the same order for every table scored, so that they line up.
     */
    public static List<OrderingScore> of(OrderRules rules, Table t) {
        List<OrderingScore> out = new ArrayList<>();
        for (OrderRules.Rule rule : rules.rules()) {
            out.add(new OrderingScore(rule.toString(), OrderRules.broken(t, rule)));
        }
        return out;
    }
}
