package org.jgan.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of an I/O failure in a few words, for messages that already name the file: Java's file exceptions often
 * carry only the path ({@link AccessDeniedException}'s message is the path alone), so "cannot write X" would say
 * nothing about why.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** "permission denied", "Read-only file system", "a parent is a file, not a folder", ... else the message. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.equals("Not a directory") ? "a parent is a file, not a folder" : r;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException f) {
            // e.g. creating a folder where a file is: the file in the way may be a parent of the one asked for
            return (f.getFile() != null ? f.getFile() + " " : "") + "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
