package org.wispcrm.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.document.DocumentStorage;
import org.wispcrm.core.document.LocalFileDocumentStorage;

/** The kit against {@link LocalFileDocumentStorage}, plus containment (symbolic links) and on-disk layout. */
class LocalFileDocumentStorageTest extends DocumentStorageKit {

    @TempDir
    Path temp;

    Path root;
    Path outside;

    @BeforeEach
    void folders() throws IOException {
        // Runs after the kit's @BeforeEach; the kit's storage uses its own root below temp.
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.pdf"), "outside the root");
    }

    @Override
    protected DocumentStorage newStorage() {
        return new LocalFileDocumentStorage(temp.resolve("kit-root"));
    }

    // ---- layout ------------------------------------------------------------------------------------------------

    @Test
    void a_document_is_a_plain_file_below_the_root_and_a_pdf_needs_nothing_else() throws IOException {
        var storage = new LocalFileDocumentStorage(root);
        var key = DocumentKey.of("invoices", "2026", "11", "FE-000123.pdf");

        storage.put(key, "%PDF-1.7 ...".getBytes(UTF_8), "application/pdf");

        Path file = root.resolve("invoices/2026/11/FE-000123.pdf");
        assertThat(Files.readString(file)).isEqualTo("%PDF-1.7 ...");
        assertThat(storage.get(key).orElseThrow().contentType()).isEqualTo("application/pdf");
        assertThat(storage.url(key, Duration.ofSeconds(1))).isEqualTo(file.toUri());
        assertThat(listRecursively(root))
                .as("no sidecar for the type the name implies, and no temporary file left behind")
                .containsExactlyInAnyOrder(
                        "invoices", "invoices/2026", "invoices/2026/11", "invoices/2026/11/FE-000123.pdf");
    }

    @Test
    void another_content_type_is_kept_in_a_hidden_sidecar_until_a_version_with_the_implied_type_replaces_it()
            throws IOException {
        var storage = new LocalFileDocumentStorage(root);
        var key = DocumentKey.of("exports", "clients.csv");
        Path sidecar = root.resolve("exports/.clients.csv.content-type");

        storage.put(key, "a;b".getBytes(UTF_8), "text/csv; charset=windows-1252");

        assertThat(Files.readString(sidecar)).isEqualTo("text/csv; charset=windows-1252");
        assertThat(storage.get(key).orElseThrow().contentType()).isEqualTo("text/csv; charset=windows-1252");

        storage.put(key, "a,b".getBytes(UTF_8), "text/csv");

        assertThat(sidecar).doesNotExist();
        assertThat(storage.get(key).orElseThrow().contentType()).isEqualTo("text/csv");
        assertThat(listRecursively(root)).containsExactlyInAnyOrder("exports", "exports/clients.csv");
    }

    @Test
    void a_file_copied_in_by_hand_gets_its_content_type_from_the_extension() throws IOException {
        var storage = new LocalFileDocumentStorage(root);
        Files.createDirectories(root.resolve("manual"));
        Files.writeString(root.resolve("manual/old-invoice.PDF"), "pdf");
        Files.writeString(root.resolve("manual/notes.xyz"), "?");

        assertThat(storage.get(DocumentKey.of("manual", "old-invoice.PDF"))
                        .orElseThrow()
                        .contentType())
                .isEqualTo("application/pdf");
        assertThat(storage.get(DocumentKey.of("manual", "notes.xyz"))
                        .orElseThrow()
                        .contentType())
                .isEqualTo("application/octet-stream");
    }

    @Test
    void a_missing_root_is_created_and_a_symbolic_link_as_root_is_followed() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real-root"));
        Path link = Files.createSymbolicLink(temp.resolve("link-root"), real);
        var storage = new LocalFileDocumentStorage(link.resolve("nested/deeper"));

        storage.put(DocumentKey.of("a.txt"), "via link".getBytes(UTF_8), "text/plain");

