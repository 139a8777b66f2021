package dev.toolgate.server.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler only the operator may call (an {@code admin} key of the default tenant, see
 * {@link Principal#isOperator()}), on top of its {@link RequiresScope}: any other key gets 403 {@code operator_only}
 * before the request body is read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OperatorOnly {}
