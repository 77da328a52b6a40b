package org.wispcrm.hostapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the host: {@code java -jar wispcrm-example-host-app.jar}, then open http://localhost:8080. */
@SpringBootApplication
public class HostApplication {
    /** Runs the application. */
    public static void main(String[] args) {
        SpringApplication.run(HostApplication.class, args);
    }
}
