package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.NotificationId;
import org.wispcrm.core.notification.Attachment;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/**
 * Compatibility kit for {@link NotificationChannel}. Every channel the library ships extends it, and so can a
 * host's own channel (an SMS gateway, say): extend this class in a JUnit 5 test and implement the hooks against a
 * real or fake <em>provider</em> (an HTTP server speaking the provider's protocol, an SMTP server), so that the kit
 * can look at what the provider actually received rather than at what the channel claims it sent.
 *
 * <p>The hooks are called from test methods, after the subclass's own {@code @BeforeEach} methods, so a subclass
 * starts its provider there (or with a JUnit extension) and builds its channel in {@link #channel()}. The kit
 * checks:
 *
 * <ul>
 *   <li>{@code name()} is stable, and every receipt carries it;
 *   <li>{@code canReach} is true for a recipient with the channel's address and false for one without;
 *   <li>a send returns a receipt with a non-blank provider id, and the provider received the right address and
 *       the text with Spanish characters ({@code áéíóúñ¿¡}) intact;
 *   <li>attachments arrive with their names and bytes (unless {@link #sendsAttachments()} is false);
 *   <li>a transient provider failure raises a retryable {@link ChannelException}, a permanent one a non-retryable
 *       one, and the provider accepts the next message afterwards;
 *   <li>a message to an unreachable recipient fails permanently without reaching the provider;
 *   <li>concurrent sends from several threads each arrive exactly once, with distinct provider ids;
 *   <li>no secret (token, password, key) and no whole recipient address appears in a failure's message.
 * </ul>
 */
public abstract class NotificationChannelKit {

    /** Threads used by the concurrency check. */
    private static final int THREADS = 4;
    /** Messages each thread sends in the concurrency check. */
    private static final int PER_THREAD = 5;

    /** A text a Spanish-speaking customer would get, with every accented letter and the inverted marks. */
    protected static final String SPANISH_TEXT = "Hola José Núñez,\n"
            + "su factura FE-000123 de diciembre por $ 59.900 vence el 15/01. ¿Preguntas? ¡Escríbanos!\n"
            + "Vocales: á é í ó ú Á É Í Ó Ú ü Ü — eñes: ñ Ñ.";

    /**
     * What the provider received for one message it accepted.
     *
     * @param address the recipient address the provider got (E.164 phone, email address, ...)
     * @param text the message text the provider got (the email's text part, the WhatsApp body or caption)
     * @param attachments the files the provider got, in order; empty when none
     * @param providerMessageId the id the provider gave the message, when the fake provider knows it (the kit then
     *     checks that the receipt carries the same id); null when it cannot tell
     */
    public record Delivered(
            String address,
            String text,
            List<DeliveredFile> attachments,
            @Nullable String providerMessageId) {
        /** Copies the list and rejects missing parts. */
        public Delivered {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(text, "text");
            attachments = List.copyOf(attachments);
        }

        /** A delivery without attachments and without a known provider id. */
        public static Delivered text(String address, String text) {
            return new Delivered(address, text, List.of(), null);
        }
    }

