package org.wispcrm.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small SMTP server on loopback that stands in front of GreenMail. By default it forwards each connection to
 * GreenMail byte for byte; a scripted connection instead speaks SMTP itself and answers one command with a failure
 * (451, 550, 554, a 421 greeting...), as a real server that defers or refuses mail does. Each script serves one
 * connection; Jakarta Mail opens one connection per message.
 */
final class SmtpGate implements AutoCloseable {

    /**
     * What a scripted connection answers; null fields get the usual success reply.
     *
     * @param greeting reply on connect, such as {@code 421 4.3.2 shutting down}
     * @param auth reply to AUTH
     * @param mailFrom reply to MAIL FROM
     * @param rcptTo reply to RCPT TO
     * @param dataEnd reply after the message's final dot
     */
    record Script(String greeting, String auth, String mailFrom, String rcptTo, String dataEnd) {
        static Script rcptTo(String reply) {
            return new Script(null, null, null, reply, null);
        }

        static Script dataEnd(String reply) {
            return new Script(null, null, null, null, reply);
        }

        static Script greeting(String reply) {
            return new Script(reply, null, null, null, null);
        }

        static Script auth(String reply) {
            return new Script(null, reply, null, null, null);
        }
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final Queue<Script> scripts = new ConcurrentLinkedQueue<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-gate");
        t.setDaemon(true);
        return t;
    });

    SmtpGate(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next connection follows {@code script} instead of reaching GreenMail. */
    void scriptNext(Script script) {
        scripts.add(script);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Script script = scripts.poll();
                workers.execute(() -> {
                    try (client) {
                        if (script == null) {
                            forward(client);
                        } else {
                            speak(client, script);
                        }
                    } catch (IOException ignored) {
                        // the client went away; nothing to clean up beyond the socket
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Socket client) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            var up = workers.submit(() -> copy(client.getInputStream(), upstream.getOutputStream(), upstream));
            copy(upstream.getInputStream(), client.getOutputStream(), client);
            up.cancel(true);
        }
    }

    private static Void copy(InputStream in, OutputStream out, Socket target) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            target.shutdownOutput();
        } catch (IOException ignored) {
            // one side closed: the other side's copy ends too
        }
        return null;
    }

    private static void speak(Socket client, Script script) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.ISO_8859_1);
        if (script.greeting() != null) {
            reply(out, script.greeting());
            return;
        }
        reply(out, "220 gate.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                reply(out, "250-gate.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
            } else if (command.startsWith("HELO")) {
                reply(out, "250 gate.test");
            } else if (command.startsWith("AUTH")) {
                reply(out, script.auth() == null ? "235 2.7.0 Authentication successful" : script.auth());
            } else if (command.startsWith("MAIL FROM")) {
                reply(out, script.mailFrom() == null ? "250 2.1.0 Ok" : script.mailFrom());
            } else if (command.startsWith("RCPT TO")) {
                reply(out, script.rcptTo() == null ? "250 2.1.5 Ok" : script.rcptTo());
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message is discarded: a scripted connection never delivers
                }
                reply(out, script.dataEnd() == null ? "250 2.0.0 Ok: queued" : script.dataEnd());
            } else if (command.equals("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "250 2.0.0 Ok");
            }
        }
    }

    private static void reply(Writer out, String text) throws IOException {
        out.write(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
