package org.jgan.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that configs survive a JSON round trip, that {@code --set key.path=value} overrides every value type and
 * rejects unknown keys (listing the known ones) and malformed values, and that the records' compact constructors turn
 * impossible settings into messages naming the key.
 */
class ConfigJsonTest {
    static final TrainConfig BASE = TrainConfig.dcganFashionMnist();

    static TrainConfig set(String... sets) {
        return ConfigJson.withOverrides(BASE, List.of(sets), TrainConfig.class);
    }

    static void assertSetFails(String set, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> set(set));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
        }
    }

    static JsonNode tree(String json) throws Exception {
        return ConfigJson.MAPPER.readTree(json);
    }

    @Test
    void jsonRoundTrip() throws Exception {
        TrainConfig c = set("seed=99", "optim.emaBeta=0.999", "model.loss=hinge", "data.dropLast=false");
        String json = ConfigJson.toJson(c);
        assertTrue(json.contains("\"lrG\" : 2.0E-4"), json);
        assertEquals(c, ConfigJson.fromTree(tree(json), TrainConfig.class, "test"));
        assertEquals(BASE, ConfigJson.fromTree(ConfigJson.toTree(BASE), TrainConfig.class, "test"));
    }

    @Test
    void setOverridesEveryValueType() {
        TrainConfig c = set("model.width=8", "schedule.steps=1234567890123", "seed=-5", "optim.lrG=1e-4",
                "optim.beta1=0", "data.dropLast=false", "model.loss=least-squares", " data.source = /tmp/x ");
        assertEquals(8, c.model().width());
        assertEquals(1234567890123L, c.schedule().steps());
        assertEquals(-5, c.seed());
        assertEquals(1e-4, c.optim().lrG(), 0.0);
        assertEquals(0.0, c.optim().beta1(), 0.0);
        assertEquals(false, c.data().dropLast());
        assertEquals("least-squares", c.model().loss());
        assertEquals("/tmp/x", c.data().source());
        // Untouched values stay, the base is not modified, and a later --set wins.
        assertEquals(BASE.optim().lrD(), c.optim().lrD(), 0.0);
        assertEquals(64, BASE.model().width());
        assertEquals(16, set("model.width=8", "model.width=16").model().width());
        assertSame(BASE, ConfigJson.withOverrides(BASE, List.of(), TrainConfig.class));
    }

    @Test
    void unknownKeyListsTheKnownKeys() {
        // the key's own section when it names one, else the sections: all keys together are a 2,000-character line
        for (String key : new String[]{"nope.key", "model", "Seed"}) {
            assertSetFails(key + "=1", "unknown config key '" + key + "'", "known keys and sections: seed, model.*,",
                    "optim.*", "data.*", "schedule.*");
        }
        for (String key : new String[]{"model.nope", "model.width.x"}) {
            assertSetFails(key + "=1", "unknown config key '" + key + "'", "keys of section model: model.name,",
                    "model.width");
        }
    }

    @Test
    void malformedValues() {
        assertSetFails("optim.lrG=fast", "optim.lrG: expected a number, got 'fast'");
        assertSetFails("model.width=8.5", "model.width: expected a whole number, got '8.5'");
        assertSetFails("data.dropLast=yes", "data.dropLast: expected true or false, got 'yes'");
        assertSetFails("model.width", "is not key=value");
        assertSetFails("=3", "is not key=value");
        assertSetFails("model.width=99999999999", "config override: model.width: ", "out of range");
    }

    @Test
    void validationMessagesNameTheKey() {
        assertSetFails("optim.lrG=-0.001", "optim.lrG must be in (0, 1), got -0.001");
        assertSetFails("optim.beta2=1", "optim.beta2 must be in [0, 1)");
        assertSetFails("optim.emaBeta=1.5", "optim.emaBeta must be 0 (off) or in (0, 1)");
        assertSetFails("data.batch=0", "data.batch must be in 1..65536, got 0");
        assertSetFails("data.source=", "data.source is empty");
        assertSetFails("model.width=0", "model.width must be in 1..1024");
        assertSetFails("schedule.epochs=0", "say how long to train: set schedule.epochs or schedule.steps");
        assertSetFails("schedule.logEvery=0", "schedule.logEvery must be at least 1");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ScheduleConfig(0, 0, 1, 1, 1, 1, 1));
        assertTrue(e.getMessage().contains("schedule.epochs or schedule.steps"), e.getMessage());
        assertThrows(ConfigException.class, () -> new OptimConfig(-1, 1e-3, 0.5, 0.9, 0, 1));
        assertThrows(ConfigException.class, () -> new TrainConfig(1, null, BASE.data(), BASE.optim(),
                BASE.reg(), BASE.schedule(), BASE.guard()));
        assertSetFails("reg.diffAugment=flip", "unknown policy 'flip'");
        assertSetFails("guard.onCollapse=panic", "guard.onCollapse must be warn, rollback or stop");
        assertSetFails("model.dNorm=layer", "model.dNorm must be batch or none");
    }

    @Test
    void badJsonNamesWhereItCameFrom() throws Exception {
        ObjectNode t = ConfigJson.toTree(BASE);
        ((ObjectNode) t.get("optim")).put("lrD", 7.0);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigJson.fromTree(t, TrainConfig.class, "run/config.json"));
        assertEquals("optim.lrD must be in (0, 1), got 7.0", e.getMessage());

        ObjectNode extra = ConfigJson.toTree(BASE).put("colour", "blue");
        e = assertThrows(ConfigException.class, () -> ConfigJson.fromTree(extra, TrainConfig.class, "cfg.json"));
        assertTrue(e.getMessage().startsWith("cfg.json: ") && e.getMessage().contains("colour"), e.getMessage());

        // Jackson's words (Java class names, its features) never reach the user; fractions are not cut to integers
        ObjectNode typo = ConfigJson.toTree(BASE);
        ((ObjectNode) typo.get("optim")).put("lrGG", 0.001);
        e = assertThrows(ConfigException.class, () -> ConfigJson.fromTree(typo, TrainConfig.class, "cfg.json"));
        assertTrue(e.getMessage().startsWith("cfg.json: optim.lrGG: unknown key (this section's keys: ")
                && e.getMessage().contains("lrG") && !e.getMessage().contains("class "), e.getMessage());
        ObjectNode text = ConfigJson.toTree(BASE);
        ((ObjectNode) text.get("optim")).put("lrG", "abc");
        e = assertThrows(ConfigException.class, () -> ConfigJson.fromTree(text, TrainConfig.class, "cfg.json"));
        assertEquals("cfg.json: optim.lrG: expected a number, got \"abc\"", e.getMessage());
        ObjectNode fraction = ConfigJson.toTree(BASE);
        ((ObjectNode) fraction.get("data")).put("batch", 64.9);
        e = assertThrows(ConfigException.class, () -> ConfigJson.fromTree(fraction, TrainConfig.class, "cfg.json"));
        assertTrue(e.getMessage().startsWith("cfg.json: data.batch: "), e.getMessage());

        ObjectNode missing = ConfigJson.toTree(BASE);
        missing.remove("schedule");
        e = assertThrows(ConfigException.class, () -> ConfigJson.fromTree(missing, TrainConfig.class, "cfg.json"));
        assertTrue(e.getMessage().startsWith("cfg.json: ") && e.getMessage().contains("schedule"), e.getMessage());
    }
}
