package dev.toolgate.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: REST API, persistence, invocation log, wired around the core engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ToolgateApplication {}