        assertThat(Files.readString(real.resolve("nested/deeper/a.txt"))).isEqualTo("via link");
        assertThat(storage.root()).isEqualTo(real.toRealPath().resolve("nested/deeper"));
    }

    @Test
    void a_root_that_is_a_file_fails_with_storage_failure() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

        assertStorageFailure(() -> new LocalFileDocumentStorage(file), "not-a-folder");
    }

    @Test
    void a_key_that_is_already_a_document_cannot_become_a_folder_and_the_error_names_the_key() {
        var storage = new LocalFileDocumentStorage(root);
        storage.put(DocumentKey.of("a.pdf"), new byte[] {1}, "application/pdf");

        assertStorageFailure(
                () -> storage.put(DocumentKey.of("a.pdf", "b.pdf"), new byte[] {2}, "application/pdf"), "a.pdf/b.pdf");
        assertThat(storage.get(DocumentKey.of("a.pdf")).orElseThrow().content()).containsExactly(1);
    }

    @Test
    void a_folder_removed_after_a_put_is_made_again_by_the_next_put() throws IOException {
        var storage = new LocalFileDocumentStorage(root);
        storage.put(DocumentKey.of("invoices", "2026", "11", "FE-1.pdf"), new byte[] {1}, "application/pdf");
        try (var files = Files.walk(root.resolve("invoices"))) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }

        storage.put(DocumentKey.of("invoices", "2026", "11", "FE-2.pdf"), new byte[] {2}, "application/pdf");
        assertThat(storage.putIfAbsent(
                        DocumentKey.of("invoices", "2026", "11", "FE-1.pdf"), new byte[] {3}, "application/pdf"))
                .isTrue();

        assertThat(Files.readAllBytes(root.resolve("invoices/2026/11/FE-2.pdf")))
                .containsExactly(2);
        assertThat(Files.readAllBytes(root.resolve("invoices/2026/11/FE-1.pdf")))
                .containsExactly(3);
    }

    // ---- containment -------------------------------------------------------------------------------------------

    @Test
    void a_linked_folder_leading_outside_the_root_is_refused_for_every_operation() throws IOException {
        var storage = new LocalFileDocumentStorage(root);
        Files.createSymbolicLink(root.resolve("evil"), outside);
        var secret = DocumentKey.of("evil", "secret.pdf");
        var fresh = DocumentKey.of("evil", "new.pdf");
        var deeper = DocumentKey.of("evil", "sub", "new.pdf");

        assertStorageFailure(() -> storage.get(secret), "evil/secret.pdf");
        assertStorageFailure(() -> storage.exists(secret), "evil/secret.pdf");
        assertStorageFailure(() -> storage.url(secret, Duration.ofMinutes(1)), "evil/secret.pdf");
        assertStorageFailure(() -> storage.exists(fresh), "evil/new.pdf");
        assertStorageFailure(() -> storage.put(fresh, "x".getBytes(UTF_8), "text/plain"), "evil/new.pdf");
        assertStorageFailure(() -> storage.put(deeper, "x".getBytes(UTF_8), "text/plain"), "evil/sub/new.pdf");

        assertThat(listRecursively(outside))
                .as("nothing was written outside the root")
                .containsExactly("secret.pdf");
        assertThat(Files.readString(outside.resolve("secret.pdf"))).isEqualTo("outside the root");
    }

    @Test
    void a_linked_file_leading_outside_the_root_is_neither_read_nor_overwritten() throws IOException {
        var storage = new LocalFileDocumentStorage(root);
        Files.createSymbolicLink(root.resolve("stolen.pdf"), outside.resolve("secret.pdf"));
        Files.createSymbolicLink(root.resolve("dangling.pdf"), outside.resolve("not-there.pdf"));
        var stolen = DocumentKey.of("stolen.pdf");

        assertStorageFailure(() -> storage.get(stolen), "stolen.pdf");
        assertStorageFailure(() -> storage.put(stolen, "overwrite".getBytes(UTF_8), "text/plain"), "stolen.pdf");
        assertStorageFailure(
                () -> storage.put(DocumentKey.of("dangling.pdf"), "x".getBytes(UTF_8), "text/plain"), "dangling.pdf");

        assertThat(Files.readString(outside.resolve("secret.pdf"))).isEqualTo("outside the root");
        assertThat(outside.resolve("not-there.pdf")).doesNotExist();
    }

    @Test
    void a_link_that_stays_inside_the_root_is_allowed() throws IOException {
        var storage = new LocalFileDocumentStorage(root);
        Files.createDirectories(root.resolve("2026"));
        Files.createSymbolicLink(root.resolve("current"), root.resolve("2026"));

        storage.put(DocumentKey.of("current", "FE-1.pdf"), "one".getBytes(UTF_8), "application/pdf");

        assertThat(storage.get(DocumentKey.of("2026", "FE-1.pdf")).orElseThrow().content())
                .isEqualTo("one".getBytes(UTF_8));
    }

    @Test
    void a_sibling_folder_whose_name_starts_like_the_root_is_outside_it() throws IOException {
        // "root-evil" starts with the characters of "root" but is not below it: a string prefix check would pass it.
        var storage = new LocalFileDocumentStorage(root);
        Path sibling = Files.createDirectories(temp.resolve("root-evil"));
        Files.writeString(sibling.resolve("x.pdf"), "sibling");
        Files.createSymbolicLink(root.resolve("s"), sibling);

        assertStorageFailure(() -> storage.get(DocumentKey.of("s", "x.pdf")), "s/x.pdf");
    }

    @Test
    void keys_cannot_name_sidecars_or_temporary_files() {
        var storage = new LocalFileDocumentStorage(root);
        storage.put(DocumentKey.of("a.pdf"), new byte[] {1}, "application/pdf");

        assertThatThrownBy(() -> new DocumentKey(".a.pdf.content-type"))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThat(storage.exists(DocumentKey.of("a.pdf.content-type"))).isFalse();
    }

    private static void assertStorageFailure(ThrowingCallable call, String named) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WispCrmException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
            assertThat(e.getMessage()).contains(named);
        });
    }

    private static List<String> listRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> !p.equals(folder))
                    .map(p -> folder.relativize(p).toString())
                    .toList();
        }
    }
}
