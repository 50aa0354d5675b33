package org.jgan.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TCPStore;
import org.bytedeco.pytorch.TCPStoreOptions;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.DataParallel;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.models.Variants;

/**
 * One worker of {@link SparkTrainer}, run as a Spark barrier task (all workers start together or none does): worker
 * 0 opens a port, every worker learns it by {@code allGather}, they meet in a libtorch {@code TCPStore} and form a
 * Gloo process group, then each runs the jgan trainer on its slice of every batch, gradients all-reduced every step.
 * Worker 0 trains in the run folder; the others in a private temporary folder (copied from the run folder when
 * resuming), so only worker 0 writes what is kept.
 */
final class TrainPartition implements FlatMapFunction<Iterator<Integer>, TrainOutcome> {
    private static final long serialVersionUID = 1L;
    private final String configJson;
    private final String runDir;
    private final boolean resume;

    TrainPartition(String configJson, String runDir, boolean resume) {
        this.configJson = configJson;
        this.runDir = runDir;
        this.resume = resume;
    }

    @Override
    public Iterator<TrainOutcome> call(Iterator<Integer> ignored) throws Exception {
        BarrierTaskContext ctx = BarrierTaskContext.get();
        int rank = ctx.partitionId();
        int world = ctx.getTaskInfos().length;
        String address = "";
        ServerSocket probe = null;
        if (rank == 0) {
            probe = new ServerSocket(0);  // a free port, released just before the store binds it
            address = InetAddress.getLocalHost().getHostAddress() + ":" + probe.getLocalPort();
        }
        String[] all = ctx.allGather(address);
        String[] hostPort = all[0].split(":");
        if (probe != null) {
            probe.close();
        }
        SparkTorch.ensure();
        TCPStoreOptions o = new TCPStoreOptions();
        o.port((short) Integer.parseInt(hostPort[1]));
        o.isServer(rank == 0);
        o.numWorkers(new SizeTPointer(1).put(world));
        o.waitWorkers(false);
        o.useLibUV(false);
        // worker 0's store listens before the others connect (else they retry, with warnings, until it does)
        TCPStore store = rank == 0 ? new TCPStore(hostPort[0], o) : null;
        ctx.barrier();
        if (rank > 0) {
            store = new TCPStore(hostPort[0], o);
        }
        ProcessGroupGloo group = new ProcessGroupGloo(store, rank, world, ProcessGroupGloo.Options.create_default());
        try {
            return train(ctx, rank, world, group);
        } finally {
            // Gloo's worker threads end here, not in a destructor at JVM exit (which aborts the process)
            group.shutdown();
            group.close();
            store.close();
        }
    }

    private Iterator<TrainOutcome> train(BarrierTaskContext ctx, int rank, int world, ProcessGroupGloo group)
            throws Exception {
        Scalar inverse = new Scalar(1.0 / world);
        DataParallel dp = new DataParallel(rank, world, flat -> {
            group.allreduce(new TensorVector(flat))._wait();
            flat.mul_(inverse);
        });
        TrainConfig config = ConfigJson.fromTree(ConfigJson.MAPPER.readTree(configJson), TrainConfig.class,
                "the job's config");
        Path folder = rank == 0 ? Path.of(runDir) : Files.createTempDirectory("jgan-worker-" + rank + "-");
        try {
            if (rank > 0 && resume) {
                copyRun(Path.of(runDir), folder);
            }
            GanVariant variant = Variants.byName(config.model().name());
            long steps;
            float[] weights;
            Trainer t = null;
            // One worker at a time builds its networks: in local mode the workers share a JVM and libtorch's global
            // generator, which the initialisation draws from.
            for (int r = 0; r < world; r++) {
                if (r == rank) {
                    t = new Trainer(variant, config,
                            variant.openTrainingData(config, Seeds.derive(config.seed(), "subset", 0)), folder);
                }
                ctx.barrier();
            }
            try (Trainer trainer = t) {
                trainer.distribute(dp);
                if (resume) {
                    trainer.resume();
                }
                // As DistributedDataParallel does: every worker starts from worker 0's weights and buffers.
                WorkerSync.broadcastFromZero(group, trainer);
                TrainState end = trainer.run(new TrainListener() { });
                steps = end.step();
                weights = TrainOutcome.flatten(trainer.players().generator());
            }
            ctx.barrier();  // every worker done before worker 0 reports and the group closes
            return List.of(new TrainOutcome(rank, steps, weights)).iterator();
        } finally {
            if (rank > 0) {
                AtomicFiles.deleteTree(folder);
            }
        }
    }

    /** A resumed worker (not 0) starts from the run folder's config and checkpoints. */
    private static void copyRun(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
