package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.Presets;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.RunDir;
import org.jgan.models.cgan.CganConfig;
import org.jgan.models.i2i.ImageToImageConfig;
import org.jgan.models.stylegan2.StyleGan2Config;
import org.junit.jupiter.api.Test;

/**
 * The variants' own config sections ({@code i2i}, {@code stylegan2}) as {@link VariantConfigs} registers them with
 * core: config.json keeps its form, a config.json written before {@code stylegan2} existed (its keys in {@code reg})
 * still loads with the same values, old and new {@code --set} keys work, errors name the section's key, and the
 * variants' presets are listed where they always were.
 */
class VariantConfigsTest {
    @Test
    void anOldConfigJsonLoadsWithItsStyleGan2KeysMoved() throws Exception {
        Path run = Path.of(VariantConfigsTest.class.getResource("/fixtures/old-stylegan2-run/config.json").toURI())
                .getParent();
        TrainConfig c = new RunDir(run).readConfig();
        assertEquals(new StyleGan2Config(0.8, 2.0, 8), StyleGan2Config.of(c));
        assertEquals("BtoA", ImageToImageConfig.of(c).direction());
        assertEquals(50.0, ImageToImageConfig.of(c).lambdaL1());
        assertEquals(0.1, c.reg().r1Gamma());
        TrainConfig expected = new StyleGan2Config(0.8, 2.0, 8).in(ConfigJson.withOverrides(Presets.byName(
                "stylegan2"), List.of("seed=5", "i2i.direction=BtoA", "i2i.lambdaL1=50", "data.batch=32"),
                TrainConfig.class));
        assertEquals(expected, c, "the same run as the preset it came from (at the batch the preset had then)");
        assertEquals(8, StyleGan2Config.of(c).mappingLayers(), "a config without the key: the paper's depth");
        assertEquals(4, StyleGan2Config.of(c).mbstdGroup(), "a config without the key: the papers' groups of 4");
        ObjectNode tree = ConfigJson.toTree(c);
        assertFalse(tree.get("reg").has("plWeight"), tree.toString());
        assertEquals(List.of("seed", "model", "data", "optim", "reg", "schedule", "guard", "i2i", "stylegan2",
                "cgan", "text2image", "ctgan", "timegan", "mocogan"), fieldNames(tree));
    }

    @Test
    void setTakesTheNewAndTheOldKeys() {
        TrainConfig base = Presets.byName("stylegan2");
        assertEquals(0.9, StyleGan2Config.of(base).styleMixing());
        // measured in the same time: batch 16 gave a better FID than 32, 2 mapping layers more varied samples than 8
        assertEquals(16, base.data().batch());
        assertEquals(2, StyleGan2Config.of(base).mappingLayers());
        // the conditional preset kept the paper's: batch 16 and 2 layers cost it variety within each class
        TrainConfig cond = Presets.byName("stylegan2-cond");
        assertEquals(32, cond.data().batch());
        assertEquals(8, StyleGan2Config.of(cond).mappingLayers());
        assertEquals(0.9, StyleGan2Config.of(cond).styleMixing());
        TrainConfig c = ConfigJson.withOverrides(base, List.of("stylegan2.plWeight=2", "reg.styleMixing=0.5",
                "i2i.lambdaL1=5"), TrainConfig.class);
        assertEquals(new StyleGan2Config(0.5, 2, 4, 2), StyleGan2Config.of(c), "the preset's 2 mapping layers kept");
        assertEquals(5.0, ImageToImageConfig.of(c).lambdaL1());
        assertSetFails(base, "stylegan2.plWeight=-1", "stylegan2.plWeight must be 0 (off) or positive, got -1.0");
        assertSetFails(base, "reg.plEvery=0", "stylegan2.plEvery must be at least 1, got 0");
        assertSetFails(base, "i2i.lambdaL1=-2", "i2i.lambdaL1 must be 0 or positive, got -2.0");
        assertSetFails(base, "stylegan2.nope=1", "unknown config key 'stylegan2.nope'");
        assertSetFails(base, "stylegan2.mbstdGroup=0", "stylegan2.mbstdGroup must be in 1..1024, got 0");
        assertEquals("onehot", CganConfig.of(ConfigJson.withOverrides(base, List.of("cgan.labelInput=onehot"),
                TrainConfig.class)).labelInput());
        assertSetFails(base, "cgan.labelInput=embedding",
                "cgan.labelInput must be one of batchnorm, onehot, both; got embedding");
        assertSetFails(base, "cgan.modeSeeking=-1", "cgan.modeSeeking must be 0 (off) or positive, got -1.0");
        assertSetFails(base, "cgan.generator=unet", "cgan.generator must be dcgan or resnet, got unet");
        assertEquals("dcgan", new CganConfig("onehot", 0, null).generator(), "configs without the key keep DCGAN's");
        assertEquals("dcgan", CganConfig.of(Presets.byName("cgan")).generator());
    }

