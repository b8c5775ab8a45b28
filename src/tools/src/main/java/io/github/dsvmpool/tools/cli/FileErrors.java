package io.github.dsvmpool.tools.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** File errors in words ({@code no such file: /tmp/a.json}), not as Java exception names. */
public final class FileErrors {
    private FileErrors() {
    }

    public static String describe(IOException error) {
        String what = error instanceof NoSuchFileException ? "no such file or folder"
                : error instanceof AccessDeniedException ? "permission denied"
                : error instanceof NotDirectoryException ? "not a folder"
                : error instanceof FileAlreadyExistsException ? "already exists"
                : error instanceof DirectoryNotEmptyException ? "folder not empty"
                : null;
        if (what != null) {
            return what + ": " + ((FileSystemException) error).getFile();
        }
        if (error instanceof FileSystemException system) {
            // getReason() is the operating system's own words, e.g. "Is a directory".
            return (system.getReason() != null ? system.getReason() : "cannot access") + ": " + system.getFile();
        }
        return error.getMessage() != null ? error.getMessage() : "input/output error";
    }
}
