package org.jgan.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jgan.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON in and out for configs, and {@code key.path=value} overrides that reject unknown keys. */
public final class ConfigJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);  // "batch": 64.9 is an error, not 64

    private ConfigJson() {
    }

    public static String toJson(Object config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(Object config) {
        return MAPPER.valueToTree(config);
    }

    /**
     * Reads the JSON file {@code file}: invalid JSON is one line naming the file, the line and column, and what the
     * parser expected, without its internals (source descriptions, start markers); an empty file says so.
     */
    public static JsonNode readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + (Files.exists(file) ? ": is a folder, not a JSON file"
                    : ": no such file"));
        }
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                throw new ConfigException(file + ": is empty, not a JSON config");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll("\\s*\\(start marker at \\[Source.*$", "").replaceAll("\\s*at \\[Source.*$", "");
            throw new ConfigException(file + ": not valid JSON" + (at != null && at.getLineNr() > 0 ? " at line "
                    + at.getLineNr() + ", column " + at.getColumnNr() : "") + " (" + why + ")");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + IoErrors.reason(e) + ")");
        }
    }

    /** Reads a config of type {@code type} from a tree, turning validation failures into one clear message. */
    public static <T> T fromTree(JsonNode tree, Class<T> type, String where) {
        try {
            return MAPPER.treeToValue(type == TrainConfig.class ? moveKeys(tree) : tree, type);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof ConfigException) {
                throw (ConfigException) root;
            }
            throw new ConfigException(where + ": " + keyPath(e) + what(e));
        }
    }

    /** What was wrong, in config words: Jackson's own message names Java classes and its features. */
    private static String what(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            return "unknown key" + (known.isEmpty() ? "" : " (this section's keys: " + String.join(", ", known) + ")");
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            Class<?> t = m.getTargetType();
            String want = t == int.class || t == long.class || t == Integer.class || t == Long.class ? "a whole number"
                    : t == double.class || t == float.class || t == Double.class ? "a number"
                    : t == boolean.class || t == Boolean.class ? "true or false"
                    : t == String.class ? "a string" : t.isEnum() ? "one of " + java.util.Arrays.toString(
                    t.getEnumConstants()) : "a JSON object of that section's keys";
            Object value = m instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f ? f.getValue() : null;
            String got = value == null ? "" : ", got " + (value instanceof String ? "\"" + value + "\"" : value);
            return "expected " + want + got;
        }
        return e.getOriginalMessage();
    }

    /**
     * Reads a config saved by any jgan version: keys missing from {@code tree} (added in a later version) take their
     * values from {@code defaults}, so old run folders keep loading; unknown keys are still errors.
     */
    public static <T> T fromTreeWithDefaults(JsonNode tree, T defaults, Class<T> type, String where) {
        ObjectNode merged = toTree(defaults);
        merge(merged, type == TrainConfig.class ? moveKeys(tree) : tree);
        return fromTree(merged, type, where);
    }

    /**
     * A copy of the config tree {@code tree} with the keys that older files hold elsewhere moved to their place now
     * ({@link ConfigExtension#movedKeys()}, e.g. {@code reg.plWeight} to {@code stylegan2.plWeight}), so every
     * config.json ever written still loads with the same meaning.
     */
    static JsonNode moveKeys(JsonNode tree) {
        if (!(tree instanceof ObjectNode) || ConfigSections.movedKeys().isEmpty()) {
            return tree;
        }
        ObjectNode out = ((ObjectNode) tree).deepCopy();
        ConfigSections.movedKeys().forEach((from, to) -> {
            String[] f = from.split("\\.");
            String[] t = to.split("\\.");
            if (out.get(f[0]) instanceof ObjectNode section && section.has(f[1])) {
                JsonNode v = section.remove(f[1]);
                JsonNode target = out.get(t[0]);
                (target instanceof ObjectNode o ? o : out.putObject(t[0])).set(t[1], v);
            }
        });
        return out;
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            JsonNode v = from.get(f);
            if (v.isObject() && into.get(f) instanceof ObjectNode child) {
                merge(child, v);
            } else {
                into.set(f, v);
            }
        }
    }

    /**
     * "model.width: " for an error inside model.width, so a user with several overrides knows which one failed. A
     * variant's section is read apart ({@link TrainConfigJson}), so the path inside it is that of a cause.
     */
    private static String keyPath(JsonProcessingException e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonMappingException m) {
                for (JsonMappingException.Reference r : m.getPath()) {
                    parts.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
                }
            }
        }
        return parts.isEmpty() ? "" : String.join(".", parts) + ": ";
    }

    /** Applies {@code key.path=value} overrides to {@code base}; an unknown key is an error naming the known ones. */
    public static <T> T withOverrides(T base, List<String> sets, Class<T> type) {
        if (sets == null || sets.isEmpty()) {
            return base;
        }
        ObjectNode tree = toTree(base);
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("override '" + set + "' is not key=value (e.g. optim.lrG=1e-4)");
            }
            String key = set.substring(0, eq).trim();
            key = ConfigSections.movedKeys().getOrDefault(key, key);  // an older name of a key still works
            String value = set.substring(eq + 1).trim();
            String[] path = key.split("\\.");
            ObjectNode node = tree;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = node.get(path[i]);
                if (!(child instanceof ObjectNode)) {
                    throw unknown(key, tree);
                }
                node = (ObjectNode) child;
            }
            String leaf = path[path.length - 1];
            JsonNode old = node.get(leaf);
            if (old == null || old.isObject()) {
                throw unknown(key, tree);
            }
            try {
                if (old.isBoolean()) {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new ConfigException(key + ": expected true or false, got '" + value + "'");
                    }
                    node.put(leaf, Boolean.parseBoolean(value));
                } else if (old.isIntegralNumber()) {
                    node.put(leaf, Long.parseLong(value));
                } else if (old.isNumber()) {
                    node.put(leaf, Double.parseDouble(value));
                } else {
                    node.put(leaf, value);
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(key + ": expected " + (old.isIntegralNumber() ? "a whole number" : "a number")
                        + ", got '" + value + "'");
            }
        }
        return fromTree(tree, type, "config override");
    }

    /** An unknown key, naming the keys of its section when the section exists, else the sections: all keys are many. */
    private static ConfigException unknown(String key, ObjectNode tree) {
        int dot = key.indexOf('.');
        JsonNode section = dot > 0 ? tree.get(key.substring(0, dot)) : null;
        if (section instanceof ObjectNode) {
            List<String> keys = new ArrayList<>();
            leaves(section).keySet().forEach(k -> keys.add(key.substring(0, dot + 1) + k));
            return new ConfigException("unknown config key '" + key + "'; keys of section " + key.substring(0, dot)
                    + ": " + String.join(", ", keys));
        }
        List<String> names = new ArrayList<>();
        tree.fields().forEachRemaining(f -> names.add(f.getValue().isObject() ? f.getKey() + ".*" : f.getKey()));
        return new ConfigException("unknown config key '" + key + "'; known keys and sections: "
                + String.join(", ", names));
    }

    /** The values of a config tree by key path ("seed", "model.width", ...), in the tree's order. */
    public static Map<String, JsonNode> leaves(JsonNode tree) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(tree, "", out);
        return out;
    }

    /**
     * The settings {@code b} gives otherwise than {@code a} (both {@link #leaves} of a config), as "key: old -> new"
     * in the config's order (a key only one of them has shows "none" on the other side).
     */
    public static List<String> differences(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            JsonNode x = a.get(k);
            JsonNode y = b.get(k);
            if (x == null || !x.equals(y)) {
                out.add(k + ": " + (x == null ? "none" : x.asText()) + " -> " + (y == null ? "none" : y.asText()));
            }
        }
        return out;
    }

    private static void collect(JsonNode node, String prefix, Map<String, JsonNode> out) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            JsonNode c = node.get(f);
            if (c.isObject()) {
                collect(c, prefix + f + ".", out);
            } else {
                out.put(prefix + f, c);
            }
        }
    }
}
