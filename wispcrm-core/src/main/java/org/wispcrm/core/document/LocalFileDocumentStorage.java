package org.wispcrm.core.document;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;

/**
 * {@link DocumentStorage} on a local (or mounted) file system, below one root folder.
 *
 * <p><b>Layout.</b> The document of key {@code invoices/2026/11/FE-000123.pdf} is the file
 * {@code <root>/invoices/2026/11/FE-000123.pdf} holding exactly its bytes, so an operator can browse and back up the
 * folder and {@link #url} is that file's {@code file:} URI. Its content type is the one its extension implies
 * ({@code application/pdf}, {@code text/html}, ..., else {@code application/octet-stream}), which is also what a file
 * copied in by hand gets. A document stored with any other type keeps it in a sidecar file beside it,
 * {@code .FE-000123.pdf.content-type} (US-ASCII). Sidecars and temporary files start with a dot, which no
 * {@link DocumentKey} segment may, so no key can ever name them.
 *
 * <p><b>Atomic writes.</b> {@link #put} writes the sidecar (if the type needs one) and then the content, each to a
 * temporary file in the same folder that is flushed to disk and renamed over the target with {@code ATOMIC_MOVE}
 * (falling back to {@code REPLACE_EXISTING} where the file system cannot move atomically), so a reader sees the old
 * document or the new one, never a partly written one. A PDF stored as {@code application/pdf} is one such file, so
 * one flush to disk. Within one instance, puts and reads of the same key are also serialized, so bytes and content
 * type are always read as a pair. Two processes writing the same key into one root at the same moment, or a crash
 * between a document's content and the removal of a sidecar an earlier version needed, may pair bytes with another
 * version's content type (the bytes are still whole); keys are deterministic, so the next put repairs it. Share a
 * root between hosts only for reading, or use S3.
 *
 * <p><b>Containment.</b> Keys resolve below the root and never escape it: on top of the shape rules of
 * {@link DocumentKey}, every resolved path is normalized and must start with the root, and the real path of every
 * existing file or folder it goes through (after following symbolic links) must too. A symbolic link that leads
 * outside the root makes the operation fail with {@code STORAGE_FAILURE}; nothing is read or written outside it.
 * The root itself may be a symbolic link; it is resolved once, when the storage is created. A folder that this
 * instance has once found really inside the root is trusted for later writes: the root belongs to this process, and
 * whoever can swap one of its folders for a link can already change the documents in it.
 *
 * <p>A key can not be a document and a folder of other documents at once ({@code a.pdf} and {@code a.pdf/b.pdf}); the
 * second put fails with {@code STORAGE_FAILURE}. Every I/O failure is a {@code STORAGE_FAILURE} naming the key.
 */
public final class LocalFileDocumentStorage implements DocumentStorage {