    @Test
    void theVariantsPresetsAreWhereTheyWere() {
        assertEquals(List.of("dcgan", "dcgan-ema", "cgan", "pix2pix", "cyclegan", "srgan",
                "stylegan2", "stylegan2-cond", "text2image", "text2image-match",
                "text2image-balanced", "text2image-seek", "ctgan", "timegan", "mocogan", "mocogan-cond"),
                List.copyOf(Presets.names()));
        TrainConfig t2i = Presets.byName("text2image");
        assertEquals("text2image", t2i.model().name());
        assertEquals("fashion-mnist-captions", t2i.data().source());
        assertEquals(org.jgan.models.text2image.Text2ImageConfig.defaults(),
                org.jgan.models.text2image.Text2ImageConfig.of(t2i));
        assertEquals(100, t2i.schedule().sampleCount());
        TrainConfig match = Presets.byName("text2image-match");
        assertEquals(org.jgan.models.text2image.Text2ImageConfig.defaults().withPretrainSteps(1000).withMatchWeight(1),
                org.jgan.models.text2image.Text2ImageConfig.of(match));
        assertEquals(org.jgan.models.text2image.Text2ImageConfig.defaults().in(match), t2i, "only the section differs");
        TrainConfig balanced = Presets.byName("text2image-balanced");
        assertEquals(org.jgan.models.text2image.Text2ImageConfig.of(match).withInterpolate(true),
                org.jgan.models.text2image.Text2ImageConfig.of(balanced));
        assertEquals(org.jgan.models.text2image.Text2ImageConfig.of(match).in(balanced), match);
        TrainConfig seek = Presets.byName("text2image-seek");
        assertEquals(org.jgan.models.text2image.Text2ImageConfig.of(match).withModeSeeking(0.15).withJointHead(true)
                        .withMidConv(true),
                org.jgan.models.text2image.Text2ImageConfig.of(seek));
        assertEquals("none", seek.model().dNorm());
        assertEquals(match.withModel(seek.model()), org.jgan.models.text2image.Text2ImageConfig.of(match).in(seek),
                "only D's norm and the section differ");
        assertEquals(0.5, ImageToImageConfig.of(Presets.byName("cyclegan")).lrDecayFrom());
        assertEquals(new CganConfig("onehot", 0), CganConfig.of(Presets.byName("cgan")));
        assertEquals(16, Presets.byName("cgan").data().batch());
        assertEquals(0.999, Presets.byName("cgan").optim().emaBeta());
        assertEquals(CganConfig.defaults(), CganConfig.of(Presets.byName("dcgan")));
        assertEquals(8, ImageToImageConfig.of(Presets.byName("srgan")).blocks());
        assertEquals(ImageToImageConfig.defaults(), ImageToImageConfig.of(Presets.byName("dcgan")));
        assertEquals(StyleGan2Config.defaults(), StyleGan2Config.of(Presets.byName("pix2pix")));
        TrainConfig cond = Presets.byName("stylegan2-cond");
        assertEquals("stylegan2-cond", cond.model().name());
        assertEquals(ConfigJson.withOverrides(Presets.byName("stylegan2").withModel(cond.model()),
                List.of("data.batch=32", "stylegan2.mappingLayers=8"), TrainConfig.class), cond,
                "the unconditional preset with the class, at the paper's batch and mapping depth");
        for (String name : Presets.names()) {
            assertTrue(Variants.all().containsKey(Presets.byName(name).model().name()), name);
        }
    }

    private static void assertSetFails(TrainConfig base, String set, String message) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigJson.withOverrides(base, List.of(set), TrainConfig.class));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static List<String> fieldNames(ObjectNode tree) {
        List<String> out = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
