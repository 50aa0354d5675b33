package org.jgan.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jgan.core.config.ConfigException;
import org.jgan.core.train.GanVariant;
import org.jgan.models.cgan.Cgan;
import org.jgan.models.cyclegan.CycleGan;
import org.jgan.models.dcgan.Dcgan;
import org.jgan.models.pix2pix.Pix2Pix;
import org.jgan.models.srgan.Srgan;
import org.jgan.models.stylegan2.StyleGan2;
import org.jgan.models.vanilla.VanillaGan;

/**
 * The explicit registry of variants: a map from name to constructor, so a misspelt class fails to compile and the
 * CLI can list what exists. A new variant is one package plus one line here.
 */
public final class Variants {
    private static final Map<String, Supplier<GanVariant>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("dcgan", Dcgan::new);
        ALL.put("vanilla", VanillaGan::new);
        ALL.put("cgan", Cgan::new);
        ALL.put("pix2pix", Pix2Pix::new);
        ALL.put("cyclegan", CycleGan::new);
        ALL.put("srgan", Srgan::new);
        ALL.put("stylegan2", () -> new StyleGan2(false));
        ALL.put("stylegan2-cond", () -> new StyleGan2(true));
        ALL.put("text2image", org.jgan.models.text2image.Text2Image::new);
        ALL.put("ctgan", org.jgan.models.ctgan.Ctgan::new);
        ALL.put("timegan", org.jgan.models.timegan.TimeGan::new);
        ALL.put("mocogan", () -> new org.jgan.models.mocogan.MoCoGan(false));
        ALL.put("mocogan-cond", () -> new org.jgan.models.mocogan.MoCoGan(true));
    }

    private Variants() {
    }

    public static GanVariant byName(String name) {
        Supplier<GanVariant> s = ALL.get(name);
        if (s == null) {
            throw new ConfigException("unknown model '" + name + "'; choose one of " + String.join(", ", ALL.keySet()));
        }
        return s.get();
    }

    public static Map<String, Supplier<GanVariant>> all() {
        return Collections.unmodifiableMap(ALL);
    }
}
