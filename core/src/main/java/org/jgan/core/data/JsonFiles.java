package org.jgan.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jgan.core.train.AtomicFiles;

/**
 * Reads and writes the small JSON files that travel with data (caption thresholds, vocabularies, a table's fitted
 * transformer, schema files): written whole or not at all, and on reading, every problem is a {@link DataException}
 * that names the file. {@code what} names the kind of file in messages ("no such vocabulary file").
 */
public final class JsonFiles {
    /** Indented output; a key given twice in one object is an error, not silently the last value. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonFiles() {
    }

    /** A new object stamped with {@code format} and {@code version}. */
    public static ObjectNode start(String format, int version) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", format);
        o.put("version", version);
        return o;
    }

    public static void write(Path file, ObjectNode tree, String what) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(tree) + "\n");
        } catch (IOException e) {
            throw new DataException(file + ": cannot write the " + what + " file (" + e.getMessage() + ")", e);
        }
    }

    /** The JSON in {@code file}, parsed; a missing, unreadable or malformed file is a {@link DataException}. */
    public static JsonNode readTree(Path file, String what) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such " + what + " file");
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": the " + what + " file is not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the " + what + " file (" + e.getMessage() + ")", e);
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DataException(file + ": the " + what + " file is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ")", e);
        }
    }

    /** The object in {@code file}, checked to be a {@code format} file of a version this code reads. */
    public static JsonNode read(Path file, String format, int version, String what) {
        JsonNode tree = readTree(file, what);
        if (tree == null || !tree.isObject() || !format.equals(tree.path("format").asText(null))) {
            throw new DataException(file + ": not a " + what + " file (expected \"format\": \"" + format + "\")");
        }
        int v = tree.path("version").asInt(-1);
        if (v < 1 || v > version) {
            throw new DataException(file + ": " + what + " version " + tree.path("version") + " is not one this jgan "
                    + "reads (1.." + version + ")");
        }
        return tree;
    }

    public static DataException bad(Path file, String what, String problem) {
        return new DataException(file + ": bad " + what + ": " + problem);
    }
}