    /**
     * A file as the provider received it.
     *
     * @param fileName the file name the provider got
     * @param content the bytes the provider got (decoded from base64 or MIME where the protocol encodes them)
     */
    public record DeliveredFile(String fileName, byte[] content) {
        /** Copies the bytes. */
        public DeliveredFile {
            Objects.requireNonNull(fileName, "fileName");
            content = content.clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DeliveredFile that
                    && fileName.equals(that.fileName)
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return fileName.hashCode() * 31 + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "DeliveredFile[" + fileName + ", " + content.length + " bytes]";
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Hooks

    /** The channel under test, wired to the provider this test controls. May return the same instance each time. */
    protected abstract NotificationChannel channel();

    /** A recipient that has the address this channel needs. */
    protected abstract Recipient reachableRecipient();

    /** A recipient that lacks the address this channel needs (no phone for WhatsApp, no email for email). */
    protected abstract Recipient unreachableRecipient();

    /** The address this channel sends to for {@code recipient}, as the provider will see it. */
    protected abstract String addressOf(Recipient recipient);

    /**
     * Makes the provider fail the next send in a way that trying again may fix (HTTP 503, 429, SMTP 451, a dropped
     * connection). Later sends are accepted again. The provider accepts every send unless told otherwise.
     */
    protected abstract void failTransientlyOnNextSend();

    /**
     * Makes the provider reject the next send for good (an invalid number, HTTP 400, SMTP 550). Later sends are
     * accepted again.
     */
    protected abstract void rejectPermanentlyOnNextSend();

    /**
     * Every message the provider accepted since the test began, in the order it accepted them. A channel that sends
     * one message as several provider calls (a WhatsApp text and its documents) shows one entry per call. Rejected
     * and failed calls are not listed.
     */
    protected abstract List<Delivered> delivered();

    /**
     * Strings that must never appear in a failure's message or in the channel's {@code toString()}: the API token,
     * the SMTP password, the secret key the channel was configured with.
     */
    protected abstract Set<String> secrets();

    /** Whether the channel sends attachments; a text-only channel (SMS) returns false to skip that check. */
    protected boolean sendsAttachments() {
        return true;
    }

    /** The last message the provider accepted; fails if it accepted none. */
    protected final Delivered lastDelivered() {
        List<Delivered> all = delivered();
        assertThat(all).as("messages the provider accepted").isNotEmpty();
        return all.get(all.size() - 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Messages the kit sends

    /** A message with the given text and attachments, and an HTML body when {@code html} is given. */
    protected OutgoingMessage message(
            Recipient recipient, String text, @Nullable String html, List<Attachment> attachments) {
        return new OutgoingMessage(
                NotificationId.newId(),
                NotificationKind.INVOICE_ISSUED,
                recipient,
                "Factura de diciembre: ¡ya está lista, José!",
                text,
                html,
                attachments);
    }

    /** An invoice PDF stand-in holding every byte value, so that any lossy encoding shows. */
    protected static Attachment invoicePdf() {
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[header.length + 512];
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = 0; i < 512; i++) {
            bytes[header.length + i] = (byte) (i * 7 + 3);
        }
        return new Attachment("FE-000123.pdf", "application/pdf", bytes, null);
    }

    /** A small UTF-8 CSV with Spanish text. */
    protected static Attachment detailCsv() {
        byte[] bytes = "concepto;valor\nPlan 20 Mbps (diseño básico);59900\nReconexión;10000\n"
                .getBytes(StandardCharsets.UTF_8);
        return new Attachment("detalle-FE-000123.csv", "text/csv", bytes, null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Checks

    @Test
    void nameIsStableAndValid() {
        NotificationChannel channel = channel();
        ChannelName name = channel.name();

        assertThat(name).isNotNull();
        assertThat(channel.name()).as("name() on a second call").isEqualTo(name);
        assertThat(new ChannelName(name.value())).isEqualTo(name);
    }

    @Test
    void canReachIsTrueOnlyForARecipientWithTheChannelsAddress() {
        NotificationChannel channel = channel();

        assertThat(channel.canReach(reachableRecipient()))
                .as("canReach(reachable)")
                .isTrue();
        assertThat(channel.canReach(unreachableRecipient()))
                .as("canReach(unreachable)")
                .isFalse();
    }

    @Test
    void sendDeliversTheTextWithSpanishCharactersToTheRecipientsAddress() {
        NotificationChannel channel = channel();
        Recipient recipient = reachableRecipient();
        var message = message(
                recipient,
                SPANISH_TEXT,
                "<p>Hola Jos&eacute; N&uacute;&ntilde;ez, su factura est&aacute; lista. ¿Preguntas? ¡Escríbanos!</p>",
                List.of());

        DeliveryReceipt receipt = channel.send(message);

        assertThat(receipt.channel()).as("receipt channel").isEqualTo(channel.name());
        assertThat(receipt.providerMessageId()).as("provider message id").isNotBlank();
        assertThat(delivered()).as("messages the provider accepted").hasSize(1);
        Delivered got = lastDelivered();
        assertThat(got.address()).as("address the provider got").isEqualTo(addressOf(recipient));
        assertThat(normalised(got.text())).as("text the provider got").isEqualTo(normalised(SPANISH_TEXT));
        assertThat(got.attachments()).as("attachments the provider got").isEmpty();
        if (got.providerMessageId() != null) {
            assertThat(receipt.providerMessageId())
                    .as("receipt id versus the id the provider assigned")
                    .isEqualTo(got.providerMessageId());
        }
    }

    @Test
    void attachmentsArriveWithTheirNamesAndBytes() {
        Assumptions.assumeTrue(sendsAttachments(), "this channel does not send attachments");
        Recipient recipient = reachableRecipient();
        Attachment pdf = invoicePdf();
        Attachment csv = detailCsv();
        String text = "Adjuntamos su factura FE-000123 y el detalle. ¡Gracias por su pago puntual!";

        DeliveryReceipt receipt = channel().send(message(recipient, text, null, List.of(pdf, csv)));

        assertThat(receipt.providerMessageId()).isNotBlank();
        List<Delivered> all = delivered();
        assertThat(all).as("messages the provider accepted").isNotEmpty();
        assertThat(all).allSatisfy(d -> assertThat(d.address()).isEqualTo(addressOf(recipient)));
        assertThat(all)
                .as("some delivery carries the text")
                .anySatisfy(d -> assertThat(normalised(d.text())).isEqualTo(text));
        List<DeliveredFile> files =
                all.stream().flatMap(d -> d.attachments().stream()).collect(Collectors.toList());
        assertThat(files)
                .as("files the provider got")
                .containsExactlyInAnyOrder(
                        new DeliveredFile(pdf.fileName(), pdf.content()),
                        new DeliveredFile(csv.fileName(), csv.content()));
    }

    @Test
    void aTransientProviderFailureIsRetryableAndTheNextSendGoesThrough() {
        NotificationChannel channel = channel();
        Recipient recipient = reachableRecipient();
        failTransientlyOnNextSend();

        ChannelException failure = catchThrowableOfType(
                ChannelException.class, () -> channel.send(message(recipient, "Primer intento", null, List.of())));

        assertThat(failure).as("failure thrown on a transient provider error").isNotNull();
        assertThat(failure.isRetryable()).as("isRetryable()").isTrue();
        assertThat(failure.retryAfter().orElse(Duration.ZERO).isNegative())
                .as("retryAfter() is not negative")
                .isFalse();
        channel.send(message(recipient, "Segundo intento, ¡ahora sí!", null, List.of()));
        assertThat(delivered())
                .as("only the second message was accepted")
                .extracting(d -> normalised(d.text()))
                .containsExactly("Segundo intento, ¡ahora sí!");
    }

    @Test
    void aPermanentProviderRejectionIsNotRetryableAndTheNextSendGoesThrough() {
        NotificationChannel channel = channel();
        Recipient recipient = reachableRecipient();
        rejectPermanentlyOnNextSend();

        ChannelException failure = catchThrowableOfType(
                ChannelException.class, () -> channel.send(message(recipient, "Mensaje rechazado", null, List.of())));

        assertThat(failure)
                .as("failure thrown on a permanent provider rejection")
                .isNotNull();
        assertThat(failure.isRetryable()).as("isRetryable()").isFalse();
        assertThat(failure.retryAfter()).isEmpty();
        channel.send(message(recipient, "Mensaje aceptado después", null, List.of()));
        assertThat(delivered())
                .as("only the second message was accepted")
                .extracting(d -> normalised(d.text()))
                .containsExactly("Mensaje aceptado después");
    }

    @Test
    void aMessageToAnUnreachableRecipientFailsPermanentlyWithoutCallingTheProvider() {
        NotificationChannel channel = channel();

        ChannelException failure = catchThrowableOfType(
                ChannelException.class,
                () -> channel.send(message(unreachableRecipient(), "No debe salir", null, List.of())));

        assertThat(failure).as("failure thrown for an unreachable recipient").isNotNull();
        assertThat(failure.isRetryable()).as("isRetryable()").isFalse();
        assertThat(delivered()).as("messages the provider accepted").isEmpty();
    }

    @Test
    void concurrentSendsFromSeveralThreadsEachArriveExactlyOnce() throws Exception {
        NotificationChannel channel = channel();
        Recipient recipient = reachableRecipient();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= THREADS * PER_THREAD; i++) {
            texts.add("Recordatorio n.º " + i + ": su pago vence mañana. ¡Gracias!");
        }
        List<Callable<DeliveryReceipt>> tasks = texts.stream()
                .map(text -> (Callable<DeliveryReceipt>) () -> channel.send(message(recipient, text, null, List.of())))
                .collect(Collectors.toList());

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<DeliveryReceipt> receipts = new ArrayList<>();
        try {
            for (Future<DeliveryReceipt> future : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                receipts.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(receipts)
                .extracting(DeliveryReceipt::providerMessageId)
                .as("provider ids are distinct")
                .doesNotHaveDuplicates();
        Map<String, Long> arrivals = delivered().stream()
                .collect(Collectors.groupingBy(d -> normalised(d.text()), HashMap::new, Collectors.counting()));
        Map<String, Long> expected = texts.stream().collect(Collectors.toMap(Function.identity(), t -> 1L));
        assertThat(arrivals).as("how often each text arrived").isEqualTo(expected);
        assertThat(delivered()).allSatisfy(d -> assertThat(d.address()).isEqualTo(addressOf(recipient)));
    }

    @Test
    void failuresNeverRevealSecretsOrWholeAddresses() {
        NotificationChannel channel = channel();
        Recipient recipient = reachableRecipient();
        List<ChannelException> failures = new ArrayList<>();

        failTransientlyOnNextSend();
        failures.add(catchThrowableOfType(
                ChannelException.class, () -> channel.send(message(recipient, "Falla temporal", null, List.of()))));
        rejectPermanentlyOnNextSend();
        failures.add(catchThrowableOfType(
                ChannelException.class, () -> channel.send(message(recipient, "Falla definitiva", null, List.of()))));
        failures.add(catchThrowableOfType(
                ChannelException.class,
                () -> channel.send(message(unreachableRecipient(), "Sin dirección", null, List.of()))));

        assertThat(failures)
                .as("every failure was raised as a ChannelException")
                .doesNotContainNull();
        Set<String> secrets = new HashSet<>(secrets());
        secrets.removeIf(String::isEmpty);
        for (ChannelException failure : failures) {
            for (String text : textsOfChain(failure)) {
                for (String secret : secrets) {
                    assertThat(text).as("failure text").doesNotContain(secret);
                }
            }
            assertThat(String.valueOf(failure.getMessage()))
                    .as("failure message must not show the whole address")
                    .doesNotContain(addressOf(recipient));
        }
        for (String secret : secrets) {
            assertThat(String.valueOf(channel)).as("channel toString()").doesNotContain(secret);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Line breaks as {@code \n} (SMTP turns them into CRLF) and no trailing blanks. */
    protected static String normalised(String text) {
        return text.replace("\r\n", "\n").stripTrailing();
    }

    private static List<String> textsOfChain(Throwable failure) {
        List<String> texts = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(pending.size() - 1);
            if (!seen.add(t)) {
                continue;
            }
            texts.add(String.valueOf(t.getMessage()));
            texts.add(String.valueOf(t.getLocalizedMessage()));
            texts.add(t.toString());
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return texts;
    }
}
