package org.jgan.core.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@link TrainConfig} from JSON: the shared sections by name, every other top-level key as a variant's
 * {@link ConfigSection} (Jackson 2.17 has no any-setter for record constructors, hence a builder). A missing shared
 * section or seed, and a key that is no registered section, are errors.
 */
@JsonPOJOBuilder(withPrefix = "")
final class TrainConfigJson {
    @JsonProperty private Long seed;
    @JsonProperty private ModelConfig model;
    @JsonProperty private DataConfig data;
    @JsonProperty private OptimConfig optim;
    @JsonProperty private RegConfig reg;
    @JsonProperty private ScheduleConfig schedule;
    @JsonProperty private GuardConfig guard;
    private final Map<String, Object> sections = new LinkedHashMap<>();

    @JsonAnySetter
    void section(String name, JsonNode value) throws IOException {
        ConfigSection<?> s = ConfigSections.byName(name);
        if (s == null) {
            throw new JsonMappingException(null, "not a config section (known: seed, model, data, optim, reg, "
                    + "schedule, guard" + (ConfigSections.all().isEmpty() ? "" : ", ")
                    + String.join(", ", ConfigSections.all().stream().map(ConfigSection::name).toList()) + ")");
        }
        sections.put(name, ConfigJson.MAPPER.treeToValue(value, s.type()));  // errors keep the key path
    }

    TrainConfig build() throws JsonMappingException {
        String missing = seed == null ? "seed" : model == null ? "model" : data == null ? "data" : optim == null
                ? "optim" : reg == null ? "reg" : schedule == null ? "schedule" : guard == null ? "guard" : null;
        if (missing != null) {
            throw new JsonMappingException(null, "missing config key '" + missing + "'");
        }
        return new TrainConfig(seed, model, data, optim, reg, schedule, guard, sections);
    }
}
