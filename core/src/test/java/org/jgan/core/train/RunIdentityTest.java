package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.GuardConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's refusals that keep one run per folder, without networks: a variant that is not the config's, a new
 * run in a folder that holds one, and a resume with the config of another run; and what a resume may change (the
 * overrides a user gives to train longer or with lower rates).
 */
class RunIdentityTest {
    static final TrainConfig CONFIG = TrainConfig.dcganFashionMnist();

    @TempDir
    Path tmp;

    /** A variant that only has a name: the checks never build networks. */
    static GanVariant named(String name) {
        return new GanVariant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String citation() {
                return "none";
            }

            @Override
            public Players build(TrainConfig config, DataShape shape, long seed) {
                throw new UnsupportedOperationException();
            }

            @Override
            public GanNet buildGenerator(TrainConfig config, DataShape shape) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Phase> phases(TrainConfig config) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A folder holding a run of {@code config}: its config.json. */
    RunDir runOf(TrainConfig config) throws Exception {
        RunDir run = new RunDir(tmp.resolve("run"));
        Files.createDirectories(run.path());
        run.writeConfig(config, Map.of("seed", config.seed()));
        return run;
    }

    RunIdentity identity(TrainConfig config, RunDir run) {
        return new RunIdentity(named(config.model().name()), config, run);
    }

    ConfigException refusedResume(TrainConfig given) throws Exception {
        RunIdentity id = identity(given, runOf(CONFIG));
        return assertThrows(ConfigException.class, id::checkResume);
    }

    @Test
    void aVariantThatIsNotTheOneTheConfigNamesIsRefused() {
        RunDir run = new RunDir(tmp);
        var e = assertThrows(ConfigException.class, () -> new RunIdentity(named("vanilla"), CONFIG, run));
        assertTrue(e.getMessage().contains("the variant is vanilla but the config's model.name is dcgan"),
                e.getMessage());
        assertDoesNotThrow(() -> new RunIdentity(named("dcgan"), CONFIG, run));
    }

    @Test
    void aNewRunRefusesAFolderThatHoldsARun() throws Exception {
        RunDir run = runOf(CONFIG);
        var e = assertThrows(ConfigException.class, identity(CONFIG, run)::checkStart);
        assertEquals(run.path() + " already holds a run; resume it or choose another folder", e.getMessage());
        // a resumed run is the folder's own
        RunIdentity resumed = identity(CONFIG, run);
        resumed.checkResume();
        resumed.resumed();
        assertDoesNotThrow(resumed::checkStart);
    }

    @Test
    void aNewRunClaimsAnEmptyFolderAndMayRunAgainInIt() throws Exception {
        RunDir run = new RunDir(tmp.resolve("new"));
        Files.createDirectories(run.path());
        RunIdentity id = identity(CONFIG, run);
        id.checkStart();
        id.claim(0, () -> Map.of("seed", CONFIG.seed()));
        assertEquals(CONFIG, run.readConfig());
        assertDoesNotThrow(id::checkStart, "the trainer that wrote config.json goes on in its own folder");
        assertThrows(ConfigException.class, identity(CONFIG, run)::checkStart, "another new run may not");
    }

    @Test
    void aResumeRefusesTheConfigOfAnotherRunNamingEachDifference() throws Exception {
        ModelConfig m = CONFIG.model();
        var e = refusedResume(CONFIG.withSeed(7).withModel(new ModelConfig(m.name(), m.latentDim(), m.loss(), 32)));
        assertTrue(e.getMessage().contains("describes another run than the config given (seed: 1 in the run, 7 "
                + "given; model.width: 64 in the run, 32 given)"), e.getMessage());
        assertTrue(e.getMessage().contains("or train a new run in another folder"), e.getMessage());
        DataConfig d = CONFIG.data();
        e = refusedResume(CONFIG.withData(new DataConfig("elsewhere", d.batch(), d.dropLast(), d.limit())));
        assertTrue(e.getMessage().contains("data.source: fashion-mnist in the run, elsewhere given"), e.getMessage());
        e = refusedResume(CONFIG.withReg(new RegConfig(0, 0, 1, true, 1.0, "")));
        assertTrue(e.getMessage().contains("reg.spectralNorm: false in the run, true given"), e.getMessage());
        e = refusedResume(ConfigJson.withOverrides(CONFIG, List.of("toy.size=3", "data.batch=32"),
                TrainConfig.class));
        assertTrue(e.getMessage().contains("data.batch: 64 in the run, 32 given; toy.size: 4 in the run, 3 given"),
                e.getMessage());  // a section its variant keeps on resume (ToyExtension)
    }

    /** What train --resume lets a user override: the length, the guard, the rates, the regularisers. */
    @Test
    void aResumeMayChangeTheScheduleGuardOptimiserAndRegularisers() throws Exception {
        TrainConfig longer = ConfigJson.withOverrides(CONFIG, List.of("schedule.steps=5000", "schedule.logEvery=7",
                "schedule.keepCheckpoints=9", "optim.lrG=1e-5", "optim.lrD=1e-5", "optim.emaBeta=0.999",
                "reg.diffAugment=translation", "reg.r1Gamma=10"), TrainConfig.class)
                .withGuard(new GuardConfig(1e3, 7, 0.25, "stop", 50));
        RunIdentity id = identity(longer, runOf(CONFIG));
        assertDoesNotThrow(id::checkResume);
        // what a resume changes is recorded (config.json keeps the first settings); a new length goes unsaid
        List<String> changed = id.changedOnResume();
        assertTrue(changed.contains("optim.lrG: " + CONFIG.optim().lrG() + " -> 1.0E-5"), changed.toString());
        assertTrue(changed.contains("reg.r1Gamma: " + CONFIG.reg().r1Gamma() + " -> 10.0"), changed.toString());
        assertTrue(changed.stream().noneMatch(c -> c.startsWith("schedule.steps")), changed.toString());
        assertTrue(changed.stream().anyMatch(c -> c.startsWith("schedule.logEvery: ")), changed.toString());
        List<Map<String, Object>> events = new ArrayList<>();
        id.report(events::add);
        id.report(events::add);
        assertEquals(1, events.size(), "said once");
        assertEquals("resume_settings", events.get(0).get("event"));
        assertEquals(String.join(", ", changed), events.get(0).get("message"));
    }

    @Test
    void aResumeThatOnlyTrainsLongerReportsNothing() throws Exception {
        RunIdentity id = identity(ConfigJson.withOverrides(CONFIG, List.of("schedule.steps=5000"), TrainConfig.class),
                runOf(CONFIG));
        id.checkResume();
        assertEquals(List.of(), id.changedOnResume());
        List<Map<String, Object>> events = new ArrayList<>();
        id.report(events::add);
        assertEquals(List.of(), events);
    }

    @Test
    void aFolderWithoutConfigIsLeftToTheRecovery() {
        RunIdentity id = identity(CONFIG.withSeed(9), new RunDir(tmp.resolve("none")));
        assertDoesNotThrow(id::checkResume, "RunRecovery says what is missing");
    }
}
