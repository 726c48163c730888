package io.sensoretl.transform;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.parquet.io.OutputFile;

/**
 * The readings files one chunk stages: {@code dt=<day>/<stem>.parquet} for a day partition's first file,
 * then {@code <stem>-1.parquet}, {@code <stem>-2.parquet}, ... each time the partition is written again.
 * Both transform paths name their files here, so the names depend only on the input: a retried chunk
 * overwrites exactly the files of its first attempt, whichever path wrote them.
 */
final class StagedReadingFiles {
    private final TransformOutputs outputs;
    private final String stem;
    private final Map<Long, Integer> parts = new HashMap<>();
    private final TreeSet<String> partitions = new TreeSet<>();
    private final List<String> files = new ArrayList<>();

    StagedReadingFiles(TransformOutputs outputs, String stem) {
        this.outputs = outputs;
        this.stem = stem;
    }

    /** The next file of the partition of {@code epochDay}, recorded among the chunk's partitions and files. */
    OutputFile next(long epochDay) throws IOException {
        String partition = "dt=" + LocalDate.ofEpochDay(epochDay);
        int part = parts.merge(epochDay, 1, Integer::sum) - 1;
        OutputFile file = outputs.readings(partition, stem + (part == 0 ? "" : "-" + part) + ".parquet");
        partitions.add(partition);
        files.add(file.getPath());
        return file;
    }

    /** The partitions written, sorted ({@code dt=YYYY-MM-DD}). */
    List<String> partitions() {
        return List.copyOf(partitions);
    }

    /** The files written, in the order they were started. */
    List<String> files() {
        return List.copyOf(files);
    }
}
