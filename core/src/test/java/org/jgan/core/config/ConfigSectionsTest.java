package org.jgan.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A variant's own section ({@link ToyConfig}, registered by {@link ToyExtension}) behaves like a shared one: a
 * top-level key in JSON, defaults when absent, {@code --set toy.size=N}, validation naming the key, the variant's
 * presets listed by {@link Presets}; and keys that older files hold in another section move to it.
 */
class ConfigSectionsTest {
    static final TrainConfig BASE = TrainConfig.dcganFashionMnist();

    @Test
    void aSectionIsATopLevelKeyWithDefaults() throws Exception {
        assertEquals(new ToyConfig(4, 0), ToyConfig.SECTION.of(BASE));
        ObjectNode tree = ConfigJson.toTree(BASE);
        assertEquals(List.of("seed", "model", "data", "optim", "reg", "schedule", "guard", "toy"),
                iterable(tree.fieldNames()));
        assertEquals(4, tree.at("/toy/size").asInt());
        TrainConfig c = ToyConfig.SECTION.set(BASE, new ToyConfig(9, 2));
        assertEquals(c, ConfigJson.fromTree(ConfigJson.MAPPER.readTree(ConfigJson.toJson(c)), TrainConfig.class, "t"));
        ObjectNode without = ConfigJson.toTree(c);
        without.remove("toy");
        assertEquals(BASE, ConfigJson.fromTree(without, TrainConfig.class, "t"), "a missing section takes defaults");
    }

    @Test
    void overridesAndValidationNameTheSectionsKeys() {
        TrainConfig c = ConfigJson.withOverrides(BASE, List.of("toy.size=12", "toy.weight=0.25"), TrainConfig.class);
        assertEquals(new ToyConfig(12, 0.25), ToyConfig.SECTION.of(c));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigJson.withOverrides(BASE, List.of("toy.size=0"), TrainConfig.class));
        assertEquals("toy.size must be at least 1, got 0", e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> ConfigJson.withOverrides(BASE, List.of("toy.colour=1"), TrainConfig.class));
        assertTrue(e.getMessage().contains("unknown config key 'toy.colour'") && e.getMessage().contains("toy.size"),
                e.getMessage());
        ObjectNode bad = ConfigJson.toTree(BASE);
        ((ObjectNode) bad.get("toy")).put("size", "big");
        e = assertThrows(ConfigException.class, () -> ConfigJson.fromTree(bad, TrainConfig.class, "cfg.json"));
        assertTrue(e.getMessage().startsWith("cfg.json: toy.size: "), e.getMessage());
        ObjectNode unknown = ConfigJson.toTree(BASE);
        unknown.putObject("toys").put("size", 3);
        e = assertThrows(ConfigException.class, () -> ConfigJson.fromTree(unknown, TrainConfig.class, "cfg.json"));
        assertTrue(e.getMessage().startsWith("cfg.json: toys: not a config section") && e.getMessage().contains(
                "guard, toy)"), e.getMessage());
    }

    @Test
    void keysOfOlderFilesMoveToTheirSection() throws Exception {
        JsonNode old = ConfigJson.MAPPER.readTree("{\"seed\": 3, \"reg\": {\"r1Gamma\": 2.0, \"toyWeight\": 1.5}}");
        TrainConfig c = ConfigJson.fromTreeWithDefaults(old, BASE, TrainConfig.class, "old/config.json");
        assertEquals(1.5, ToyConfig.SECTION.of(c).weight());
        assertEquals(2.0, c.reg().r1Gamma());
        assertEquals(3, c.seed());
        assertEquals(0.75, ToyConfig.SECTION.of(ConfigJson.withOverrides(BASE, List.of("reg.toyWeight=0.75"),
                TrainConfig.class)).weight(), "the old key still works in overrides");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigJson.fromTreeWithDefaults(
                ConfigJson.MAPPER.readTree("{\"reg\": {\"toyWeight\": -1}}"), BASE, TrainConfig.class, "f"));
        assertEquals("toy.weight must be 0 or positive, got -1.0", e.getMessage());
    }

    @Test
    void theVariantsPresetsAreListed() {
        assertEquals(new ToyConfig(7, 0.5), ToyConfig.SECTION.of(Presets.byName("toy")));
        assertTrue(Presets.names().contains("dcgan") && Presets.names().contains("toy"), "" + Presets.names());
        assertEquals(List.of(ToyConfig.SECTION), ConfigSections.all());
    }

    @Test
    void aSectionMustHaveItsType() {
        assertThrows(ConfigException.class, () -> new TrainConfig(1, BASE.model(), BASE.data(), BASE.optim(),
                BASE.reg(), BASE.schedule(), BASE.guard(), java.util.Map.of("toy", "big")));
        ConfigException e = assertThrows(ConfigException.class, () -> new TrainConfig(1, BASE.model(), BASE.data(),
                BASE.optim(), BASE.reg(), BASE.schedule(), BASE.guard(), java.util.Map.of("other", 1)));
        assertTrue(e.getMessage().contains("[other]"), e.getMessage());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
