package org.jgan.core.data.captions;

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
import org.jgan.core.data.DataException;
import org.jgan.core.train.AtomicFiles;

/**
 * Reads and writes the small JSON files of this package (caption thresholds, vocabularies): written whole or not at
 * all, and on reading, every problem is a {@link DataException} that names the file.
 */
final class JsonFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    /** A new object stamped with {@code format} and {@code version}. */
    static ObjectNode start(String format, int version) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", format);
        o.put("version", version);
        return o;
    }

    static void write(Path file, ObjectNode tree, String what) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(tree) + "\n");
        } catch (IOException e) {
            throw new DataException(file + ": cannot write the " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** The object in {@code file}, checked to be a {@code format} file of a version this code reads. */
    static JsonNode read(Path file, String format, int version, String what) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such " + what + " file");
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": the " + what + " is not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the " + what + " (" + e.getMessage() + ")", e);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DataException(file + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")", e);
        }
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

    static DataException bad(Path file, String what, String problem) {
        return new DataException(file + ": bad " + what + ": " + problem);
    }
}
