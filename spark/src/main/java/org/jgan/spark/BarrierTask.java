package org.jgan.spark;

import java.util.Iterator;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;

/** {@link TrainPartition} as the Scala function {@code RDDBarrier.mapPartitions} takes (serializable). */
final class BarrierTask extends AbstractFunction1<scala.collection.Iterator<Integer>,
        scala.collection.Iterator<TrainOutcome>> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final TrainPartition task;

    BarrierTask(TrainPartition task) {
        this.task = task;
    }

    @Override
    public scala.collection.Iterator<TrainOutcome> apply(scala.collection.Iterator<Integer> in) {
        try {
            Iterator<TrainOutcome> out = task.call(JavaConverters.asJavaIteratorConverter(in).asJava());
            return JavaConverters.asScalaIteratorConverter(out).asScala();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("data-parallel worker failed: " + e.getMessage(), e);
        }
    }
}
