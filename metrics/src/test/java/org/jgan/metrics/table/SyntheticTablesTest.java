package org.jgan.metrics.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.ColumnType;
import org.jgan.core.data.table.SchemaOverrides;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SyntheticTables#readLike}: another table read with the real one's columns, identifiers included. */
class SyntheticTablesTest {
    @TempDir
    Path dir;

    /** {@code rows} rows of a unique name, a kind and a number; {@code withName} false leaves the name out. */
    private Path table(String file, int rows, boolean withName) throws IOException {
        StringBuilder b = new StringBuilder(withName ? "name,kind,score\n" : "kind,score\n");
        for (int r = 0; r < rows; r++) {
            b.append(withName ? "item " + r + "," : "").append("xyz".charAt(r % 3)).append(',').append(r % 50)
                    .append('\n');
        }
        Path f = dir.resolve(file);
        Files.writeString(f, b.toString());
        return f;
    }

    @Test
    void aDeclaredIdentifierIsReadBackInTheOtherTable() throws IOException {
        Table real = TableSources.open(table("real.csv", 200, true).toString(),
                SchemaOverrides.none().declare("name", ColumnType.CATEGORICAL, null));
        assertEquals(List.of("name", "kind", "score"), real.schema().names());
        // 150 unique names: read alone, the held-out file would leave them out as an identifier
        Path held = table("held.csv", 150, true);
        assertEquals(List.of("name"), TableSources.open(held.toString()).leftOutColumns());
        Table back = SyntheticTables.readLike(held, real.schema(), "held-out");
        assertEquals(real.schema().names(), back.schema().names());
        assertEquals("item 7", back.cell(0, 7));
    }

    @Test
    void aColumnTheRealTableLeftOutIsNotAskedFor() throws IOException {
        Table real = TableSources.open(table("real.csv", 200, true).toString());
        assertEquals(List.of("name"), real.leftOutColumns());
        Table syn = SyntheticTables.readLike(table("syn.csv", 60, false), real.schema(), "synthetic");
        assertEquals(List.of("kind", "score"), syn.schema().names());
        // a table lacking a column the real one has is still refused, naming it
        Path noKind = dir.resolve("nokind.csv");
        Files.writeString(noKind, "score\n1\n2\n");
        String m = assertThrows(DataException.class, () -> SyntheticTables.readLike(noKind, real.schema(),
                "synthetic")).getMessage();
        assertTrue(m.contains("missing \"kind\""), m);
    }
}
