package org.jgan.metrics.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.Fid;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.features.FeatureExtractor;

/**
 * The real-data floor: FID between the first {@code n} images of the train split and the reference (test) split,
 * with the same extractor and sample count as an evaluation. No generator can be expected to beat it, so it puts a
 * model's FID in scale. Computed once per extractor, data and count, then read from the cache.
 */
public final class RealFloor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealFloor() {
    }

    /** The floor's FID and what it compared. */
    public record Result(double fid, String train, String reference, int count) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fid", fid);
            m.put("train", train);
            m.put("reference", reference);
            m.put("samples", count);
            return m;
        }
    }

    public static Result compute(FeatureExtractor fx, FeatureCache cache, ImageDataset train, ImageDataset test,
                                 Reference ref, int n) throws IOException {
        String key = "floor-" + fx.fingerprint() + "-" + train.fingerprint() + "-" + test.fingerprint() + "-" + n;
        String cached = cache.readValue(key);
        if (cached != null) {
            JsonNode j = JSON.readTree(cached);
            return new Result(j.get("fid").asDouble(), j.get("train").asText(), j.get("reference").asText(),
                    j.get("samples").asInt());
        }
        var trainFeatures = cache.features(fx, train, n);
        Result r = new Result(Fid.distance(FidStats.of(trainFeatures), ref.stats()), trainFeatures.source(),
                ref.name(), trainFeatures.count());
        cache.writeValue(key, JSON.writeValueAsString(r.toMap()));
        return r;
    }
}
