package org.jgan.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jgan.core.config.ConfigExtension;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;
import org.jgan.models.cgan.CganConfig;
import org.jgan.models.cgan.CganPresets;
import org.jgan.models.i2i.ImageToImageConfig;
import org.jgan.models.i2i.ImageToImagePresets;
import org.jgan.models.stylegan2.StyleGan2Config;
import org.jgan.models.stylegan2.StyleGan2Presets;

/**
 * What the variants add to core's configuration: their sections ({@code i2i}, {@code stylegan2}, {@code cgan},
 * {@code text2image}, {@code ctgan}, {@code timegan}, {@code mocogan}), their presets and
 * the StyleGAN2 keys that older config files hold in {@code reg}. Core finds it through
 * {@code META-INF/services/org.jgan.core.config.ConfigExtension}.
 */
public final class VariantConfigs implements ConfigExtension {
    @Override
    public List<ConfigSection<?>> sections() {
        return List.of(ImageToImageConfig.SECTION, StyleGan2Config.SECTION, CganConfig.SECTION,
                org.jgan.models.text2image.Text2ImageConfig.SECTION, org.jgan.models.ctgan.CtganConfig.SECTION,
                org.jgan.models.timegan.TimeGanConfig.SECTION,
                org.jgan.models.mocogan.MoCoGanConfig.SECTION);
    }

    @Override
    public Map<String, Supplier<TrainConfig>> presets() {
        Map<String, Supplier<TrainConfig>> p = new LinkedHashMap<>();
        p.put("cgan", CganPresets::cgan);
        p.put("pix2pix", ImageToImagePresets::pix2pix);
        p.put("cyclegan", ImageToImagePresets::cyclegan);
        p.put("srgan", ImageToImagePresets::srgan);
        p.put("stylegan2", StyleGan2Presets::stylegan2);
        p.put("stylegan2-cond", StyleGan2Presets::stylegan2Cond);
        p.put("text2image", org.jgan.models.text2image.Text2ImagePresets::text2image);
        p.put("text2image-match", org.jgan.models.text2image.Text2ImagePresets::text2imageMatch);
        p.put("text2image-balanced", org.jgan.models.text2image.Text2ImagePresets::text2imageBalanced);
        p.put("text2image-seek", org.jgan.models.text2image.Text2ImagePresets::text2imageSeek);
        p.put("ctgan", org.jgan.models.ctgan.CtganPresets::ctgan);
        p.put("timegan", org.jgan.models.timegan.TimeGanPresets::timegan);
        p.put("mocogan", org.jgan.models.mocogan.MoCoGanPresets::mocogan);
        p.put("mocogan-cond", org.jgan.models.mocogan.MoCoGanPresets::mocoganCond);
        return p;
    }

    @Override
    public Map<String, String> movedKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of("styleMixing", "plWeight", "plEvery")) {
            m.put("reg." + k, "stylegan2." + k);
        }
        return m;
    }
}