    private static final String SIDECAR_SUFFIX = ".content-type";
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final int MAX_CONTENT_TYPE_LENGTH = 255;
    private static final int LOCK_STRIPES = 64;
    private static final int MAX_REMEMBERED_FOLDERS = 10_000;
    private static final Map<String, String> TYPES_BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("zip", "application/zip"));

    private final Path root;
    private final ReadWriteLock[] locks = new ReadWriteLock[LOCK_STRIPES];
    /**
     * Folders this instance found (or made) really inside the root. Checking a folder resolves every link on its
     * way, a dozen system calls, which cost more than writing a document; a month's documents share a few folders.
     */
    private final Set<Path> foldersInsideRoot = ConcurrentHashMap.newKeySet();

    /**
     * A storage below {@code root}, which is created if it does not exist.
     *
     * @param root the folder that holds every document; may be relative or a symbolic link
     * @throws WispCrmException {@code STORAGE_FAILURE} if the root cannot be created or is not a folder
     */
    public LocalFileDocumentStorage(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw WispCrmException.adapterFailure(
                    ErrorCode.STORAGE_FAILURE,
                    "Document storage root " + root.toAbsolutePath() + " is not a usable folder: " + e,
                    e);
        }
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
    }

    /** The real path of the root folder. */
    public Path root() {
        return root;
    }

    @Override
    public void put(DocumentKey key, byte[] content, String contentType) {
        store(key, content, contentType, false);
    }

    /** Atomic in this process: the check and the write hold the key's lock (one writing host per root). */
    @Override
    public boolean putIfAbsent(DocumentKey key, byte[] content, String contentType) {
        return store(key, content, contentType, true);
    }

    /** Writes the document under the key's lock, unless {@code keepStored} and one is there; whether it wrote. */
    private boolean store(DocumentKey key, byte[] content, String contentType, boolean keepStored) {
        requireValidContentType(contentType);
        Path target = resolve(key);
        var lock = lockOf(key).writeLock();
        lock.lock();
        try {
            if (keepStored && isDocument(key, target)) {
                return false;
            }
            write(key, target, content, contentType);
            return true;
        } catch (IOException e) {
            throw failure("store", key, e);
        } finally {
            lock.unlock();
        }
    }

    /** Writes the document and its content type; the caller holds the key's write lock. */
    private void write(DocumentKey key, Path target, byte[] content, String contentType) throws IOException {
        Path folder = target.getParent();
        if (foldersInsideRoot.contains(folder)) {
            try {
                writeInCheckedFolder(key, target, content, contentType);
                return;
            } catch (NoSuchFileException e) {
                foldersInsideRoot.remove(folder); // removed since it was checked: check and make it again
            }
        }
        createFoldersInsideRoot(key, folder);
        rememberInsideRoot(folder);
        writeInCheckedFolder(key, target, content, contentType);
    }

    private void writeInCheckedFolder(DocumentKey key, Path target, byte[] content, String contentType)
            throws IOException {
        Path folder = target.getParent();
        refuseIfOutsideRoot(key, target);
        String name = target.getFileName().toString();
        if (contentType.equals(typeImpliedBy(name))) {
            writeAtomically(folder, name, content);
            // the type an earlier version of this document was stored with
            Files.deleteIfExists(folder.resolve(sidecarName(target)));
        } else {
            // Sidecar first: until the content is in place the document does not exist, so a crash in between
            // never shows new bytes with a missing or stale type on a first write.
            writeAtomically(folder, sidecarName(target), contentType.getBytes(US_ASCII));
            writeAtomically(folder, name, content);
        }
    }

    @Override
    public Optional<StoredDocument> get(DocumentKey key) {
        Path target = resolve(key);
        var lock = lockOf(key).readLock();
        lock.lock();
        try {
            if (!isDocument(key, target)) {
                return Optional.empty();
            }
            byte[] content = Files.readAllBytes(target);
            return Optional.of(new StoredDocument(key, contentTypeOf(target), content));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read", key, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean exists(DocumentKey key) {
        Path target = resolve(key);
        try {
            return isDocument(key, target);
        } catch (IOException e) {
            throw failure("check", key, e);
        }
    }

    /** The document's {@code file:} URI; the ttl is ignored, a file link does not expire. */
    @Override
    public URI url(DocumentKey key, Duration ttl) {
        if (!exists(key)) {
            throw WispCrmException.notFound("Document", key);
        }
        return resolve(key).toUri();
    }

    @Override
    public String toString() {
        return "LocalFileDocumentStorage[" + root + "]";
    }

    // ---- paths -------------------------------------------------------------------------------------------------

    /** The normalized path of the key; refuses anything outside the root even if DocumentKey let it through. */
    private Path resolve(DocumentKey key) {
        Path resolved = root.resolve(key.value()).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw outsideRoot(key);
        }
        return resolved;
    }

    /** Whether a regular file is stored at the target, after checking that no link leads it out of the root. */
    private boolean isDocument(DocumentKey key, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            // Nothing there, but a folder on the way may still be a link out of the root: refuse that loudly.
            if (!foldersInsideRoot.contains(target.getParent())) {
                refuseIfOutsideRoot(key, deepestExisting(target));
            }
            return false;
        }
        refuseIfOutsideRoot(key, target);
        return Files.isRegularFile(target);
    }

    /** Fails if the real path of {@code path} (an existing path or a dangling link) is outside the root. */
    private void refuseIfOutsideRoot(DocumentKey key, Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw outsideRoot(key); // a dangling symbolic link: refuse rather than guess where it points
        }
        if (!real.startsWith(root)) {
            throw outsideRoot(key);
        }
    }

    private Path deepestExisting(Path path) {
        Path existing = path;
        while (!existing.equals(root) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /** Creates the missing folders below the deepest existing one, which must be (really) inside the root. */
    private void createFoldersInsideRoot(DocumentKey key, Path folder) throws IOException {
        refuseIfOutsideRoot(key, deepestExisting(folder));
        Files.createDirectories(folder);
        if (!folder.toRealPath().startsWith(root)) {
            throw outsideRoot(key);
        }
    }

    private void rememberInsideRoot(Path folder) {
        if (foldersInsideRoot.size() >= MAX_REMEMBERED_FOLDERS) {
            foldersInsideRoot.clear(); // a key set spread over very many folders: check them again rather than grow
        }
        foldersInsideRoot.add(folder);
    }

    private static String sidecarName(Path target) {
        return "." + target.getFileName() + SIDECAR_SUFFIX;
    }

    // ---- reading and writing -----------------------------------------------------------------------------------

    private String contentTypeOf(Path target) throws IOException {
        Path sidecar = target.resolveSibling(sidecarName(target));
        try (InputStream in = Files.newInputStream(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            String stored = new String(in.readNBytes(MAX_CONTENT_TYPE_LENGTH + 1), US_ASCII);
            if (isValidContentType(stored)) {
                return stored;
            }
        } catch (NoSuchFileException e) {
            // stored with the type its name implies, or copied in by hand
        }
        return typeImpliedBy(target.getFileName().toString());
    }

    private static String typeImpliedBy(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES_BY_EXTENSION.getOrDefault(extension, DEFAULT_CONTENT_TYPE);
    }

    /** Writes a temporary file in {@code folder}, forces it to disk, then renames it over {@code name}. */
    private static void writeAtomically(Path folder, String name, byte[] bytes) throws IOException {
        // Not Files.createTempFile: it makes the file owner-only, and documents should get the usual permissions.
        // CREATE_NEW refuses a name in use; 64 random bits make that as good as never (and need no SecureRandom)
        Path temp = folder.resolve(
                "." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Path target = folder.resolve(name);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private ReadWriteLock lockOf(DocumentKey key) {
        return locks[Math.floorMod(key.value().hashCode(), LOCK_STRIPES)];
    }

    // ---- validation and errors ---------------------------------------------------------------------------------

    private static void requireValidContentType(String contentType) {
        if (!isValidContentType(contentType)) {
            throw WispCrmException.invalid(
                    "contentType",
                    contentType,
                    "must be a MIME type such as application/pdf: type/subtype in printable US-ASCII, at most "
                            + MAX_CONTENT_TYPE_LENGTH
                            + " characters");
        }
    }

    private static boolean isValidContentType(String contentType) {
        if (contentType.isBlank() || contentType.length() > MAX_CONTENT_TYPE_LENGTH) {
            return false;
        }
        int slash = contentType.indexOf('/');
        if (slash <= 0 || slash == contentType.length() - 1) {
            return false;
        }
        return contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static WispCrmException outsideRoot(DocumentKey key) {
        return WispCrmException.adapterFailure(
                ErrorCode.STORAGE_FAILURE,
                "Document " + key + " resolves outside the storage root (through a symbolic link); refused",
                null);
    }

    private WispCrmException failure(String action, DocumentKey key, IOException e) {
        return WispCrmException.adapterFailure(
                ErrorCode.STORAGE_FAILURE, "Could not " + action + " document " + key + " below " + root + ": " + e, e);
    }
}
